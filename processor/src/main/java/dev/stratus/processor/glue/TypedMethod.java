package dev.stratus.processor.glue;

import java.util.List;

/**
 * A typed handler method as the glue writer needs it. {@code owner} is the declaring class's name within
 * its package ({@code Products}, or {@code Shop.Products} for a nested one), {@code handler} the simple
 * name of the class generated for it, {@code routes} its {@code METHOD /path} pairs; with {@code snapStart}
 * the handler primes itself before SnapStart's snapshot; {@code allowOrigin} is the CORS origin it sends,
 * or null.
 */
public record TypedMethod(String packageName, String owner, String method, boolean isStatic, String handler,
    Trigger trigger, List<Param> params, Result result, List<Route> routes, boolean snapStart, String allowOrigin) {

  /** What invokes the function; one kind per method. */
  public enum Trigger { API, SQS, SNS, S3, SCHEDULE }

  /** A route of a REST API ({@code httpApi} false) or an HTTP API; {@code api} is its logical id, empty for SAM's implicit one. */
  public record Route(String method, String path, String api, boolean httpApi) {}

  /** The same method answering with {@code Access-Control-Allow-Origin: origin}, as its REST API's CORS says. */
  public TypedMethod withAllowOrigin(String origin) {
    return new TypedMethod(packageName, owner, method, isStatic, handler, trigger, params, result, routes, snapStart,
        origin);
  }

  /** The parameter that takes a message, record, input or whole event; null for API methods and for none. */
  public Param payload() {
    for (Param p : params) {
      if (p.source() == Param.Source.MESSAGE || p.source() == Param.Source.EVENT) {
        return p;
      }
    }
    return null;
  }

  public String qualifiedHandler() {
    return packageName.isEmpty() ? handler : packageName + "." + handler;
  }
}
