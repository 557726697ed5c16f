package dev.stratus.runtime;

/** Text that is not the JSON a codec expects; the message says what and where, for a 400 the caller can act on. */
public final class JsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JsonException(String message) {
    super(message);
  }
}
