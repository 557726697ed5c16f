package dev.stratus.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The way in of a route's handler ({@link Handlers}): the proxy event parsed, the route called, what it returned or
 * threw turned into a reply. Binding failures are one 400, an {@link HttpException} its status and message,
 * anything else a 500 that reveals nothing and is logged with the request id.
 */
public final class Api {
  /** A route's own part: binds the request, calls the method, wraps the result. */
  @FunctionalInterface
  public interface Route {
    Reply call(ApiRequest request, Context context) throws Exception;
  }

  private Api() {}

  /**
   * Lambda's stream handler body, event JSON in, proxy response JSON out; for a route of a REST API that allows
   * {@code allowOrigin} (its {@code Cors}; null for none), API Gateway answers the preflight, and the function
   * must send the header on every reply, refusals included.
   */
  public static void answer(InputStream in, OutputStream out, Context context, Route route, String allowOrigin)
      throws IOException {
    String event = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    ApiRequest request;
    try {
      request = ApiRequest.parse(event);
    } catch (JsonException e) {
      log(context, "", "the event is not an API Gateway proxy event: " + e.getMessage());
      out.write(cors(Reply.error(400, "the event is not an API Gateway proxy event"), allowOrigin).toJson()
          .getBytes(StandardCharsets.UTF_8));
      return;
    }
    out.write(cors(answer(request, context, route), allowOrigin).toJson().getBytes(StandardCharsets.UTF_8));
  }

  /** {@code reply} with {@code Access-Control-Allow-Origin}, unless the method set its own; none for null. */
  public static Reply cors(Reply reply, String allowOrigin) {
    return allowOrigin == null ? reply : reply.withDefaultHeader("Access-Control-Allow-Origin", allowOrigin);
  }

  /** The reply to one parsed request. */
  public static Reply answer(ApiRequest request, Context context, Route route) {
    try {
      return route.call(request, context);
    } catch (BindingException e) {
      return Reply.badRequest(e);
    } catch (HttpException e) {
      return Reply.error(e.status(), e.getMessage());
    } catch (Exception | LinkageError | StackOverflowError e) {
      log(context, request.requestId(), Log.trace(e));
      return Reply.error(500, "internal error; the request may be retried");
    }
  }

  private static void log(Context context, String requestId, String message) {
    Log.error(context, "request " + (requestId.isEmpty() ? "(no id)" : requestId) + ": " + message);
  }
}
