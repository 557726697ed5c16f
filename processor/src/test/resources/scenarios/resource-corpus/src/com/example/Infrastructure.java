package com.example;

import dev.stratus.annotations.CfOutput;
import dev.stratus.annotations.CfResource;

/** Twenty realistic resources, each as a user would declare it; CorpusMistakesTest breaks each once. */
@CfResource(logicalId = "Uploads", type = "AWS::S3::Bucket", deletionPolicy = "Retain", properties = """
    VersioningConfiguration: {Status: Enabled}
    CorsConfiguration:
      CorsRules:
        - AllowedMethods: [GET, PUT]
          AllowedOrigins: ['https://example.com']
          MaxAge: 3000
    LifecycleConfiguration:
      Rules:
        - Id: expire-tmp
          Status: Enabled
          Prefix: tmp/
          ExpirationInDays: 7
    """)
@CfResource(logicalId = "UploadsPolicy", type = "AWS::S3::BucketPolicy", properties = """
    Bucket: !Ref Uploads
    PolicyDocument:
      Statement:
        - Sid: DenyInsecureTransport
          Effect: Deny
          Principal: '*'
          Action: 's3:*'
          Resource: [!GetAtt Uploads.Arn, !Sub '${Uploads.Arn}/*']
          Condition: {Bool: {'aws:SecureTransport': 'false'}}
    """)
@CfResource(logicalId = "Orders", type = "AWS::DynamoDB::Table", properties = """
    BillingMode: PAY_PER_REQUEST
    AttributeDefinitions:
      - {AttributeName: pk, AttributeType: S}
      - {AttributeName: customer, AttributeType: S}
    KeySchema:
      - {AttributeName: pk, KeyType: HASH}
    GlobalSecondaryIndexes:
      - IndexName: byCustomer
        KeySchema: [{AttributeName: customer, KeyType: HASH}]
        Projection: {ProjectionType: ALL}
    TimeToLiveSpecification: {AttributeName: expires_at, Enabled: true}
    StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
    """)
@CfResource(logicalId = "JobsDeadLetters", type = "AWS::SQS::Queue", properties = "MessageRetentionPeriod: 1209600")
@CfResource(logicalId = "Jobs", type = "AWS::SQS::Queue", properties = """
    VisibilityTimeout: 120
    RedrivePolicy:
      deadLetterTargetArn: !GetAtt JobsDeadLetters.Arn
      maxReceiveCount: 5
    """)
@CfResource(logicalId = "Alerts", type = "AWS::SNS::Topic", properties = """
    Subscription:
      - Protocol: sqs
        Endpoint: !GetAtt Jobs.Arn
    """)
@CfResource(logicalId = "JobsPolicy", type = "AWS::SQS::QueuePolicy", properties = """
    Queues: [!Ref Jobs]
    PolicyDocument:
      Statement:
        - Effect: Allow
          Principal: {Service: sns.amazonaws.com}
          Action: sqs:SendMessage
          Resource: !GetAtt Jobs.Arn
          Condition: {ArnEquals: {'aws:SourceArn': !Ref Alerts}}
    """)
@CfResource(logicalId = "WorkerRole", type = "AWS::IAM::Role", properties = """
    AssumeRolePolicyDocument:
      Statement:
        - Effect: Allow
          Principal: {Service: lambda.amazonaws.com}
          Action: sts:AssumeRole
    ManagedPolicyArns:
      - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
    """)
@CfResource(logicalId = "AppLogs", type = "AWS::Logs::LogGroup", properties = "RetentionInDays: 14")
@CfResource(logicalId = "Nightly", type = "AWS::Events::Rule", properties = """
    ScheduleExpression: cron(0 3 * * ? *)
    State: ENABLED
    Targets:
      - Id: alerts
        Arn: !Ref Alerts
    """)
@CfResource(logicalId = "PartnerKey", type = "AWS::ApiGateway::ApiKey", properties = "Enabled: true")
@CfResource(logicalId = "PartnerPlan", type = "AWS::ApiGateway::UsagePlan", properties = """
    Quota: {Limit: 1000, Period: MONTH}
    Throttle: {BurstLimit: 20, RateLimit: 10}
    """)
@CfResource(logicalId = "PartnerPlanKey", type = "AWS::ApiGateway::UsagePlanKey", properties = """
    KeyId: !Ref PartnerKey
    KeyType: API_KEY
    UsagePlanId: !Ref PartnerPlan
    """)
@CfResource(logicalId = "DataKey", type = "AWS::KMS::Key", properties = """
    EnableKeyRotation: true
    KeyPolicy:
      Version: '2012-10-17'
      Statement:
        - Effect: Allow
          Principal: {AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'}
          Action: kms:*
          Resource: '*'
    """)
@CfResource(logicalId = "DataKeyAlias", type = "AWS::KMS::Alias", properties = """
    AliasName: !Sub alias/${AWS::StackName}-data
    TargetKeyId: !Ref DataKey
    """)
@CfResource(logicalId = "FeatureFlags", type = "AWS::SSM::Parameter", properties = """
    Type: String
    Value: '{"beta": false}'
    Description: Feature flags read at start-up
    """)
@CfResource(logicalId = "DbPassword", type = "AWS::SecretsManager::Secret", properties = """
    GenerateSecretString:
      PasswordLength: 32
      ExcludePunctuation: true
    """)
@CfResource(logicalId = "BacklogAlarm", type = "AWS::CloudWatch::Alarm", properties = """
    Namespace: AWS/SQS
    MetricName: ApproximateNumberOfMessagesVisible
    Dimensions: [{Name: QueueName, Value: !GetAtt Jobs.QueueName}]
    Statistic: Maximum
    Period: 300
    EvaluationPeriods: 2
    Threshold: 100
    ComparisonOperator: GreaterThanThreshold
    AlarmActions: [!Ref Alerts]
    """)
@CfResource(logicalId = "Clicks", type = "AWS::Kinesis::Stream", properties = """
    ShardCount: 1
    RetentionPeriodHours: 48
    """)
@CfResource(logicalId = "Images", type = "AWS::ECR::Repository", properties = """
    ImageTagMutability: IMMUTABLE
    ImageScanningConfiguration: {ScanOnPush: true}
    """)
@CfOutput(name = "UploadsBucket", value = "!Ref Uploads")
@CfOutput(name = "OrdersStream", value = "!GetAtt Orders.StreamArn")
@CfOutput(name = "WorkerRoleArn", value = "!GetAtt WorkerRole.Arn")
@CfOutput(name = "LogGroup", value = "!Ref AppLogs")
@CfOutput(name = "NightlyRule", value = "!Ref Nightly")
@CfOutput(name = "KeyAlias", value = "!Ref DataKeyAlias")
@CfOutput(name = "FlagsParameter", value = "!Ref FeatureFlags")
@CfOutput(name = "PasswordSecret", value = "!Ref DbPassword")
@CfOutput(name = "Alarm", value = "!Ref BacklogAlarm")
@CfOutput(name = "ClickStream", value = "!GetAtt Clicks.Arn")
@CfOutput(name = "ImageRepository", value = "!GetAtt Images.RepositoryUri")
final class Infrastructure {
  private Infrastructure() {}
}
