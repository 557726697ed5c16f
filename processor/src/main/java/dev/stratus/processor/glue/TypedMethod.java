package dev.stratus.processor.glue;

import dev.stratus.template.events.Typed;
import java.util.List;

/**
 * A typed handler method as the glue writer needs it. {@code owner} is the declaring class's name within
 * its package ({@code Products}, or {@code Shop.Products} for a nested one), {@code glueClass} the simple name
 * of the class generated for the owner's typed methods, {@code typed} what its event kind hands it,
 * {@code routes} its {@code METHOD /path} pairs; with {@code snapStart} the handler primes itself before
 * SnapStart's snapshot; {@code allowOrigin} is the CORS origin it sends, or null.
 */
public record TypedMethod(String packageName, String owner, String glueClass, String method, boolean isStatic,
    Typed typed, List<Param> params, Result result, List<Route> routes, boolean snapStart, String allowOrigin) {

  /** A route of a REST API ({@code httpApi} false) or an HTTP API; {@code api} is its logical id, empty for SAM's implicit one. */
  public record Route(String method, String path, String api, boolean httpApi) {
    /** A function URL's: every method and path, as an HTTP API's payload 2.0. */
    public static final Route FUNCTION_URL = new Route("ANY", "/{proxy+}", "", true);
  }

  /** The same method answering with {@code Access-Control-Allow-Origin: origin}, as its REST API's CORS says. */
  public TypedMethod withAllowOrigin(String origin) {
    return new TypedMethod(packageName, owner, glueClass, method, isStatic, typed, params, result, routes, snapStart,
        origin);
  }

  public boolean isAuthorizer() {
    return typed.shape() == Typed.Shape.AUTHORIZER;
  }

  public boolean isRoute() {
    return typed.shape() == Typed.Shape.ROUTE;
  }

  /** The parameter that takes a record, input or whole event; null for routes and for none. */
  public Param payload() {
    for (Param p : params) {
      if (p.source() == Param.Source.MESSAGE || p.source() == Param.Source.EVENT) {
        return p;
      }
    }
    return null;
  }

  /** Whether the method takes the whole event as aws-lambda-java-events' type, which Lambda's runtime reads. */
  public boolean takesWholeEvent() {
    return payload() != null && payload().source() == Param.Source.EVENT;
  }
}
