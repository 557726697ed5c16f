package dev.stratus.filestore;

import dev.stratus.runtime.HttpException;

/**
 * A request that the service refuses, with the reason in words for the caller; its kind decides the HTTP
 * status the generated glue answers with.
 */
public final class FileException extends HttpException {
  private static final long serialVersionUID = 1L;

  /** What kind of refusal: 400, 404 or 409. */
  public enum Kind { INVALID, NOT_FOUND, CONFLICT }

  private final Kind kind;

  public FileException(Kind kind, String message) {
    super(switch (kind) {
      case INVALID -> 400;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
    }, message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  static FileException invalid(String message) {
    return new FileException(Kind.INVALID, message);
  }
}
