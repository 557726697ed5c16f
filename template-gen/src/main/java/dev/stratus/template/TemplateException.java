package dev.stratus.template;

/**
 * A user-facing problem with template text: YAML that does not parse, a section of the wrong shape.
 * {@code line} and {@code column} are 1-based within the text that was read, or 0 when unknown.
 */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public TemplateException(String message, int line) {
    this(message, line, 0);
  }

  public TemplateException(String message, int line, int column) {
    super(message);
    this.line = line;
    this.column = column;
  }

  public int line() {
    return line;
  }

  /** The message with its line, e.g. {@code "line 3: mapping values are not allowed here"}. */
  public String describe() {
    return line > 0 ? "line " + line + ": " + getMessage() : getMessage();
  }

  /** The message as compilers print it, {@code "template.yaml:3:9: mapping values are not allowed here"}, which IDEs link. */
  public String describe(String file) {
    return file + (line > 0 ? ":" + line : "") + (line > 0 && column > 0 ? ":" + column : "") + ": " + getMessage();
  }
}
