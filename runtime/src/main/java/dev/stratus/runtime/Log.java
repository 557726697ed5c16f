package dev.stratus.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The glue's error log: one entry a fault (CloudWatch splits stderr by line, LambdaLogger does not). */
final class Log {
  private Log() {}

  static void error(Context context, String message) {
    String entry = "ERROR " + message;
    if (context != null && context.getLogger() != null) {
      context.getLogger().log(entry);
    } else {
      System.err.println(entry);
    }
  }

  static String trace(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
