package dev.stratus.annotations;

/** What a function may do with a resource it {@link Use}s: the access categories of SAM's connector profiles. */
public enum Access {
  /** Read items, objects or messages: {@code dynamodb:GetItem}, {@code s3:GetObject}, {@code sqs:ReceiveMessage}, … */
  READ,
  /** Write them: {@code dynamodb:PutItem}, {@code s3:PutObject}, {@code sqs:SendMessage}, {@code sns:Publish}, … */
  WRITE
}
