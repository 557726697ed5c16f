package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsCallTest {
  private static final byte[] NONE = new byte[0];

  private static List<AwsCall> s3(String method, String target) {
    return AwsCall.of("s3", method, target, Map.of("host", "127.0.0.1:9000"), NONE);
  }

  @Test
  void s3SaysItsActionByMethodPathAndQuery() {
    assertThat(s3("GET", "/files/uploads/a%20b.txt")).containsExactly(
        new AwsCall("s3:GetObject", "arn:aws:s3:::files/uploads/a b.txt"));
    assertThat(s3("HEAD", "/files/k")).containsExactly(new AwsCall("s3:GetObject", "arn:aws:s3:::files/k"));
    assertThat(s3("PUT", "/files/k?partNumber=1&uploadId=x")).containsExactly(
        new AwsCall("s3:PutObject", "arn:aws:s3:::files/k"));
    assertThat(s3("DELETE", "/files/k")).containsExactly(new AwsCall("s3:DeleteObject", "arn:aws:s3:::files/k"));
    assertThat(s3("GET", "/files?list-type=2&prefix=uploads%2F")).containsExactly(
        new AwsCall("s3:ListBucket", "arn:aws:s3:::files"));
    assertThat(s3("POST", "/files?delete")).containsExactly(new AwsCall("s3:DeleteObject", "arn:aws:s3:::files/*"));
    assertThat(AwsCall.of("s3", "GET", "/k", Map.of("host", "files.s3.localhost.localstack.cloud"), NONE))
        .as("the bucket in the host").containsExactly(new AwsCall("s3:GetObject", "arn:aws:s3:::files/k"));
  }

  @Test
  void s3CopiesReadTheirSourceAndVersionsTagsAndListingsHaveTheirOwnActions() {
    assertThat(AwsCall.of("s3", "PUT", "/files/files/a", Map.of("host", "127.0.0.1:9000",
        "x-amz-copy-source", "/files/uploads/a%20b"), NONE)).containsExactly(
        new AwsCall("s3:PutObject", "arn:aws:s3:::files/files/a"),
        new AwsCall("s3:GetObject", "arn:aws:s3:::files/uploads/a b"));
    assertThat(s3("GET", "/files/k?versionId=3")).containsExactly(
        new AwsCall("s3:GetObjectVersion", "arn:aws:s3:::files/k"));
    assertThat(s3("PUT", "/files/k?tagging")).containsExactly(new AwsCall("s3:PutObjectTagging", "arn:aws:s3:::files/k"));
    assertThat(s3("GET", "/")).containsExactly(new AwsCall("s3:ListAllMyBuckets", null));
  }

  @Test
  void batchesAreJudgedAsTheirOneMessageActions() {
    assertThat(AwsCall.of("sqs", "POST", "/", Map.of("x-amz-target", "AmazonSQS.SendMessageBatch"),
        bytes("{\"QueueUrl\": \"http://127.0.0.1:9324/000000000000/Jobs\"}")))
        .extracting(AwsCall::action).containsExactly("sqs:SendMessage");
    assertThat(AwsCall.of("sns", "POST", "/", Map.of(), bytes("Action=PublishBatch&TopicArn=arn%3Aaws%3Asns%3Ax%3A0%3AT")))
        .extracting(AwsCall::action).containsExactly("sns:Publish");
  }

  @Test
  void kinesisActsOnTheStreamItNamesByNameOrArn() {
    assertThat(AwsCall.of("kinesis", "POST", "/", Map.of("x-amz-target", "Kinesis_20131202.PutRecord"),
        bytes("{\"StreamName\": \"clicks\", \"Data\": \"e30=\", \"PartitionKey\": \"a\"}"))).containsExactly(
        new AwsCall("kinesis:PutRecord", "arn:aws:kinesis:us-east-1:000000000000:stream/clicks"));
    assertThat(AwsCall.of("kinesis", "POST", "/", Map.of("x-amz-target", "Kinesis_20131202.PutRecords"),
        bytes("{\"StreamARN\": \"arn:aws:kinesis:us-east-1:000000000000:stream/clicks\", \"Records\": []}")))
        .containsExactly(new AwsCall("kinesis:PutRecords", "arn:aws:kinesis:us-east-1:000000000000:stream/clicks"));
    assertThat(AwsCall.of("kinesis", "POST", "/", Map.of("x-amz-target", "Kinesis_20131202.GetRecords"),
        bytes("{\"ShardIterator\": \"AAA\"}"))).containsExactly(new AwsCall("kinesis:GetRecords", null));
  }

  @Test
  void anIndexAndPartiQlAreJudgedAsIamJudgesThem() {
    assertThat(AwsCall.of("dynamodb", "POST", "/", Map.of("x-amz-target", "DynamoDB_20120810.Query"),
        bytes("{\"TableName\": \"Orders\", \"IndexName\": \"byCustomer\"}"))).containsExactly(
        new AwsCall("dynamodb:Query", "arn:aws:dynamodb:us-east-1:000000000000:table/Orders/index/byCustomer"));
    assertThat(AwsCall.of("dynamodb", "POST", "/", Map.of("x-amz-target", "DynamoDB_20120810.ExecuteStatement"),
        bytes("{\"Statement\": \"SELECT * FROM \\\"Orders\\\" WHERE id = ?\"}"))).containsExactly(
        new AwsCall("dynamodb:PartiQLSelect", "arn:aws:dynamodb:us-east-1:000000000000:table/Orders"));
  }

  @Test
  void dynamoDbNamesItsTables() {
    Map<String, String> put = Map.of("x-amz-target", "DynamoDB_20120810.PutItem");
    assertThat(AwsCall.of("dynamodb", "POST", "/", put, bytes("{\"TableName\": \"local-Files\", \"Item\": {}}")))
        .containsExactly(new AwsCall("dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:000000000000:table/local-Files"));
    Map<String, String> batch = Map.of("x-amz-target", "DynamoDB_20120810.BatchGetItem");
    assertThat(AwsCall.of("dynamodb", "POST", "/", batch, bytes("{\"RequestItems\": {\"A\": {}, \"B\": {}}}")))
        .extracting(AwsCall::arn).containsExactly("arn:aws:dynamodb:us-east-1:000000000000:table/A",
            "arn:aws:dynamodb:us-east-1:000000000000:table/B");
    Map<String, String> transact = Map.of("x-amz-target", "DynamoDB_20120810.TransactWriteItems");
    assertThat(AwsCall.of("dynamodb", "POST", "/", transact,
        bytes("{\"TransactItems\": [{\"Put\": {\"TableName\": \"A\"}}, {\"ConditionCheck\": {\"TableName\": \"B\"}}]}")))
        .extracting(AwsCall::action).containsExactly("dynamodb:PutItem", "dynamodb:ConditionCheckItem");
  }

  @Test
  void queuesAndTopicsByJsonOrQueryProtocol() {
    assertThat(AwsCall.of("sqs", "POST", "/", Map.of("x-amz-target", "AmazonSQS.SendMessage"),
        bytes("{\"QueueUrl\": \"http://127.0.0.1:9324/000000000000/local-Jobs\", \"MessageBody\": \"x\"}")))
        .containsExactly(new AwsCall("sqs:SendMessage", "arn:aws:sqs:us-east-1:000000000000:local-Jobs"));
    assertThat(AwsCall.of("sns", "POST", "/", Map.of(),
        bytes("Action=Publish&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A000000000000%3Alocal-Alerts&Message=a+b")))
        .containsExactly(new AwsCall("sns:Publish", "arn:aws:sns:us-east-1:000000000000:local-Alerts"));
  }

  @Test
  void aPolicyAllowsWhatItsStatementsMatchAndNoDenyRefuses() {
    CallPolicy policy = CallPolicy.of(List.of(Map.of("Statement", List.of(
        Map.of("Effect", "Allow", "Action", List.of("s3:Get*"), "Resource", List.of("arn:aws:s3:::files/uploads/*")),
        Map.of("Effect", "Allow", "Action", "dynamodb:PutItem", "Resource", "*"),
        Map.of("Effect", "Deny", "Action", "s3:GetObject", "Resource", "arn:aws:s3:::files/uploads/secret")))));
    assertThat(policy.allows(new AwsCall("s3:GetObject", "arn:aws:s3:::files/uploads/a"))).isTrue();
    assertThat(policy.allows(new AwsCall("S3:getobject", "arn:aws:s3:::files/uploads/a"))).as("actions without case")
        .isTrue();
    assertThat(policy.allows(new AwsCall("s3:GetObject", "arn:aws:s3:::files/other"))).isFalse();
    assertThat(policy.allows(new AwsCall("s3:GetObject", "arn:aws:s3:::files/uploads/secret"))).isFalse();
    assertThat(policy.allows(new AwsCall("dynamodb:PutItem", "arn:aws:dynamodb:us-east-1:0:table/T"))).isTrue();
    assertThat(policy.allows(new AwsCall("sqs:SendMessage", null))).isFalse();
    assertThat(CallPolicy.of(List.of("AmazonS3ReadOnlyAccess"))).as("a managed policy is not judged here").isNull();
    assertThat(CallPolicy.of(null).allows(new AwsCall("s3:GetObject", "arn:aws:s3:::b/k"))).as("no policies")
        .isFalse();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
