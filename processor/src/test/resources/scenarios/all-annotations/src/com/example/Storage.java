package com.example;

import dev.stratus.annotations.CfResource;

@CfResource(logicalId = "Files", type = "AWS::S3::Bucket", deletionPolicy = "Retain", properties = """
    PublicAccessBlockConfiguration:
      BlockPublicAcls: true
      BlockPublicPolicy: true
      IgnorePublicAcls: true
      RestrictPublicBuckets: true
    """)
@CfResource(logicalId = "Archive", type = "AWS::S3::Bucket", condition = "IsProd")
@CfResource(logicalId = "Table", type = "AWS::DynamoDB::Table", properties = """
    BillingMode: PAY_PER_REQUEST
    AttributeDefinitions:
      - {AttributeName: id, AttributeType: S}
    KeySchema:
      - {AttributeName: id, KeyType: HASH}
    """)
@CfResource(logicalId = "Jobs", type = "AWS::SQS::Queue", properties = """
    VisibilityTimeout: 120
    MessageRetentionPeriod: !Ref RetentionDays
    """)
@CfResource(logicalId = "Alerts", type = "AWS::SNS::Topic")
@CfResource(logicalId = "Api", type = "AWS::Serverless::Api", properties = """
    StageName: !Ref Stage
    Auth:
      ApiKeyRequired: false
    """)
@CfResource(logicalId = "Plan", type = "AWS::ApiGateway::UsagePlan", properties = """
    ApiStages:
      - ApiId: !Ref Api
        Stage: !Ref Api.Stage
    Throttle: {RateLimit: 10, BurstLimit: 20}
    """)
@CfResource(logicalId = "Http", type = "AWS::Serverless::HttpApi")
final class Storage {
  private Storage() {}
}
