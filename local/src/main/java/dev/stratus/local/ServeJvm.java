package dev.stratus.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * serve's own JVM, tuned for its start: {@code java -jar stratus-local.jar serve} starts it and waits for it, so
 * that every way of starting serve (by hand, {@code stratus:run}, {@code stratus:dev}) is ready in about 1.5 s
 * rather than 3.6 (bench/RESULTS.md §13). Its start is loading some 20,000 classes once: they come from a
 * class-data archive of serve's own classes, which the first run of each build of the jar writes at its exit,
 * and only C1 compiles, leaving the second core to the servers starting. {@code -Dstratus.tunedJvm=false} runs
 * serve in the first JVM instead.
 */
public final class ServeJvm {
  /** Set in the JVM started here: it is the tuned one. */
  static final String TUNED = "stratus.tunedJvm";

  private ServeJvm() {}

  /** Whether {@code args} should run in a JVM of their own: serve, from the jar, not asked otherwise. */
  static boolean wanted(String... args) {
    return args.length > 0 && args[0].equals("serve") && System.getProperty(TUNED) == null && jar() != null
        && !List.of(args).contains("--help") && !List.of(args).contains("-h");
  }

  /** Runs serve in its JVM until it ends, and ends it when this one is stopped; its exit code. */
  static int run(String... args) {
    List<String> command = new ArrayList<>(List.of(args));
    if (command.contains("--exit-with-parent")) {
      LocalMain.exitWithParent();
    } else {
      command.add("--exit-with-parent"); // this JVM killed outright, serve ends too
    }
    List<String> tuned = command(jar(), jvmOptions(), command);
    Process serve;
    try {
      serve = new ProcessBuilder(tuned).inheritIO().start();
    } catch (IOException e) {
      throw new LocalException("cannot start serve's JVM: " + e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      serve.destroy();
      awaitThenKeep(serve, tuned);
    }));
    return awaitThenKeep(serve, tuned);
  }

  /** What this JVM was given (-D…, -Xmx): it holds for serve's JVM too. */
  private static List<String> jvmOptions() {
    List<String> given = ProcessHandle.current().info().arguments().map(List::of).orElse(List.of());
    int end = given.indexOf("-jar");
    return end < 0 ? List.of() : given.subList(0, end);
  }

  private static int awaitThenKeep(Process serve, List<String> command) {
    while (true) {
      try {
        int code = serve.waitFor();
        kept(command);
        return code;
      } catch (InterruptedException e) {
        // only serve's end ends this wait
      }
    }
  }

  /**
   * The command that runs stratus-local from {@code jar} with {@code arguments} (serve's) in a tuned JVM, given
   * {@code jvmOptions} too. Public for stratus:run and stratus:dev, which start it themselves, sparing a JVM.
   */
  public static List<String> command(Path jar, List<String> jvmOptions, List<String> arguments) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    Path archive = archive(jar, servers(arguments));
    if (archive != null && Files.isRegularFile(archive)) {
      command.add("-XX:SharedArchiveFile=" + archive);
    } else if (archive != null && Runtime.version().feature() >= 19) {
      command.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive));
    } else if (archive != null) {
      command.add(WRITE + archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid()));
    }
    command.addAll(jvmOptions);
    command.addAll(List.of("-D" + TUNED + "=true", "-cp", jar.toString(), LocalMain.class.getName()));
    command.addAll(arguments);
    return command;
  }

  private static final String WRITE = "-XX:ArchiveClassesAtExit=";

  /**
   * After the JVM of {@code command} ended: the archive it wrote as it exited, put where the next run reads it,
   * whole, since the JVM that wrote it has ended; the archives of the jar's earlier builds are removed.
   */
  public static void kept(List<String> command) {
    String option = command.stream().filter(a -> a.startsWith(WRITE)).findFirst().orElse(null);
    if (option == null) {
      return;
    }
    Path writing = Path.of(option.substring(WRITE.length()));
    String written = writing.getFileName().toString();
    Path archive = writing.resolveSibling(written.substring(0, written.lastIndexOf('.')));
    try {
      if (Files.isRegularFile(writing) && Files.size(writing) > 0) {
        Files.move(writing, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        String name = archive.getFileName().toString();
        String prefix = name.substring(0, name.lastIndexOf('-') + 1);
        try (Stream<Path> all = Files.list(archive.getParent())) {
          for (Path p : all.filter(p -> p.getFileName().toString().startsWith(prefix) && !p.equals(archive)).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
      Files.deleteIfExists(writing);
    } catch (IOException e) {
      // the next run writes one again
    }
  }

  /**
   * Where the archive of {@code jar}'s classes for this Java and these {@code servers} is kept, in the user's
   * cache; null when that cannot be made. An archive holds the classes its run loaded, so a template with queues
   * needs one written by a run with ElasticMQ. The name changes with the jar's size and time and with the Java,
   * so that a rebuilt stratus-local or another JDK never meets an archive it does not match; the archives of one
   * jar and set of servers share a prefix.
   */
  static Path archive(Path jar, String servers) {
    try {
      Path dir = Files.createDirectories(UserCache.root().resolve("cds"));
      forgetUnkept(dir);
      String where = jar.toAbsolutePath() + ":" + System.getProperty("java.home") + ":"
          + System.getProperty("java.vm.version");
      String build = Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
      return dir.resolve("serve-" + UserCache.digest(where.getBytes(StandardCharsets.UTF_8)) + "-" + servers + "-"
          + UserCache.digest(build.getBytes(StandardCharsets.UTF_8)) + ".jsa");
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * Which of the servers that weigh on the start {@code arguments}' template uses (q: ElasticMQ, d: dynalite,
   * k: kinesalite), read from its text: cheaply, since this JVM is here only to start another.
   */
  static String servers(List<String> arguments) {
    int at = arguments.indexOf("--template");
    String text = "";
    try {
      text = at < 0 || at + 1 >= arguments.size() ? "" : Files.readString(Path.of(arguments.get(at + 1)));
    } catch (IOException | RuntimeException e) {
      // serve says what is wrong with it
    }
    return (text.contains("AWS::SQS::Queue") ? "q" : "") + (text.contains("AWS::DynamoDB::Table") ? "d" : "")
        + (text.contains("AWS::Kinesis::Stream") ? "k" : "") + "s";
  }

  /** Archives a JVM wrote at its exit for a run that ended before it could keep them: nobody will. */
  private static void forgetUnkept(Path dir) throws IOException {
    try (Stream<Path> all = Files.list(dir)) {
      for (Path p : all.toList()) {
        String name = p.getFileName().toString();
        String pid = name.substring(name.lastIndexOf('.') + 1);
        if (name.contains(".jsa.") && pid.chars().allMatch(Character::isDigit)
            && ProcessHandle.of(Long.parseLong(pid)).isEmpty()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** stratus-local's jar; null when its classes are a folder (a build's, a test's). */
  private static Path jar() {
    Path location = UserCache.location();
    return Files.isRegularFile(location) ? location : null;
  }
}
