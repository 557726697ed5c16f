package ${package};

/** A note, as the table keeps it and the API answers it. */
public record Note(String id, String text, String author) {}
