package dev.stratus.template;

/**
 * A user-facing problem with template text: YAML that does not parse, a section of the wrong shape.
 * {@code line} is 1-based within the text that was read, or 0 when unknown.
 */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;

  public TemplateException(String message, int line) {
    super(message);
    this.line = line;
  }

  public int line() {
    return line;
  }

  /** The message with its line, e.g. {@code "line 3: mapping values are not allowed here"}. */
  public String describe() {
    return line > 0 ? "line " + line + ": " + getMessage() : getMessage();
  }
}
