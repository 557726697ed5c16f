package bench.glue;

import java.util.List;

/** What each route answers: a record with a list, an enum-like string and a number. */
public record Book(long id, String title, List<String> authors, String shelf, int pages) {
  static Book sample(long id, String format) {
    return new Book(id, "Dune (" + format + ")", List.of("Frank Herbert"), "FICTION", 412);
  }
}
