package dev.stratus.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Debian's awscli, a real client nobody here wrote, pointed at the local endpoints. */
final class Aws {
  private static final Path AWS = Path.of("/usr/bin/aws");

  private Aws() {}

  static String cli(LocalServer server, String... args) throws IOException, InterruptedException {
    if (!Files.isExecutable(AWS)) {
      throw new AssertionError(AWS + " is missing: apt-get install awscli (.ci/run does)");
    }
    List<String> command = new ArrayList<>(List.of(AWS.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("AWS_ACCESS_KEY_ID", LocalServer.ACCESS_KEY);
    pb.environment().put("AWS_SECRET_ACCESS_KEY", LocalServer.SECRET_KEY);
    pb.environment().put("AWS_DEFAULT_REGION", LocalStack.REGION);
    pb.environment().put("AWS_PAGER", "");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError("aws " + String.join(" ", args) + " failed:\n" + out);
    }
    return out;
  }

  static String s3Keys(LocalServer server, String bucket) throws IOException, InterruptedException {
    return cli(server, "--endpoint-url", server.s3Endpoint().toString(), "s3api", "list-objects-v2", "--bucket", bucket);
  }
}
