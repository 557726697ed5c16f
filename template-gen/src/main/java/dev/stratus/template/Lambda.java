package dev.stratus.template;

import java.util.List;
import java.util.regex.Pattern;

/** What Lambda itself defines for a function: the defaults it applies and the limits it enforces. */
public final class Lambda {
  /** The Java runtime a function that sets none, directly or in Globals, gets. */
  public static final String DEFAULT_RUNTIME = "java21";
  public static final int DEFAULT_MEMORY_MB = 128;
  public static final int MIN_MEMORY_MB = 128;
  public static final int MAX_MEMORY_MB = 10_240;
  public static final int DEFAULT_TIMEOUT_SECONDS = 3;
  public static final int MIN_TIMEOUT_SECONDS = 1;
  public static final int MAX_TIMEOUT_SECONDS = 900;
  public static final List<String> ARCHITECTURES = List.of("x86_64", "arm64");
  public static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]+");

  private Lambda() {}
}
