package dev.stratus.filestore;

/** IAM statements that several functions' policies share, to append to their {@code Statement:} list. */
final class Policies {
  /** What promoting an upload takes: read it in staging, write it where downloads read, then remove it. */
  static final String PROMOTE = """
        - Effect: Allow
          Action: s3:GetObject
          Resource: !Sub arn:${AWS::Partition}:s3:::${StorageBucketName}/uploads/*
        - Effect: Allow
          Action: s3:PutObject
          Resource: !Sub arn:${AWS::Partition}:s3:::${StorageBucketName}/files/*
        - Effect: Allow
          Action: s3:DeleteObject
          Resource: !Sub arn:${AWS::Partition}:s3:::${StorageBucketName}/*
      """;

  private Policies() {}
}
