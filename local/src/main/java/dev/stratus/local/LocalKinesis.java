package dev.stratus.local;

import dev.stratus.local.services.NodeServer;
import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.events.KinesisEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

/** Kinesis for the stack: kinesalite (started here, in memory), with the template's streams and their shards. */
final class LocalKinesis implements AutoCloseable {
  /** kinesalite as a module: its cli listens on every interface; this, on loopback alone, streams active at once. */
  private static final String LAUNCHER = "// stratus: kinesalite (argv[2], its index.js) on 127.0.0.1:argv[3]\n"
      + "require(process.argv[2])({createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 1000})\n"
      + "  .listen(+process.argv[3], '127.0.0.1');\n";

  final URI endpoint;
  final KinesisClient client;
  private final NodeServer kinesalite;
  private volatile boolean closing;

  private LocalKinesis(NodeServer kinesalite) {
    this.kinesalite = kinesalite;
    this.endpoint = kinesalite.endpoint();
    this.client = LocalClients.of(KinesisClient.builder(), endpoint);
  }

  /** kinesalite with the template's streams, or null when the template has none. */
  static LocalKinesis start(LocalStack stack, PrintStream log) {
    Map<String, Resource> streams = stack.ofType(KinesisEvent.STREAM);
    if (streams.isEmpty()) {
      return null;
    }
    if (!NodeInstall.nodeOnPath()) {
      throw new LocalException("Node.js is not on the PATH: the local Kinesis is kinesalite, a Node program that"
          + " stratus-local brings along. Install Node 18 or later");
    }
    // kinesalite's CBOR answers to GetRecords are not what the SDK reads: in this JVM, as in the functions', the
    // SDK speaks Kinesis's JSON protocol.
    System.setProperty("aws.cborEnabled", "false");
    Path program = NodeInstall.KINESALITE.program(log);
    LocalKinesis kinesis;
    try {
      Path launcher = NodeServer.script("stratus-kinesalite-v1.js", LAUNCHER);
      kinesis = new LocalKinesis(NodeServer.start("kinesalite", launcher,
          port -> List.of(program.toString(), Integer.toString(port))));
    } catch (IOException | IllegalStateException e) {
      throw new LocalException("cannot start kinesalite: " + e.getMessage(), e);
    }
    try {
      streams.forEach((id, stream) -> kinesis.create(stack.physicalName(id), shardCount(stack, stream)));
    } catch (RuntimeException e) {
      kinesis.close();
      throw e instanceof LocalException ? e : new LocalException("cannot create the streams: " + e.getMessage(), e);
    }
    return kinesis;
  }

  /** The stream's {@code ShardCount}; an on-demand stream (no count) starts with one shard here. */
  private static int shardCount(LocalStack stack, Resource stream) {
    Value count = stream.properties().get("ShardCount");
    return count == null ? 1 : Integer.parseInt(String.valueOf(stack.evaluate(count)));
  }

  private void create(String name, int shards) {
    client.createStream(b -> b.streamName(name).shardCount(shards));
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (client.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary().streamStatus()
        != StreamStatus.ACTIVE) {
      if (System.nanoTime() > deadline) {
        throw new LocalException("stream " + name + " did not become ACTIVE in 10 s");
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LocalException("interrupted while creating stream " + name);
      }
    }
  }

  List<String> shardIds(String stream) {
    return client.listShards(b -> b.streamName(stream)).shards().stream().map(s -> s.shardId()).toList();
  }

  /** Calls {@code died} with a message when kinesalite ends without {@link #close()}. */
  void watch(Consumer<String> died) {
    kinesalite.exited().thenAccept(code -> {
      if (!closing && !LocalServer.endedWithServe(code)) {
        died.accept("kinesalite (the local Kinesis at " + endpoint + ") exited with " + code);
      }
    });
  }

  @Override
  public void close() {
    closing = true;
    client.close();
    kinesalite.close();
  }
}
