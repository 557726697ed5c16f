package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stratus.runtime.AuthResult;
import dev.stratus.runtime.TestClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrdersTest {
  private final TestClient client = TestClient.of(new Orders());

  @Test
  void aCallerSeesTheirOwnOrders() {
    TestClient.Answer a = client.withClaims(Map.of("sub", "alice")).get("/orders");
    assertEquals(200, a.status());
    assertEquals("[\"alice-order-1\",\"alice-order-2\"]", a.body());
  }

  @Test
  void aTokenWithoutSubIsRefused() {
    assertEquals(401, client.get("/orders").status());
  }

  @Test
  void theAuthorizerKnowsTenantKeys() {
    AuthResult r = client.authorize("tenants", "key-acme");
    assertTrue(r.allowed());
    assertEquals("acme", r.context().get("tenant"));
    assertFalse(client.authorize("tenants", "guess").allowed());
    assertEquals("\"orders of acme\"", client.withAuthContext(Map.of("tenant", "acme")).get("/tenant/orders").body());
  }
}
