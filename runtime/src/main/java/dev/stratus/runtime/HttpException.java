package dev.stratus.runtime;

/**
 * Thrown by a typed handler method to answer with a status and a message the caller may read:
 * {@code throw HttpException.notFound("no product " + id)} answers 404 {@code {"message": "no product 42"}}.
 * Any other exception is a 500 that says nothing more than "internal error".
 */
public class HttpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public HttpException(int status, String message) {
    super(message);
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("an HttpException's status is 4xx or 5xx, not " + status);
    }
    this.status = status;
  }

  public static HttpException badRequest(String message) {
    return new HttpException(400, message);
  }

  public static HttpException notFound(String message) {
    return new HttpException(404, message);
  }

  public static HttpException conflict(String message) {
    return new HttpException(409, message);
  }

  public int status() {
    return status;
  }
}
