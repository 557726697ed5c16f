package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stratus.runtime.TestClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The functions as Lambda calls them, through their generated handlers, on a store in memory. */
class NotesTest {
  private final Map<String, Note> notes = new HashMap<>();
  private final TestClient client = TestClient.of(new Notes(new NoteStore() {
    @Override
    public void put(Note note) {
      notes.put(note.id(), note);
    }

    @Override
    public Optional<Note> get(String id) {
      return Optional.ofNullable(notes.get(id));
    }
  }));

  @Test
  void addThenGet() {
    TestClient.Answer added = client.post("/notes", "{\"text\": \"buy milk\", \"author\": \"ada\"}");
    assertEquals(201, added.status(), added.body());
    TestClient.Answer got = client.get(added.header("Location"));
    assertEquals(200, got.status());
    assertEquals("buy milk", ((Map<?, ?>) got.json()).get("text"));
  }

  @Test
  void mistakesAreAnswered() {
    TestClient.Answer empty = client.post("/notes", "{\"author\": \"ada\"}");
    assertEquals(400, empty.status());
    assertEquals("{\"message\":\"a note needs a text\"}", empty.body());
    assertEquals(404, client.get("/notes/nope").status());
  }

  @Test
  void importsEachMessageOnItsOwn() {
    List<String> failed = client.sqs("importNote", "{\"text\": \"from the queue\"}", "{\"author\": \"bob\"}");
    assertEquals(List.of("{\"author\": \"bob\"}"), failed, "the message without a text fails alone");
    // what the call logged, as Lambda would have: kept by the client, not printed
    assertTrue(client.logs().stream().anyMatch(line -> line.contains("a note needs a text")), client.logs()::toString);
    assertTrue(notes.values().stream().anyMatch(n -> n.text().equals("from the queue")));
  }
}
