/**
 * Filestore: browsers upload and download straight to and from S3 through presigned URLs, while Lambda
 * functions keep the metadata in DynamoDB. The stack's shared parts are declared here; each function
 * declares itself on its handler.
 */
@CfParameter(name = "StorageBucketName", description = "Globally unique name of the bucket that stores the files")
@CfParameter(name = "SignedUrlExpiration", type = "Number", defaultValue = "3600",
    description = "Seconds a presigned download URL stays valid")
@CfParameter(name = "UploadUrlExpiration", type = "Number", defaultValue = "300",
    description = "Seconds a presigned upload URL stays valid: whoever holds it can write the upload until then")
@CfParameter(name = "MaxFileSize", type = "Number", defaultValue = "104857600",
    description = "Largest upload in bytes: larger ones are refused up front, or removed on arrival and marked rejected")
@CfParameter(name = "AllowedContentTypes", defaultValue = "*/*",
    description = "Media types uploads may have, comma-separated (image/* for a family, */* for any)")
@CfParameter(name = "MaxNameBytes", type = "Number", defaultValue = "255",
    description = "Longest file name in UTF-8 bytes")
@CfParameter(name = "ApiRateLimit", type = "Number", defaultValue = "50",
    description = "Requests per second the API's stage serves, public routes included, before it answers 429")
@CfParameter(name = "ApiBurstLimit", type = "Number", defaultValue = "100",
    description = "Requests the API's stage serves at once above its rate")
@CfParameter(name = "BackendMonthlyQuota", type = "Number", defaultValue = "10000000",
    description = "Calls a month the backend API key may make (Store, Info, Delete)")
@CfParameter(name = "StoreOnLoad", defaultValue = "False", allowedValues = {"True", "False"},
    description = "True: an upload counts as stored at once; False: clients store files explicitly and Expire"
        + " removes uploads never stored")
@CfParameter(name = "EnvironmentParameter", defaultValue = "dev", allowedValues = {"dev", "prod"},
    description = "Stage name of the API")
@CfCondition(name = "CreateExpirationScheduler", value = "!Equals [!Ref StoreOnLoad, 'False']")

@CfGlobals("""
    Function:
      MemorySize: 1024
      Timeout: 20
      Environment:
        Variables:
          URL_EXPIRATION: !Ref SignedUrlExpiration
          UPLOAD_URL_EXPIRATION: !Ref UploadUrlExpiration
          STORE_ON_LOAD: !Ref StoreOnLoad
          MAX_FILE_SIZE: !Ref MaxFileSize
          ALLOWED_CONTENT_TYPES: !Ref AllowedContentTypes
          MAX_NAME_BYTES: !Ref MaxNameBytes
          JAVA_TOOL_OPTIONS: -XX:+TieredCompilation -XX:TieredStopAtLevel=1
    """)

@CfResource(logicalId = "FilesTable", type = "AWS::DynamoDB::Table", properties = """
    BillingMode: PAY_PER_REQUEST
    AttributeDefinitions:
      - {AttributeName: id, AttributeType: S}
    KeySchema:
      - {AttributeName: id, KeyType: HASH}
    PointInTimeRecoverySpecification:
      PointInTimeRecoveryEnabled: true
    """)
@CfResource(logicalId = "StorageBucket", type = "AWS::S3::Bucket", properties = """
    BucketName: !Ref StorageBucketName
    PublicAccessBlockConfiguration:
      BlockPublicAcls: true
      BlockPublicPolicy: true
      IgnorePublicAcls: true
      RestrictPublicBuckets: true
    BucketEncryption:
      ServerSideEncryptionConfiguration:
        - ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}
    CorsConfiguration:
      CorsRules:
        - AllowedMethods: [PUT, GET, HEAD]
          AllowedOrigins: ['*']
          AllowedHeaders: ['*']
          ExposedHeaders: [ETag]
          MaxAge: 3000
    """)
@CfResource(logicalId = "FilestoreApi", type = "AWS::Serverless::Api", properties = """
    StageName: !Ref EnvironmentParameter
    MethodSettings:
      - ResourcePath: /*
        HttpMethod: '*'
        ThrottlingRateLimit: !Ref ApiRateLimit
        ThrottlingBurstLimit: !Ref ApiBurstLimit
    Cors:
      AllowMethods: "'GET,POST,PUT,DELETE,OPTIONS'"
      AllowHeaders: "'Content-Type,X-Api-Key'"
      AllowOrigin: "'*'"
    """)
@CfResource(logicalId = "FilestoreApiKey", type = "AWS::ApiGateway::ApiKey", properties = """
    Enabled: true
    Description: !Sub Backend key of ${AWS::StackName}
    """)
@CfResource(logicalId = "FilestoreUsagePlan", type = "AWS::ApiGateway::UsagePlan", properties = """
    ApiStages:
      - ApiId: !Ref FilestoreApi
        Stage: !Ref FilestoreApi.Stage
    Quota: {Limit: !Ref BackendMonthlyQuota, Period: MONTH}
    Throttle: {BurstLimit: 20, RateLimit: 10}
    """)
@CfResource(logicalId = "FilestoreUsagePlanKey", type = "AWS::ApiGateway::UsagePlanKey", properties = """
    KeyId: !Ref FilestoreApiKey
    KeyType: API_KEY
    UsagePlanId: !Ref FilestoreUsagePlan
    """)

@CfOutput(name = "ApiRootUrl", description = "Root URL of the Filestore API",
    value = "!Sub https://${FilestoreApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${EnvironmentParameter}")
@CfOutput(name = "UsagePlanId", value = "!Ref FilestoreUsagePlan", description = "Usage plan of the backend key")
@CfOutput(name = "ApiKeyId", value = "!Ref FilestoreApiKey",
    description = "Id of the backend API key; read its value with: aws apigateway get-api-key --include-value --api-key ID")
// The original Filestore's wire format: every JSON member in snake_case (FilesApi's bodies: created_at, uploaded_at…).
@JsonNaming(JsonNaming.Policy.SNAKE_CASE)
package dev.stratus.filestore;

import dev.stratus.annotations.CfCondition;
import dev.stratus.annotations.CfGlobals;
import dev.stratus.annotations.CfOutput;
import dev.stratus.annotations.CfParameter;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.JsonNaming;
