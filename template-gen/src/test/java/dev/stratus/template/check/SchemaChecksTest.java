package dev.stratus.template.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.diagnostics.Severity;
import dev.stratus.template.yaml.TemplateYaml;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks that need CloudFormation's knowledge of resource types: properties, attributes, runtimes, and the graph. */
class SchemaChecksTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  private static List<String> problems(String yaml) {
    return TemplateChecks.run(TemplateYaml.read("Transform: AWS::Serverless-2016-10-31\n" + yaml), TODAY)
        .stream().map(Problem::describe).toList();
  }

  @Test
  void unknownTypesGetTheClosestKnownOnes() {
    assertThat(problems("Resources:\n  B: {Type: AWS::S3::Buckets}\nOutputs:\n  O: {Value: !Ref B}\n")).containsExactly(
        "[StratusUnknownResourceType] Resources/B/Type: unknown resource type 'AWS::S3::Buckets'; did you mean "
            + "AWS::S3::Bucket?");
  }

  @Test
  void customAndThirdPartyTypesAreNotChecked() {
    assertThat(problems("""
        Resources:
          C: {Type: Custom::Seeder, Properties: {Anything: [1, 2]}}
          D: {Type: AWS::CloudFormation::CustomResource, Properties: {ServiceToken: x, Extra: y}}
        Outputs:
          O: {Value: !GetAtt C.Whatever}
          P: {Value: !Ref D}
        """)).isEmpty();
  }

  @Test
  void propertiesAreCheckedAtAnyDepth() {
    assertThat(problems("""
        Resources:
          Files:
            Type: AWS::S3::Bucket
            Properties:
              BucketNme: files
              VersioningConfiguration: Enabled
              CorsConfiguration:
                CorsRules:
                  - AllowedMethod: [GET]
                    AllowedOrigins: '*'
                    MaxAge: soon
              LifecycleConfiguration:
                Rules:
                  - {Status: Enabld, ExpirationInDays: 30}
        Outputs:
          O: {Value: !Ref Files}
        """)).containsExactly(
        "[StratusUnknownProperty] Resources/Files/Properties/BucketNme: AWS::S3::Bucket has no property 'BucketNme'; "
            + "did you mean 'BucketName'?",
        "[StratusInvalidPropertyValue] Resources/Files/Properties/VersioningConfiguration: VersioningConfiguration "
            + "must be a mapping; got 'Enabled'",
        "[StratusUnknownProperty] Resources/Files/Properties/CorsConfiguration/CorsRules/0/AllowedMethod: CorsRule "
            + "has no property 'AllowedMethod'; did you mean 'AllowedMethods'?; it has AllowedHeaders, AllowedMethods, "
            + "AllowedOrigins, ExposedHeaders, Id, MaxAge",
        "[StratusInvalidPropertyValue] Resources/Files/Properties/CorsConfiguration/CorsRules/0/AllowedOrigins: "
            + "AllowedOrigins must be a list; got '*'",
        "[StratusInvalidPropertyValue] Resources/Files/Properties/CorsConfiguration/CorsRules/0/MaxAge: MaxAge must "
            + "be an integer; got 'soon'",
        "[StratusInvalidPropertyValue] Resources/Files/Properties/LifecycleConfiguration/Rules/0/Status: Status "
            + "'Enabld' is not one of Disabled, Enabled; did you mean 'Enabled'?");
  }

  @Test
  void aMisspeltRequiredPropertyIsOneMistake() {
    assertThat(problems("""
        Resources:
          R:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicy: {Statement: []}
        Outputs:
          O: {Value: !Ref R}
        """)).containsExactly("[StratusUnknownProperty] Resources/R/Properties/AssumeRolePolicy: AWS::IAM::Role has no "
        + "property 'AssumeRolePolicy'; did you mean 'AssumeRolePolicyDocument'?; it has AssumeRolePolicyDocument, "
        + "Description, ManagedPolicyArns, MaxSessionDuration, Path, PermissionsBoundary, Policies, RoleName, Tags");
  }

  @Test
  void requiredPropertiesAreNamed() {
    assertThat(problems("Resources:\n  T: {Type: AWS::DynamoDB::Table, Properties: {BillingMode: PAY_PER_REQUEST}}\n"
        + "Outputs:\n  O: {Value: !Ref T}\n"))
        .containsExactly("[StratusMissingProperty] Resources/T/Properties: AWS::DynamoDB::Table needs property 'KeySchema'");
  }

  @Test
  void intrinsicsAndScalarsCloudFormationConvertsAreAccepted() {
    assertThat(problems("""
        Parameters:
          Days: {Type: Number}
        Conditions:
          Long: !Equals [!Ref Days, '30']
        Resources:
          Q:
            Type: AWS::SQS::Queue
            Properties:
              VisibilityTimeout: '60'
              MessageRetentionPeriod: !If [Long, 1209600, !Ref Days]
              FifoQueue: 'false'
              Tags: !Ref AWS::NoValue
        Outputs:
          O: {Value: !Ref Q}
        """)).isEmpty();
  }

  @Test
  void getAttNamesAnAttributeTheTypeHas() {
    assertThat(problems("""
        Resources:
          Files: {Type: AWS::S3::Bucket}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: a.B::handleRequest
              Runtime: java21
              CodeUri: s3://b/k.jar
              Environment:
                Variables:
                  A: !GetAtt Files.Arn
                  B: !GetAtt Files.Url
                  C: !Sub '${Files.DomainNam}'
                  D: !GetAtt FnRole.Arn
              Events:
                Tick: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
        Outputs:
          FnArn: {Value: !GetAtt Fn.Arn}
          FnBad: {Value: !GetAtt Fn.Name}
        """)).containsExactly(
        "[StratusUnknownAttribute] Resources/Fn/Properties/Environment/Variables/B: !GetAtt Files.Url: AWS::S3::Bucket "
            + "has no attribute 'Url'; it has Arn, DomainName, DualStackDomainName, MetadataConfiguration.Destination, "
            + "MetadataConfiguration.InventoryTableConfiguration.TableArn, MetadataConfiguration.InventoryTableConfiguration"
            + ".TableName, MetadataConfiguration.JournalTableConfiguration.TableArn, MetadataConfiguration"
            + ".JournalTableConfiguration.TableName, MetadataTableConfiguration.S3TablesDestination.TableArn, "
            + "MetadataTableConfiguration.S3TablesDestination.TableNamespace, RegionalDomainName, WebsiteURL",
        "[StratusUnknownAttribute] Resources/Fn/Properties/Environment/Variables/C: ${Files.DomainNam} in !Sub: "
            + "AWS::S3::Bucket has no attribute 'DomainNam'; did you mean 'DomainName'?; it has Arn, DomainName, "
            + "DualStackDomainName, MetadataConfiguration.Destination, MetadataConfiguration.InventoryTableConfiguration"
            + ".TableArn, MetadataConfiguration.InventoryTableConfiguration.TableName, MetadataConfiguration"
            + ".JournalTableConfiguration.TableArn, MetadataConfiguration.JournalTableConfiguration.TableName, "
            + "MetadataTableConfiguration.S3TablesDestination.TableArn, MetadataTableConfiguration.S3TablesDestination"
            + ".TableNamespace, RegionalDomainName, WebsiteURL",
        "[StratusUnknownAttribute] Outputs/FnBad: !GetAtt Fn.Name: AWS::Serverless::Function has no attribute 'Name'; "
            + "it has Arn, SnapStartResponse, SnapStartResponse.ApplyOn, SnapStartResponse.OptimizationStatus");
  }

  @Test
  void runtimesMustExistAndBeAlive() {
    assertThat(problems("""
        Globals:
          Function: {Runtime: java8}
        Resources:
          A:
            Type: AWS::Serverless::Function
            Properties: {Handler: a.B::handleRequest, Runtime: java22, CodeUri: s3://b/k.jar, Events: {T: {Type: Schedule, Properties: {Schedule: rate(1 day)}}}}
        """)).containsExactly(
        "[StratusInvalidRuntime] Resources/A/Properties/Runtime: 'java22' is not a Lambda runtime; did you mean 'java21'?",
        "[StratusInvalidRuntime] Globals/Function/Runtime: Lambda no longer creates functions on 'java8' (since "
            + "2024-02-08); use java25");
  }

  @Test
  void aRuntimeNearItsEndIsAWarning() {
    List<Problem> problems = TemplateChecks.run(TemplateYaml.read("""
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function: {Runtime: dotnet8}
        """), TODAY);
    assertThat(problems).extracting(Problem::describe).containsExactly("[StratusDeprecatedRuntime] Globals/Function/Runtime: "
        + "'dotnet8' is deprecated since 2026-11-10; Lambda stops creating functions on it on 2026-12-10; use dotnet9");
    assertThat(problems.get(0).isError()).isFalse();
  }

  @Test
  void referencesToConditionalResourcesNeedTheCondition() {
    assertThat(problems("""
        Parameters:
          Env: {Type: String}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Resources:
          Archive: {Type: AWS::S3::Bucket, Condition: IsProd}
          Q1: {Type: AWS::SQS::Queue, Properties: {QueueName: !Ref Archive}}
          Q2: {Type: AWS::SQS::Queue, Properties: {QueueName: !If [IsProd, !Ref Archive, !Ref AWS::NoValue]}}
          Q3: {Type: AWS::SQS::Queue, Condition: IsProd, Properties: {QueueName: !Ref Archive}}
        Outputs:
          A: {Value: !GetAtt Archive.Arn}
          B: {Value: !GetAtt Archive.Arn, Condition: IsProd}
          C: {Value: !Join [',', [!Ref Q1, !Ref Q2, !Ref Q3]], Condition: IsProd}
        """)).containsExactly(
        "[StratusConditionalReference] Resources/Q1/Properties/QueueName: !Ref Archive refers to a resource that exists "
            + "only when IsProd holds; give this the same condition or wrap the reference in !If [IsProd, …, !Ref "
            + "AWS::NoValue]",
        "[StratusConditionalReference] Outputs/A: !GetAtt Archive.Arn refers to a resource that exists only when "
            + "IsProd holds; give this the same condition or wrap the reference in !If [IsProd, …, !Ref AWS::NoValue]");
  }

  @Test
  void theClassicBucketNotificationCycleIsExplained() {
    assertThat(problems("""
        Resources:
          Uploads: {Type: AWS::S3::Bucket}
          OnUpload:
            Type: AWS::Serverless::Function
            Properties:
              Handler: a.B::handleRequest
              CodeUri: s3://b/k.jar
              Policies: [{S3ReadPolicy: {BucketName: !Ref Uploads}}]
              Events:
                Put: {Type: S3, Properties: {Bucket: !Ref Uploads, Events: 's3:ObjectCreated:*'}}
        """)).containsExactly(
        "[StratusDependencyCycle] Resources/OnUpload: circular dependency: OnUpload → Uploads → OnUpload; the bucket "
            + "notifies a function that refers to it: name the bucket from a parameter (BucketName: !Ref "
            + "BucketNameParameter) and refer to the parameter in the function's policies and environment");
  }

  @Test
  void cyclesThroughDependsOnAndGlobalsAreFound() {
    assertThat(problems("""
        Globals:
          Function:
            Environment: {Variables: {QUEUE: !Ref C}}
        Resources:
          A: {Type: AWS::SQS::Queue, DependsOn: B}
          B: {Type: AWS::SQS::Queue, Properties: {QueueName: !GetAtt A.QueueName}}
          C: {Type: AWS::SQS::Queue, DependsOn: Fn}
          Fn:
            Type: AWS::Serverless::Function
            Properties: {Handler: a.B::handleRequest, CodeUri: s3://b/k.jar, Events: {T: {Type: Schedule, Properties: {Schedule: rate(1 day)}}}}
        """)).containsExactly(
        "[StratusDependencyCycle] Resources/A: circular dependency: A → B → A; remove one of these references",
        "[StratusDependencyCycle] Resources/Fn: circular dependency: Fn → C → Fn; remove one of these references");
  }

  @Test
  void warnsOfWhatIsDeclaredButUnused() {
    assertThat(problems("""
        Parameters:
          Used: {Type: String}
          Unused: {Type: String}
        Resources:
          Lonely: {Type: AWS::SQS::Queue}
          Target: {Type: AWS::SQS::Queue, Properties: {QueueName: !Ref Used}}
          Policy:
            Type: AWS::SQS::QueuePolicy
            Properties:
              Queues: [!Ref Target]
              PolicyDocument: {Statement: []}
          Idle:
            Type: AWS::Serverless::Function
            Properties: {Handler: a.B::handleRequest, CodeUri: s3://b/k.jar}
          Hook:
            Type: AWS::Serverless::Function
            Properties: {Handler: a.B::handleRequest, CodeUri: s3://b/k.jar, FunctionUrlConfig: {AuthType: NONE}}
          Both:
            Type: AWS::Serverless::Function
            Properties:
              Handler: a.B::handleRequest
              CodeUri: s3://b/k.jar
              Events:
                Rest: {Type: Api, Properties: {Path: /a, Method: get}}
                Http: {Type: HttpApi, Properties: {Path: /b, Method: get}}
        """)).containsExactly(
        "[StratusFunctionWithoutEvents] Resources/Idle: Idle has no event nor URL, so nothing invokes it but a direct call; "
            + "add an event annotation if that is not intended",
        "[StratusMixedApiKinds] Resources/Both: Both is behind both a REST API (@ApiRoute) and an HTTP API "
            + "(@HttpApiRoute), which send different event shapes; pick one",
        "[StratusUnusedParameter] Parameters/Unused: parameter 'Unused' is never referenced; remove it or use it with "
            + "!Ref Unused",
        "[StratusUnusedResource] Resources/Lonely: resource 'Lonely' is referenced by nothing; if it is meant to stand "
            + "alone, give it an output (@CfOutput) so that it can be found");
    assertThat(TemplateChecks.run(TemplateYaml.read("Resources:\n  Lonely: {Type: AWS::SQS::Queue}\n"), TODAY))
        .allMatch(p -> !p.isError());
  }

  @Test
  void theSpecsComeFromTheOfficialSchemas() {
    ResourceSpecs specs = ResourceSpecs.get();
    assertThat(specs.types()).hasSizeGreaterThan(1000).contains("AWS::Lambda::Function", "AWS::Serverless::Function");
    assertThat(specs.spec("AWS::DynamoDB::Table").attributes()).contains("Arn", "StreamArn");
    assertThat(specs.knownRuntimes()).contains("java21", "java25");
    assertThat(Diagnostic.UnusedResource.severity()).isEqualTo(Severity.WARNING);
  }
}
