package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** A Lambda authorizer's policy, evaluated as IAM evaluates it: a Deny that applies wins, whatever its form. */
class LambdaAuthorizersTest {
  private static final String ARN = "arn:aws:execute-api:us-east-1:000000000000:Api/Prod/GET/orders";

  private static LambdaAuthorizers.Verdict verdict(String statements) throws Exception {
    JsonNode policy = Events.JSON.readTree("{\"Version\": \"2012-10-17\", \"Statement\": [" + statements + "]}");
    return LambdaAuthorizers.verdict(policy, ARN);
  }

  private static final String ALLOW_ALL = "{\"Effect\": \"Allow\", \"Action\": \"execute-api:Invoke\", \"Resource\": \"*\"}";

  @Test
  void anAllowWithWildcardsAppliesAndADenyWins() throws Exception {
    assertThat(verdict("{\"Effect\": \"Allow\", \"Action\": \"execute-api:*\", \"Resource\": \"arn:aws:execute-api:"
        + "us-east-1:000000000000:Api/Prod/GET/ord?rs\"}")).isEqualTo(LambdaAuthorizers.Verdict.ALLOW);
    assertThat(verdict(ALLOW_ALL + ", {\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"" + ARN + "\"}"))
        .isEqualTo(LambdaAuthorizers.Verdict.DENY);
    assertThat(verdict("{\"Effect\": \"Allow\", \"Action\": \"execute-api:Invoke\", \"Resource\": \"arn:aws:"
        + "execute-api:us-east-1:000000000000:Other/Prod/*\"}")).isEqualTo(LambdaAuthorizers.Verdict.NOT_ALLOWED);
  }

  @Test
  void aDenyByNotResourceOrNotActionStillDenies() throws Exception {
    assertThat(verdict(ALLOW_ALL + ", {\"Effect\": \"Deny\", \"Action\": \"execute-api:Invoke\", \"NotResource\":"
        + " \"arn:aws:execute-api:us-east-1:000000000000:Api/Prod/GET/public\"}"))
        .isEqualTo(LambdaAuthorizers.Verdict.DENY);
    assertThat(verdict(ALLOW_ALL + ", {\"Effect\": \"Deny\", \"NotAction\": \"s3:*\", \"Resource\": \"*\"}"))
        .isEqualTo(LambdaAuthorizers.Verdict.DENY);
    assertThat(verdict("{\"Effect\": \"Allow\", \"NotAction\": \"execute-api:Invoke\", \"Resource\": \"*\"}"))
        .isEqualTo(LambdaAuthorizers.Verdict.NOT_ALLOWED);
  }

  @Test
  void whatCannotBeEvaluatedNeverLetsMoreThrough() throws Exception {
    String condition = ", \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}}";
    assertThat(verdict("{\"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\"" + condition))
        .isEqualTo(LambdaAuthorizers.Verdict.NOT_ALLOWED);
    assertThat(verdict(ALLOW_ALL + ", {\"Effect\": \"Deny\", \"Action\": \"*\", \"Resource\": \"*\"" + condition))
        .isEqualTo(LambdaAuthorizers.Verdict.DENY);
    assertThat(verdict("{\"Effect\": \"allow\", \"Action\": \"*\", \"Resource\": \"*\"}"))
        .as("IAM's effects are case-sensitive").isEqualTo(LambdaAuthorizers.Verdict.NOT_ALLOWED);
  }
}
