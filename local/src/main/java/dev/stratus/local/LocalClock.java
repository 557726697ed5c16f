package dev.stratus.local;

import java.time.Duration;
import java.time.Instant;

/** The clock schedules run on: real time from when serve started, or faster by {@code --clock-speed}. */
final class LocalClock {
  private final Instant start = Instant.now();
  private final long startNanos = System.nanoTime();
  private final double speed;

  LocalClock(double speed) {
    this.speed = speed;
  }

  Instant now() {
    return start.plusNanos((long) ((System.nanoTime() - startNanos) * speed));
  }

  /** Real milliseconds until the local clock reads {@code when}; 0 when it is past. */
  long delayMillis(Instant when) {
    return Math.max(0, (long) (Duration.between(now(), when).toMillis() / speed));
  }
}
