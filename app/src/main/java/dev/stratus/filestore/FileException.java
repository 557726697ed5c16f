package dev.stratus.filestore;

/** A request that the service refuses, with the reason in words for the caller. */
public final class FileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of refusal; the HTTP layer maps each to its status. */
  public enum Kind { INVALID, NOT_FOUND, CONFLICT }

  private final Kind kind;

  public FileException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  static FileException invalid(String message) {
    return new FileException(Kind.INVALID, message);
  }
}
