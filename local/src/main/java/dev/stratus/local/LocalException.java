package dev.stratus.local;

/** A problem the user can fix (a missing template, an unknown function, a port in use): reported without a stack trace. */
final class LocalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  LocalException(String message) {
    super(message);
  }

  LocalException(String message, Throwable cause) {
    super(message, cause);
  }
}
