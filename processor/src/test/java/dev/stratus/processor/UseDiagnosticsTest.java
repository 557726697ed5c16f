package dev.stratus.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stratus.processor.Compile.assertSingleError;
import static dev.stratus.processor.Compile.compile;
import static dev.stratus.processor.Compile.handler;
import static dev.stratus.processor.Compile.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per diagnostic of {@code @Use}: the count, the message and the line it points at. */
class UseDiagnosticsTest {
  private static JavaFileObject resources() {
    return source("Store", """
        @CfParameter(name = "MediaBucketName", defaultValue = "media")
        @CfResource(logicalId = "Orders", type = "AWS::DynamoDB::Table", properties = \"""
            BillingMode: PAY_PER_REQUEST
            AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            KeySchema: [{AttributeName: id, KeyType: HASH}]
            \""")
        @CfResource(logicalId = "Alerts", type = "AWS::SNS::Topic")
        @CfResource(logicalId = "Logs", type = "AWS::Logs::LogGroup")
        @CfResource(logicalId = "Uploads", type = "AWS::S3::Bucket")
        @CfCondition(name = "Archiving", value = "!Equals [!Ref AWS::Region, eu-west-1]")
        @CfResource(logicalId = "Archive", type = "AWS::SQS::Queue", condition = "Archiving")
        final class Store {}
        """);
  }

  @Test
  void theResourceMustExist() {
    JavaFileObject src = handler("Reader", """
        @CfFunction
        @Use(value = "Order", access = Access.READ)
        @OnSchedule("rate(1 hour)")""");
    assertSingleError(compile(src, resources()), src, "[StratusUnknownUseResource] @Use names 'Order', which is no"
        + " resource of the template; did you mean 'Orders'?; declare it with @CfResource or in the base template",
        "@Use(value = \"Order\"");
  }

  @Test
  void onlyTypesWithAProfileAreGranted() {
    JavaFileObject src = handler("Reader", """
        @CfFunction
        @Use(value = "Logs", access = Access.WRITE)
        @OnSchedule("rate(1 hour)")""");
    assertSingleError(compile(src, resources()), src, "[StratusUseTypeNotCovered] @Use(\"Logs\"): Stratus cannot grant"
        + " access to AWS::Logs::LogGroup resources; it grants access to AWS::DynamoDB::Table, AWS::Events::EventBus,"
        + " AWS::Kinesis::Stream, AWS::Lambda::Function, AWS::Location::PlaceIndex, AWS::S3::Bucket, AWS::SNS::Topic, AWS::SQS::Queue,"
        + " AWS::StepFunctions::StateMachine; write that policy in policies instead", "@Use(value = \"Logs\"");
  }

  @Test
  void theAccessMustBeOneTheTypeOffers() {
    JavaFileObject src = handler("Reader", """
        @CfFunction
        @Use(value = "Alerts", access = Access.READ)
        @OnSchedule("rate(1 hour)")""");
    assertSingleError(compile(src, resources()), src, "[StratusUseAccessNotOffered] @Use(\"Alerts\"): AWS::SNS::Topic"
        + " offers a function no Read access, only Write; or name the actions, e.g. actions = \"sns:Publish\"", "@Use(value = \"Alerts\"");
  }

  @Test
  void aBucketThatNotifiesTheFunctionNeedsAName() {
    JavaFileObject src = handler("Reader", """
        @CfFunction
        @Use(value = "Uploads", access = Access.READ)
        @OnS3Event(bucket = "Uploads")""");
    assertSingleError(compile(src, resources()), src, "[StratusUseNotificationCycle] @Use(\"Uploads\"): the bucket"
        + " notifies ReaderFunction, so the function cannot name it by its ARN (a circular dependency); give the bucket"
        + " a BucketName (a !Ref to a parameter, as Filestore's StorageBucketName) and the use names it by that",
        "@Use(value = \"Uploads\"");
  }

  @Test
  void theVariableIsSetOnce() {
    JavaFileObject src = handler("Reader", """
        @CfFunction(environment = @Env(name = "ORDERS_NAME", value = "orders"))
        @Use(value = "Orders", access = Access.READ)
        @OnSchedule("rate(1 hour)")""");
    assertSingleError(compile(src, resources()), src, "[StratusDuplicateEnvironmentVariable] environment variable"
        + " 'ORDERS_NAME' is set twice; keep one", "@Use(value = \"Orders\"");
  }

  @Test
  void aUseGrantsSomething() {
    JavaFileObject src = handler("Reader", """
        @CfFunction
        @Use("Orders")
        @OnSchedule("rate(1 hour)")""");
    assertSingleError(compile(src, resources()), src, "[StratusUseWithoutAccess] @Use(\"Orders\") grants nothing: give"
        + " access = Access.READ, Access.WRITE or both, or actions, e.g. actions = \"dynamodb:GetItem\"", "@Use(");
  }

  @Test
  void actionsMustBeIamActionsOfTheResourcesService() {
    JavaFileObject src = handler("Reader", """
        @CfFunction
        @Use(value = "Orders", actions = {"dynamodb:PutItems"})
        @OnSchedule("rate(1 hour)")""");
    assertSingleError(compile(src, resources()), src, "[StratusUnknownUseAction] @Use(\"Orders\"): 'dynamodb:PutItems'"
        + " is not an IAM action of dynamodb; did you mean 'dynamodb:PutItem'?", "@Use(");
    JavaFileObject other = handler("Writer", """
        @CfFunction
        @Use(value = "Orders", actions = "s3:GetObject")
        @OnSchedule("rate(1 hour)")""");
    assertSingleError(compile(other, resources()), other, "[StratusUnknownUseAction] @Use(\"Orders\"): 's3:GetObject'"
        + " is not a dynamodb action; AWS::DynamoDB::Table takes dynamodb: actions", "@Use(");
  }

  @Test
  void objectsNarrowOnlyABucket() {
    JavaFileObject src = handler("Reader", """
        @CfFunction
        @Use(value = "Orders", access = Access.READ, objects = "2026/*")
        @OnSchedule("rate(1 hour)")""");
    assertSingleError(compile(src, resources()), src, "[StratusUseObjectsNotABucket] @Use(\"Orders\"): objects narrows"
        + " the keys of a bucket, and Orders is of type AWS::DynamoDB::Table; remove it", "@Use(");
  }

  @Test
  void aUseNeedsAFunction() {
    JavaFileObject src = source("Loose", """
        @Use(value = "Orders", access = Access.READ)
        public class Loose {}
        """);
    assertSingleError(compile(src, resources()), src, "[StratusUseWithoutFunction] @Use needs @CfFunction on the same"
        + " class: a use grants a function access", "@Use");
  }

  @Test
  void aConditionalResourceNeedsTheFunctionUnderItsCondition() {
    JavaFileObject src = handler("Reader", """
        @CfFunction
        @Use(value = "Archive", access = Access.WRITE)
        @OnSchedule("rate(1 hour)")""");
    assertSingleError(compile(src, resources()), src, "[StratusUseOfConditionalResource] @Use(\"Archive\"): the resource"
        + " exists only when condition Archiving holds, and the function always exists; give the function"
        + " condition = \"Archiving\" as well, or use a resource that always exists", "@Use(value = \"Archive\"");
    JavaFileObject same = handler("Archiver", """
        @CfFunction(condition = "Archiving")
        @Use(value = "Archive", access = Access.WRITE)
        @OnSchedule("rate(1 hour)")""");
    assertThat(compile(same, resources())).succeeded();
  }

  @Test
  void handWrittenStatementsOnAUsedResourceAreWarnedOf() {
    JavaFileObject src = handler("Reader", """
        @CfFunction(policies = \"""
            Statement:
              - Effect: Allow
                Action: [dynamodb:GetItem, dynamodb:DeleteItem]
                Resource: !GetAtt Orders.Arn
            \""")
        @Use(value = "Orders", access = Access.READ)
        @OnSchedule("rate(1 hour)")""");
    Compilation c = compile(src, resources());
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[StratusPolicyRepeatsUse] the policy grants dynamodb:GetItem on Orders, which"
        + " @Use(\"Orders\") gives already; remove it from the policy").inFile(src).onLineContaining("policies =");
    assertThat(c).hadWarningContaining("[StratusPolicyBeyondUse] the policy grants dynamodb:DeleteItem on Orders beyond"
        + " @Use(\"Orders\"); add it to the use, e.g. actions = {\"dynamodb:DeleteItem\"}, and remove it from the"
        + " policy, so that the use says all the function may do there").inFile(src).onLineContaining("policies =");
  }

  @Test
  void aParameterThatNamesAResourceNeedsItsType() {
    JavaFileObject src = handler("Reader", """
        @CfFunction
        @Use(value = "MediaBucketName", access = Access.READ)
        @OnSchedule("rate(1 hour)")""");
    assertSingleError(compile(src, resources()), src, "[StratusUseOfParameterWithoutType] @Use(\"MediaBucketName\"):"
        + " MediaBucketName is a parameter, so it names a resource outside the stack; say which kind with type, one of"
        + " AWS::DynamoDB::Table, AWS::Events::EventBus, AWS::Kinesis::Stream, AWS::Lambda::Function,"
        + " AWS::Location::PlaceIndex, AWS::S3::Bucket, AWS::SNS::Topic, AWS::SQS::Queue, AWS::StepFunctions::StateMachine",
        "@Use(value = \"MediaBucketName\"");
    JavaFileObject typed = handler("Archiver", """
        @CfFunction
        @Use(value = "MediaBucketName", type = "AWS::S3::Bucket", access = Access.READ)
        @OnSchedule("rate(1 hour)")""");
    assertThat(compile(typed, resources())).succeeded();
  }

  @Test
  void aResourceOfTheTemplateTakesNoType() {
    JavaFileObject src = handler("Reader", """
        @CfFunction
        @Use(value = "Orders", type = "AWS::DynamoDB::Table", access = Access.READ)
        @OnSchedule("rate(1 hour)")""");
    assertSingleError(compile(src, resources()), src, "[StratusUseTypeOfAResource] @Use(\"Orders\"): type is for a"
        + " parameter that names a resource outside the stack, and Orders is the template's own AWS::DynamoDB::Table;"
        + " remove type", "@Use(value = \"Orders\"");
  }

  /** The package's StackResources has Alerts (Alerter uses it); Mailer reads it without the use. */
  @Test
  void readingAnAccessorWithoutTheUseIsWarnedOf() {
    JavaFileObject src = source("Mailer", """
        public class Mailer {
          @CfFunction
          @Use(value = "Orders", access = Access.READ)
          @OnSchedule("rate(1 hour)")
          public void send() {
            String table = StackResources.Orders.name();
            String topic = StackResources.Alerts.arn();
          }
        }
        """);
    JavaFileObject alerter = handler("Alerter", """
        @CfFunction
        @Use(value = "Alerts", access = Access.WRITE)
        @OnSchedule("rate(1 hour)")""");
    Compilation c = compile(src, alerter, resources());
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[StratusAccessorWithoutUse] MailerSendFunction reads StackResources.Alerts but"
        + " does not @Use it, so it gets neither its variable nor its permissions; add @Use(value = \"Alerts\", …) to"
        + " the function").inFile(src).onLineContaining("@CfFunction");
  }

  @Test
  void anActionMustActOnTheResource() {
    JavaFileObject src = handler("Reader", """
        @CfFunction
        @Use(value = "Orders", actions = "dynamodb:ListTables")
        @OnSchedule("rate(1 hour)")""");
    assertSingleError(compile(src, resources()), src, "[StratusUseActionNotOnResource] @Use(\"Orders\"):"
        + " 'dynamodb:ListTables' is granted on \"*\" only, so a use of this AWS::DynamoDB::Table cannot grant it;"
        + " write that statement in policies, with the ARN it takes", "@Use(");
  }
}
