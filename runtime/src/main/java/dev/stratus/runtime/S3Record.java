package dev.stratus.runtime;

/**
 * One object of an S3 notification, decoded: the key as S3 stores it (the notification URL-encodes it),
 * its size, ETag and the event's name ({@code ObjectCreated:Put}).
 */
public record S3Record(String bucket, String key, long size, String etag, String eventName) {}
