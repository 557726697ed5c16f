package dev.stratus.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.List;

/**
 * The API routes of one class's typed methods, generated as {@code <Class>_Routes}: what {@link ApiClient}
 * sends requests through, the same binding Lambda's handlers use.
 */
public interface Routes<T> {
  List<Endpoint<T>> endpoints();

  /** A generated route method: binds the request, calls {@code target}'s method, answers. */
  @FunctionalInterface
  interface Call<T> {
    Reply call(T target, ApiRequest request, Context context) throws Exception;
  }

  /** {@code GET /products/{id}} and the generated code that answers it. */
  record Endpoint<T>(String method, String path, Call<T> call) {}
}
