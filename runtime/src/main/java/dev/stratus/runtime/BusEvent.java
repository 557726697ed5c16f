package dev.stratus.runtime;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One EventBridge event as a typed method takes it: its {@code detail} as {@code T}, with the fields around it.
 *
 * @param detailType the event's {@code detail-type}
 * @param resources the ARNs the event names, often none
 */
public record BusEvent<T>(String id, String source, String detailType, Instant time, String account, String region,
    List<String> resources, T detail) {

  public BusEvent {
    resources = List.copyOf(resources);
  }

  /** The same event with its detail read by {@code read}. */
  public <U> BusEvent<U> map(Function<? super T, ? extends U> read) {
    return new BusEvent<>(id, source, detailType, time, account, region, resources, read.apply(detail));
  }
}
