package dev.stratus.local;

import java.util.List;

/**
 * One shard of a stream as its event source mapping reads it: a batch from where the mapping stands, then
 * done up to a point. A DynamoDB table's stream here ({@link StreamLog}), a Kinesis shard ({@link KinesisShard}).
 */
interface Shard<R> {
  /** Up to {@code max} records from where the mapping stands: waits a while for a first one; empty if none came. */
  List<R> read(int max) throws InterruptedException;

  /** The first {@code n} records of the last read are done: the next read starts after them. */
  void advance(int n);

  String sequenceNumber(R record);

  /** The event Lambda receives for {@code batch}. */
  byte[] event(List<R> batch);

  /** The shard, in words, for the log: {@code the stream of local-Orders}. */
  String describe();
}
