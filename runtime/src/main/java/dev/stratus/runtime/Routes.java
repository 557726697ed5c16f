package dev.stratus.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.List;

/**
 * The API routes and event methods of one class's typed methods, as its generated {@link Handlers} table lists
 * them: what {@link TestClient} sends requests through, the same binding Lambda's handlers use.
 */
public interface Routes<T> {
  List<Endpoint<T>> endpoints();

  /** The methods that take events: each record, the whole input, an authorizer's question. */
  List<Listener<T>> listeners();

  /** An event method as its table runs it: the event's JSON in, the reply's JSON out. */
  @FunctionalInterface
  interface EventCall<T> {
    String call(T target, String event, Context context) throws Exception;
  }

  /** The typed method {@code method} and the kind of event it takes, as its {@link EventSource} names it ({@code SQS}). */
  record Listener<T>(String method, String trigger, EventCall<T> call) {}

  /** A route method as its table runs it: binds the request, calls {@code target}'s method, answers. */
  @FunctionalInterface
  interface Call<T> {
    Reply call(T target, ApiRequest request, Context context) throws Exception;
  }

  /**
   * {@code GET /products/{id}} and what answers it; {@code allowOrigin} is the CORS
   * origin its API declares, or null; {@code httpApi}: an HTTP API's route, not a REST API's.
   */
  record Endpoint<T>(String method, String path, Call<T> call, String allowOrigin, boolean httpApi) {}
}
