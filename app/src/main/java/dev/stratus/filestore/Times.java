package dev.stratus.filestore;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as stored and sent: ISO-8601 in UTC with milliseconds, so that they also sort as text. */
final class Times {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }

  static Instant parse(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
