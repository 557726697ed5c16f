package dev.stratus.runtime.sample;

import java.util.Optional;

/** A message type with a codec as Stratus generates them: {@link Point_Codec}, found by its name. */
public record Point(long x, String label, Optional<String> note) {
  /** Nested: its codec is {@code Point_Tag_Codec}. */
  public record Tag(String name) {}
}
