package dev.stratus.template;

/**
 * The names of the resources SAM generates from serverless ones, which templates may refer to: the
 * implicit APIs, a function's role and its alias and version, an API's stage and deployment.
 */
public final class SamNames {
  public static final String IMPLICIT_REST_API = "ServerlessRestApi";
  public static final String IMPLICIT_REST_API_STAGE = "ServerlessRestApiProdStage";
  public static final String IMPLICIT_REST_API_DEPLOYMENT = "ServerlessRestApiDeployment";
  public static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";
  /** The stage SAM gives the implicit REST API. */
  public static final String DEFAULT_STAGE = "Prod";

  private SamNames() {}

  /** The role SAM creates for a function that names none. */
  public static String role(String functionId) {
    return functionId + "Role";
  }

  /** {@code Ref}-able names SAM adds for a resource: {@code MyFunction.Alias}, {@code MyApi.Stage}, … */
  public static java.util.List<String> dotted(String logicalId, String type) {
    return switch (type) {
      case Resource.SERVERLESS_FUNCTION -> java.util.List.of(logicalId + ".Alias", logicalId + ".Version");
      case "AWS::Serverless::Api", "AWS::Serverless::HttpApi" -> java.util.List.of(logicalId + ".Stage",
          logicalId + ".Deployment");
      default -> java.util.List.of();
    };
  }

  /** {@code MyApi.Stage} and the like stand for the resource they are generated from. */
  public static String base(String name) {
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
