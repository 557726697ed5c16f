package dev.stratus.local;

/** Lambda's poller of a queue or a stream for one function, run on a thread of its own until stopped. */
abstract class EventSourceMapping implements Runnable {
  /** False once stopped, or interrupted in a pause. */
  protected volatile boolean running = true;

  final void stop() {
    running = false;
  }

  /** Waits before the next poll; an interrupt stops the mapping. */
  protected final void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
