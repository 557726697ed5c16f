package dev.stratus.local;

/** Lambda's poller of a queue or a stream for one function, run on a thread of its own until stopped. */
interface EventSourceMapping extends Runnable {
  void stop();
}
