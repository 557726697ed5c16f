package com.example.shop;

import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SDK's clients, built once per container when first used; endpoints from AWS_ENDPOINT_URL_* when set. */
final class Aws {
  private Aws() {}

  static final class Dynamo {
    static final DynamoDbClient CLIENT = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
  }

  static final class S3 {
    // A local endpoint has no bucket host names: path-style there.
    static final S3Client CLIENT = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
        .forcePathStyle(System.getenv("AWS_ENDPOINT_URL_S3") != null).build();
  }

  static final class Sqs {
    static final SqsClient CLIENT = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
  }

  static final class Sns {
    static final SnsClient CLIENT = SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
  }
}
