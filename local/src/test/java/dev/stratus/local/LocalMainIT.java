package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a user sees for a mistake on the command line: a message and an exit code, no stack trace. */
class LocalMainIT {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final LocalMain main = new LocalMain(new PrintStream(out, true, StandardCharsets.UTF_8),
      new PrintStream(err, true, StandardCharsets.UTF_8));

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void usageMistakes() {
    assertThat(main.run()).isEqualTo(2);
    assertThat(main.run("serve")).isEqualTo(2);
    assertThat(errors()).contains("error: --template is required, e.g. --template app/target/template.yaml");
    assertThat(main.run("serve", "--port", "x")).isEqualTo(2);
    assertThat(main.run("serve", "--parameter", "novalue", "--template", "t.yaml")).isEqualTo(2);
    assertThat(main.run("frobnicate")).isEqualTo(2);
    assertThat(errors()).contains("usage: stratus-local serve").doesNotContain("Exception");
  }

  @Test
  void aClassPathEntryThatIsNotThereIsAnError() {
    assertThat(main.run("serve", "--template", "t.yaml", "--classpath", "/nowhere/lib.jar")).isEqualTo(1);
    assertThat(errors()).contains("error: --classpath: /nowhere/lib.jar does not exist");
  }

  @Test
  void aMissingTemplateIsAnError() {
    assertThat(main.run("serve", "--template", "no/such/template.yaml")).isEqualTo(1);
    assertThat(errors()).startsWith("error: no template at no/such/template.yaml; build it first");
  }

  @Test
  void anUnknownFunctionIsAnError() {
    assertThat(main.run("invoke", "NoSuchFunction", "--template", filestoreTemplate())).isEqualTo(1);
    assertThat(errors()).contains("error: no function NoSuchFunction; functions: DeleteFunction, ExpireFunction");
  }

  @Test
  void aPortInUseIsAnError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      assertThat(main.run("serve", "--template", filestoreTemplate(), "--port",
          Integer.toString(taken.getLocalPort()))).isEqualTo(1);
      assertThat(errors()).contains("error: port " + taken.getLocalPort() + " is in use; pass --port with a free one");
    }
  }

  @Test
  void everyCommandHasHelp() {
    assertThat(main.run("serve", "--help")).isZero();
    assertThat(main.run("invoke", "--help")).isZero();
    assertThat(main.run("generate-event", "-h")).isZero();
    assertThat(main.run("token", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: stratus-local serve", "usage: stratus-local invoke",
        "usage: stratus-local generate-event", "usage: stratus-local token");
  }

  @Test
  void generateEventPrintsWhatTheTriggerSends(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
    Path template = java.nio.file.Files.writeString(dir.resolve("template.yaml"), """
        Resources:
          Jobs: {Type: AWS::SQS::Queue}
          Nightly:
            Type: AWS::Serverless::Function
            Properties:
              Handler: x.Y::handleRequest
              CodeUri: none.jar
              Events:
                Night: {Type: Schedule, Properties: {Schedule: 'cron(0 2 * * ? *)', Input: '{"mode": "full"}'}}
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Handler: x.Y::handleRequest
              CodeUri: none.jar
              Events:
                Jobs: {Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn}}
        """);
    assertThat(main.run("generate-event", "Nightly", "--template", template.toString())).as(errors()).isZero();
    assertThat(main.run("generate-event", "Worker", "--template", template.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"mode\": \"full\"}\n")
        .contains("\"body\":\"sample message\"", "\"eventSourceARN\":\"arn:aws:sqs:us-east-1:000000000000:local-Jobs\"");
  }

  @Test
  void aTypedMethodsSampleIsTheOneItsProcessorWrote(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    try (var jar = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(dir.resolve("app.jar")))) {
      jar.putNextEntry(new java.util.zip.ZipEntry("META-INF/stratus/samples/x.Jobs_Lambda.json"));
      jar.write("{\"work\": {\"name\": \"sample name\", \"attempts\": 1}}".getBytes(StandardCharsets.UTF_8));
    }
    Path template = java.nio.file.Files.writeString(dir.resolve("template.yaml"), """
        Resources:
          Jobs: {Type: AWS::SQS::Queue}
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Handler: x.Jobs_Lambda::work
              CodeUri: app.jar
              Events:
                Jobs: {Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn}}
          Other:
            Type: AWS::Serverless::Function
            Properties:
              Handler: x.Jobs_Lambda::other
              CodeUri: app.jar
              Events:
                Jobs: {Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn}}
        """);
    assertThat(main.run("generate-event", "Worker", "--template", template.toString())).as(errors()).isZero();
    assertThat(main.run("generate-event", "Other", "--template", template.toString())).as(errors()).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("\"body\":\"{\\\"name\\\":\\\"sample name\\\",\\\"attempts\\\":1}\"")
        .contains("\"body\":\"sample message\"");
  }

  @Test
  void theApiKeyIsMentionedOnlyWhenARouteNeedsOne(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    String template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Hello:
            Type: AWS::Serverless::Function
            Properties:
              Handler: x.Y::handleRequest
              Runtime: java21
              CodeUri: hello.jar
              Events:
                Get: {Type: Api, Properties: {Path: /hello, Method: get%s}}
        """;
    new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(dir.resolve("hello.jar"))).close();
    Path open = java.nio.file.Files.writeString(dir.resolve("open.yaml"), template.formatted(""));
    Path keyed = java.nio.file.Files.writeString(dir.resolve("keyed.yaml"),
        template.formatted(", Auth: {ApiKeyRequired: true}"));
    for (Path t : new Path[] {open, keyed}) {
      int port;
      try (ServerSocket free = new ServerSocket(0)) {
        port = free.getLocalPort();
      }
      assertThat(main.run("serve", "--check", "--template", t.toString(), "--port", Integer.toString(port)))
          .as(errors()).isZero();
    }
    String[] banners = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("stratus-local: API"))
        .toArray(String[]::new);
    assertThat(banners).hasSize(2);
    assertThat(banners[0]).endsWith("(REST and HTTP API routes)");
    assertThat(banners[1]).contains("x-api-key: in ").contains(".stratus-local.json");
  }

  static String filestoreTemplate() {
    return Path.of(System.getProperty("filestore.template", "../app/target/template.yaml")).toString();
  }
}
