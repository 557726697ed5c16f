package dev.stratus.local;

import java.util.List;

/** What API Gateway checks before a route's function is called, as {@link ApiAuth} reads it from the template. */
sealed interface Authorizer {
  Authorizer OPEN = new Open();

  /** No authorizer: {@code NONE}, or none named and no default. */
  record Open() implements Authorizer {}

  /** {@code AWS_IAM}: a SigV4 signature for {@code service} ({@code execute-api}, or {@code lambda} for a URL). */
  record Iam(String service) implements Authorizer {}

  /**
   * An HTTP API's JWT authorizer, or a REST API's Cognito user pool one ({@code cognito}), of API {@code api}, as
   * one use by a route: {@code scopes} are that route's. {@code declared}: the issuer or user pool the template
   * names, which the local issuer stands in for, and {@code written} the same as the template writes it (before
   * the stack's names resolve it). {@code header}: where the token is.
   */
  record Bearer(String api, String name, String declared, String written, List<String> audiences, String header,
      boolean cognito, List<String> scopes) implements Authorizer {
    /**
     * The local issuer's path for it: one per issuer the template names, as on AWS, where every API that trusts an
     * issuer takes its tokens and no other API does; the name leads, for people.
     */
    String issuerPath() {
      return name + "-" + String.format("%08x", written.hashCode());
    }
  }

  /**
   * A Lambda authorizer: {@code function}'s logical id, the event it gets, where the caller's identity is (each
   * must be there) and for how long an answer is reused for the same identity (0: never).
   * {@code validation}: a TOKEN authorizer's ValidationExpression, or null.
   */
  record Lambda(String name, String function, Payload payload, boolean simpleResponses, List<String> headers,
      List<String> queryStrings, String validation, int ttlSeconds) implements Authorizer {}

  /** A Lambda authorizer's event: a REST API's TOKEN or REQUEST, an HTTP API's format 1.0 or 2.0. */
  enum Payload { TOKEN, REQUEST, V1, V2 }
}
