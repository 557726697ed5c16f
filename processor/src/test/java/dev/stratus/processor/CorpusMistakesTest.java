package dev.stratus.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The resource corpus (scenarios/resource-corpus, which compiles clean and passes cfn-lint) with one
 * mistake at a time: each must be the one error, with a message that names it.
 */
class CorpusMistakesTest {
  private static final Path CORPUS =
      Path.of("src/test/resources/scenarios/resource-corpus/src/com/example/Infrastructure.java");

  /** What the mistake is, the correct text, the mistaken text, the message. */
  static Stream<Arguments> mistakes() {
    return Stream.of(
        Arguments.of("bucket CORS", "- AllowedMethods: [GET, PUT]", "- AllowedMethod: [GET, PUT]", "[StratusUnknownProperty] CorsRule has no property 'AllowedMethod'; did you mean 'AllowedMethods'?"),
        Arguments.of("table TTL", "Enabled: true}\n    StreamSpecification", "Enabled: sometimes}\n    StreamSpecification", "[StratusInvalidPropertyValue] Enabled must be a boolean (true or false); got 'sometimes'"),
        Arguments.of("queue timeout", "VisibilityTimeout: 120", "VisibilityTimeout: soon", "[StratusInvalidPropertyValue] VisibilityTimeout must be an integer; got 'soon'"),
        Arguments.of("dead letters", "\"MessageRetentionPeriod: 1209600\"", "\"MessageRetentionPeriods: 1209600\"", "[StratusUnknownProperty] AWS::SQS::Queue has no property 'MessageRetentionPeriods'; did you mean 'MessageRetentionPeriod'?"),
        Arguments.of("topic subscription", "    Subscription:\n      - Protocol: sqs\n        Endpoint: !GetAtt Jobs.Arn", "    Subscription:\n      Protocol: sqs", "[StratusInvalidPropertyValue] Subscription must be a list; got a mapping"),
        Arguments.of("queue policy", "    Queues: [!Ref Jobs]\n", "", "[StratusMissingProperty] AWS::SQS::QueuePolicy needs property 'Queues'"),
        Arguments.of("role trust", "AssumeRolePolicyDocument:", "AssumeRolePolicy:", "[StratusUnknownProperty] AWS::IAM::Role has no property 'AssumeRolePolicy'; did you mean 'AssumeRolePolicyDocument'?"),
        Arguments.of("log retention", "\"RetentionInDays: 14\"", "\"RetentionInDays: 2 weeks\"", "[StratusInvalidPropertyValue] RetentionInDays must be an integer; got '2 weeks'"),
        Arguments.of("rule state", "State: ENABLED", "State: ACTIVE", "[StratusInvalidPropertyValue] State 'ACTIVE' is not one of DISABLED, ENABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"),
        Arguments.of("api key", "\"Enabled: true\")", "\"Enable: true\")", "[StratusUnknownProperty] AWS::ApiGateway::ApiKey has no property 'Enable'; did you mean 'Enabled'?"),
        Arguments.of("quota limit", "Limit: 1000", "Limit: lots", "[StratusInvalidPropertyValue] Limit must be an integer; got 'lots'"),
        Arguments.of("plan key type", "KeyType: API_KEY", "KeyType: KEY", "[StratusInvalidPropertyValue] KeyType 'KEY' is not one of API_KEY"),
        Arguments.of("key rotation", "EnableKeyRotation: true", "EnableKeyRotation: yearly", "[StratusInvalidPropertyValue] EnableKeyRotation must be a boolean (true or false); got 'yearly'"),
        Arguments.of("alias target", "    TargetKeyId: !Ref DataKey\n", "", "[StratusMissingProperty] AWS::KMS::Alias needs property 'TargetKeyId'"),
        Arguments.of("parameter type", "    Type: String\n    Value:", "    Type: Text\n    Value:", "[StratusInvalidPropertyValue] Type 'Text' is not one of String, StringList"),
        Arguments.of("secret length", "PasswordLength: 32", "PasswordLength: long", "[StratusInvalidPropertyValue] PasswordLength must be an integer; got 'long'"),
        Arguments.of("alarm operator", "ComparisonOperator: GreaterThanThreshold", "ComparisonOperator: GreaterThan", "[StratusInvalidPropertyValue] ComparisonOperator 'GreaterThan' is not one of "),
        Arguments.of("bucket policy", "    Bucket: !Ref Uploads\n", "", "[StratusMissingProperty] AWS::S3::BucketPolicy needs property 'Bucket'"),
        Arguments.of("stream shards", "ShardCount: 1", "ShardCount: [1]", "[StratusInvalidPropertyValue] ShardCount must be an integer; got a list"),
        Arguments.of("repository tags", "ImageTagMutability: IMMUTABLE", "ImageTagMutability: FROZEN", "[StratusInvalidPropertyValue] ImageTagMutability 'FROZEN' is not one of "),
        Arguments.of("stream attribute", "Orders.StreamArn", "Orders.StreamARN", "[StratusUnknownAttribute] !GetAtt Orders.StreamARN: AWS::DynamoDB::Table has no attribute 'StreamARN'; did you mean 'StreamArn'?"),
        Arguments.of("resource type", "type = \"AWS::Kinesis::Stream\"", "type = \"AWS::Kinesis::Streams\"", "[StratusUnknownResourceType] unknown resource type 'AWS::Kinesis::Streams'; did you mean AWS::Kinesis::Stream"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void eachMistakeIsTheOneError(String what, String correct, String mistaken, String message) throws IOException {
    String source = Files.readString(CORPUS);
    String broken = source.replace(correct, mistaken);
    if (broken.equals(source)) {
      throw new AssertionError("the corpus has no '" + correct + "' to break");
    }
    JavaFileObject file = JavaFileObjects.forSourceString("com.example.Infrastructure", broken);
    Compilation c = Compile.compile(file);
    assertThat(c).hadErrorCount(1);
    // The tag, then (inside a text block) which line of it, then the words.
    int words = message.indexOf("] ") + 2;
    assertThat(c).hadErrorContaining(message.substring(0, words)).inFile(file);
    assertThat(c).hadErrorContaining(message.substring(words)).inFile(file);
  }
}
