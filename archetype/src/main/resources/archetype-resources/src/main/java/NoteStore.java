package ${package};

import java.util.Optional;

/** Where notes are kept: the stack's table in Lambda ({@link TableNoteStore}), anything in tests. */
public interface NoteStore {
  void put(Note note);

  Optional<Note> get(String id);
}
