package dev.stratus.processor.glue;

import java.util.List;

/**
 * A typed handler method as the glue writer needs it. {@code owner} is the declaring class's name within
 * its package ({@code Products}, or {@code Shop.Products} for a nested one), {@code handler} the simple
 * name of the class generated for it, {@code routes} its {@code METHOD /path} pairs.
 */
public record TypedMethod(String packageName, String owner, String method, boolean isStatic, String handler,
    List<Param> params, Result result, List<Route> routes) {

  public record Route(String method, String path) {}

  public String qualifiedHandler() {
    return packageName.isEmpty() ? handler : packageName + "." + handler;
  }
}
