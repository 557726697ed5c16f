package ${package};

/** A note to add: what a POST body or a queue message holds. */
public record NewNote(String text, String author) {}
