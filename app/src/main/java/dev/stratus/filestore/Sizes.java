package dev.stratus.filestore;

import java.util.Locale;

/** Byte counts in the words people read: "12.5 MB (13107200 bytes)". */
final class Sizes {
  private static final String[] UNITS = {"KB", "MB", "GB", "TB"};

  private Sizes() {}

  static String describe(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    String number = value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    return number + " " + UNITS[unit] + " (" + bytes + " bytes)";
  }
}
