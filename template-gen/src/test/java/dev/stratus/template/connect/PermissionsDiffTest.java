package dev.stratus.template.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PermissionsDiffTest {
  private static final String COMMITTED = """
      {
        "StoreFunction": {"triggers": [], "statements": [
          {"effect": "Allow", "actions": ["dynamodb:GetItem"], "resources": ["!GetAtt FilesTable.Arn"]},
          {"effect": "Allow", "actions": ["s3:Get*"], "resources": ["!Sub ${StorageBucket.Arn}/*"]}],
          "templates": [], "managed": [], "uses": []},
        "OldFunction": {"triggers": [], "statements": [
          {"effect": "Allow", "actions": ["sqs:SendMessage"], "resources": ["!GetAtt Jobs.Arn"]}],
          "templates": [], "managed": [], "uses": []}
      }
      """;

  @Test
  void theSameReportHasNoChanges() {
    assertThat(PermissionsDiff.compare(COMMITTED, COMMITTED).same()).isTrue();
  }

  @Test
  void whatThePatternsCoverIsNoWidening() {
    String now = """
        {"StoreFunction": {"statements": [
          {"effect": "Allow", "actions": ["dynamodb:getitem"], "resources": ["!GetAtt FilesTable.Arn"]},
          {"effect": "Allow", "actions": ["s3:GetObject"], "resources": ["!Sub ${StorageBucket.Arn}/uploads/*"]}]}}
        """;
    PermissionsDiff.Result r = PermissionsDiff.compare(COMMITTED, now);
    assertThat(r.widened()).isEmpty();
    assertThat(r.narrowed()).extracting(Object::toString).containsExactly(
        "StoreFunction may no longer s3:Get* on !Sub ${StorageBucket.Arn}/*",
        "OldFunction is gone");
  }

  @Test
  void newActionsResourcesPoliciesAndFunctionsWiden() {
    String now = """
        {"StoreFunction": {"statements": [
          {"effect": "Allow", "actions": ["dynamodb:GetItem", "dynamodb:DeleteItem"],
           "resources": ["!GetAtt FilesTable.Arn", "!Sub ${FilesTable.Arn}/index/*"]},
          {"effect": "Allow", "actions": ["s3:*"], "resources": ["*"]},
          {"effect": "Deny", "actions": ["s3:DeleteBucket"], "resources": ["*"]}],
          "templates": ["SQSPollerPolicy {QueueName: !GetAtt Jobs.QueueName}"], "managed": ["AWSXrayWriteOnlyAccess"]},
         "OldFunction": {"statements": [
          {"effect": "Allow", "actions": ["sqs:SendMessage"], "resources": ["!GetAtt Jobs.Arn"]}]},
         "NewFunction": {"statements": [
          {"effect": "Allow", "actions": ["sns:Publish"], "resources": ["!Ref Alerts"]}]}}
        """;
    PermissionsDiff.Result r = PermissionsDiff.compare(COMMITTED, now);
    assertThat(r.widened()).extracting(Object::toString).containsExactly(
        "StoreFunction may now dynamodb:GetItem on !Sub ${FilesTable.Arn}/index/*",
        "StoreFunction may now dynamodb:DeleteItem on !GetAtt FilesTable.Arn",
        "StoreFunction may now dynamodb:DeleteItem on !Sub ${FilesTable.Arn}/index/*",
        "StoreFunction may now s3:* on * (a wildcard)",
        "StoreFunction now has SAM policy template SQSPollerPolicy {QueueName: !GetAtt Jobs.QueueName}",
        "StoreFunction now has managed policy AWSXrayWriteOnlyAccess",
        "NewFunction is new, with sns:Publish on !Ref Alerts");
    assertThat(r.narrowed()).extracting(Object::toString).containsExactly("StoreFunction is now denied s3:DeleteBucket on *");
  }

  @Test
  void aDenyTakenAwayAStatementThatSaysMoreAndAnOwnRoleWiden() {
    String before = """
        {"F": {"statements": [
          {"effect": "Allow", "actions": ["s3:*"], "resources": ["*"]},
          {"effect": "Deny", "actions": ["s3:DeleteBucket"], "resources": ["*"]}]}}
        """;
    String after = """
        {"F": {"statements": [
          {"effect": "Allow", "actions": ["s3:*"], "resources": ["*"]},
          {"effect": "Allow", "actions": [], "resources": ["*"], "other": "{NotAction: iam:*}"}],
          "role": "!GetAtt AdminRole.Arn"}}
        """;
    assertThat(PermissionsDiff.compare(before, after).widened()).extracting(Object::toString).containsExactly(
        "F is no longer denied s3:DeleteBucket on *",
        "F now has the statement Allow [] on [*] {NotAction: iam:*}",
        "F now runs with its own role !GetAtt AdminRole.Arn");
  }

  @Test
  void aFileThatIsNoReportIsSaidSo() {
    assertThatThrownBy(() -> PermissionsDiff.compare("[1, 2]", COMMITTED)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a permissions report: no functions by name");
    assertThatThrownBy(() -> PermissionsDiff.compare("{\"F\": {\"statements\": 3}}", COMMITTED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a permissions report: ");
  }

  @Test
  void aManagedPolicySamAddsIsAWideningOnItsWildcard() {
    String now = """
        {"StoreFunction": {"statements": [
          {"effect": "Allow", "actions": ["dynamodb:GetItem"], "resources": ["!GetAtt FilesTable.Arn"]},
          {"effect": "Allow", "actions": ["s3:Get*"], "resources": ["!Sub ${StorageBucket.Arn}/*"]}],
          "sam": [{"policy": "AWSLambdaSQSQueueExecutionRole", "for": "its SQS event's poller",
                   "actions": ["sqs:ReceiveMessage", "sqs:DeleteMessage"], "resources": ["*"]}]},
         "OldFunction": {"statements": [
          {"effect": "Allow", "actions": ["sqs:SendMessage"], "resources": ["!GetAtt Jobs.Arn"]}]}}
        """;
    PermissionsDiff.Result r = PermissionsDiff.compare(COMMITTED, now);
    assertThat(r.widened()).extracting(Object::toString).containsExactly("StoreFunction now gets"
        + " AWSLambdaSQSQueueExecutionRole from SAM: sqs:ReceiveMessage, sqs:DeleteMessage on * (a wildcard)");
    assertThat(PermissionsDiff.compare(now, COMMITTED).narrowed()).extracting(Object::toString).containsExactly(
        "StoreFunction no longer gets AWSLambdaSQSQueueExecutionRole from SAM: sqs:ReceiveMessage, sqs:DeleteMessage"
            + " on * (a wildcard)");
  }

  @Test
  void aScopedRoleInPlaceOfSamsIsANarrowing() {
    String sam = """
        {"Worker": {"statements": [], "sam": [{"policy": "AWSLambdaSQSQueueExecutionRole", "for": "its SQS event's poller",
          "actions": ["sqs:ReceiveMessage", "logs:PutLogEvents"], "resources": ["*"]}]}}
        """;
    String scoped = """
        {"Worker": {"statements": [
          {"effect": "Allow", "actions": ["sqs:ReceiveMessage"], "resources": ["!GetAtt Jobs.Arn"]},
          {"effect": "Allow", "actions": ["logs:PutLogEvents"], "resources": ["!GetAtt WorkerLogGroup.Arn"]}]}}
        """;
    PermissionsDiff.Result r = PermissionsDiff.compare(sam, scoped);
    assertThat(r.widened()).isEmpty();
    assertThat(r.narrowed()).extracting(Object::toString).containsExactly("Worker no longer gets"
        + " AWSLambdaSQSQueueExecutionRole from SAM: sqs:ReceiveMessage, logs:PutLogEvents on * (a wildcard)");
  }
}
