package com.example.orders;

import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.AuthContext;
import dev.stratus.annotations.Authorizer;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.Claim;
import dev.stratus.annotations.HttpApiRoute;
import dev.stratus.runtime.AuthResult;
import java.util.List;

/** Each route reads who called it from what its authorizer passed on. */
public class Orders {
  @CfFunction
  @HttpApiRoute(path = "/orders", method = "GET", scopes = "orders/read")
  public List<String> mine(@Claim("sub") String user) {
    return List.of(user + "-order-1", user + "-order-2");
  }

  @CfFunction
  @HttpApiRoute(path = "/health", method = "GET", authorizer = "NONE")
  public String health() {
    return "ok";
  }

  @CfFunction
  @ApiRoute(path = "/tenant/orders", method = "GET", authorizer = "Tenants")
  public String tenantOrders(@AuthContext("tenant") String tenant) {
    return "orders of " + tenant;
  }

  @CfFunction
  @ApiRoute(path = "/reports", method = "GET", authorizer = "AWS_IAM")
  public String report() {
    return "report";
  }

  /** A tenant key is {@code key-<tenant>}; anything else is refused. */
  @CfFunction
  @Authorizer(name = "Tenants", ttl = 60)
  public AuthResult tenants(String token) {
    return token.startsWith("key-") ? AuthResult.allow("tenant-" + token.substring(4)).with("tenant", token.substring(4))
        : AuthResult.deny();
  }
}
