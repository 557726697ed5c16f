package com.example.books;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stratus.runtime.TestClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The routes as Lambda runs them, through the generated binding, without deploying anything. */
class BooksTest {
  private final TestClient client = TestClient.of(new Books(new Library()));

  @Test
  void addThenGet() {
    TestClient.Answer added = client.post("/books", """
        {"isbn": "978-0", "title": "Dune", "authors": ["Frank Herbert"], "published": "1965-08-01",
         "shelf": "FICTION"}""");
    assertEquals(201, added.status(), added.body());
    assertEquals("/books/978-0", added.header("Location"));
    TestClient.Answer got = client.get("/books/978-0");
    assertEquals(200, got.status());
    assertEquals("Dune", ((Map<?, ?>) got.json()).get("title"));
    assertEquals(409, client.post("/books", "{\"isbn\": \"978-0\", \"title\": \"Dune\"}").status());
  }

  @Test
  void mistakesAreNamed() {
    TestClient.Answer bad = client.get("/books?shelf=POETRY&limit=lots");
    assertEquals(400, bad.status());
    assertEquals(2, ((List<?>) ((Map<?, ?>) bad.json()).get("errors")).size(), bad.body());
    assertTrue(bad.body().contains("must be one of FICTION, SCIENCE, HISTORY"), bad.body());
    assertEquals(404, client.get("/books/nope").status());
  }
}
