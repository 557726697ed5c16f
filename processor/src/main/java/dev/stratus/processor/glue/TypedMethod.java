package dev.stratus.processor.glue;

import java.util.List;

/**
 * A typed handler method as the glue writer needs it. {@code owner} is the declaring class's name within
 * its package ({@code Products}, or {@code Shop.Products} for a nested one), {@code handler} the simple
 * name of the class generated for it, {@code routes} its {@code METHOD /path} pairs; with {@code snapStart}
 * the handler primes itself before SnapStart's snapshot.
 */
public record TypedMethod(String packageName, String owner, String method, boolean isStatic, String handler,
    Trigger trigger, List<Param> params, Result result, List<Route> routes, boolean snapStart) {

  /** What invokes the function; one kind per method. */
  public enum Trigger { API, SQS, SNS, S3, SCHEDULE }

  public record Route(String method, String path) {}

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
