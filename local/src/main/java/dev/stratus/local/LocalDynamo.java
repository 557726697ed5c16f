package dev.stratus.local;

import dev.stratus.local.services.Dynalite;
import dev.stratus.local.services.NodeServer;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * DynamoDB for the stack: dynalite (started here, in memory) or a given endpoint, with the template's
 * tables created from their properties. Where a table has a stream, clients reach it through a
 * {@link StreamFront}, which records the table's changes.
 */
final class LocalDynamo implements AutoCloseable {
  /** Where clients reach DynamoDB. */
  final URI endpoint;
  private final URI served;
  private final Dynalite dynalite;
  private final StreamFront streams;
  private volatile boolean closing;

  private LocalDynamo(URI served, Dynalite dynalite, StreamFront streams) {
    this.endpoint = streams != null ? streams.endpoint : served;
    this.served = served;
    this.dynalite = dynalite;
    this.streams = streams;
  }

  static LocalDynamo start(LocalStack stack, URI given, Path dynaliteCommand, Path state, PrintStream log) {
    LocalDynamo dynamo = given != null ? new LocalDynamo(given, null, null) : launch(dynaliteCommand, state, log);
    Map<String, StreamLog> streams = new LinkedHashMap<>();
    try (DynamoDbClient client = LocalClients.of(DynamoDbClient.builder(), dynamo.served)) {
      stack.ofType("AWS::DynamoDB::Table").forEach((id, table) -> {
        Map<String, Object> properties = asMap(stack.evaluate(table.properties()));
        String name = stack.physicalName(id);
        create(client, name, properties);
        Object viewType = asMap(properties.get("StreamSpecification")).get("StreamViewType");
        if (viewType != null) {
          streams.put(name, new StreamLog(name, String.valueOf(stack.getAtt(id, "StreamArn")), viewType.toString(),
              stack.keyNames(id)));
        }
      });
      return streams.isEmpty() ? dynamo : new LocalDynamo(dynamo.served, dynamo.dynalite,
          new StreamFront(dynamo.served, streams, log));
    } catch (RuntimeException e) {
      dynamo.close();
      throw e instanceof LocalException ? e : new LocalException("cannot create the tables: " + e.getMessage(), e);
    }
  }

  boolean recordsStreams() {
    return streams != null;
  }

  /** The stream of a table of the stack, by its name here; null if it has none. */
  StreamLog stream(String table) {
    return streams == null ? null : streams.log(table);
  }

  private static LocalDynamo launch(Path command, Path state, PrintStream log) {
    if (!NodeInstall.nodeOnPath()) {
      throw new LocalException("Node.js is not on the PATH: the local DynamoDB is dynalite, a Node program that"
          + " stratus-local brings along. Install Node 18 or later, or pass --dynamodb-endpoint URL of a DynamoDB you run");
    }
    try {
      Dynalite dynalite = Dynalite.start(command != null ? command : NodeInstall.DYNALITE.program(log), state);
      log.println("stratus-local: dynalite (the local DynamoDB) started");
      return new LocalDynamo(dynalite.endpoint(), dynalite, null);
    } catch (NodeServer.NotInstalled e) {
      throw new LocalException(e.getMessage() + ", or pass --dynamodb-endpoint URL");
    } catch (IllegalStateException e) {
      throw new LocalException(e.getMessage());
    }
  }

  private static void create(DynamoDbClient client, String name, Map<String, Object> p) {
    CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(name)
        .attributeDefinitions(list(p.get("AttributeDefinitions")).stream().map(a -> AttributeDefinition.builder()
            .attributeName(text(a, "AttributeName")).attributeType(text(a, "AttributeType")).build()).toList())
        .keySchema(keys(p.get("KeySchema")));
    if ("PROVISIONED".equals(p.get("BillingMode")) || p.get("ProvisionedThroughput") != null) {
      request.provisionedThroughput(throughput(p.get("ProvisionedThroughput")));
    } else {
      request.billingMode(BillingMode.PAY_PER_REQUEST);
    }
    List<GlobalSecondaryIndex> globals = new ArrayList<>();
    for (Map<String, Object> gsi : list(p.get("GlobalSecondaryIndexes"))) {
      GlobalSecondaryIndex.Builder b = GlobalSecondaryIndex.builder().indexName(text(gsi, "IndexName"))
          .keySchema(keys(gsi.get("KeySchema"))).projection(projection(gsi.get("Projection")));
      if (gsi.get("ProvisionedThroughput") != null) {
        b.provisionedThroughput(throughput(gsi.get("ProvisionedThroughput")));
      }
      globals.add(b.build());
    }
    if (!globals.isEmpty()) {
      request.globalSecondaryIndexes(globals);
    }
    List<LocalSecondaryIndex> locals = list(p.get("LocalSecondaryIndexes")).stream().map(lsi ->
        LocalSecondaryIndex.builder().indexName(text(lsi, "IndexName")).keySchema(keys(lsi.get("KeySchema")))
            .projection(projection(lsi.get("Projection"))).build()).toList();
    if (!locals.isEmpty()) {
      request.localSecondaryIndexes(locals);
    }
    try {
      client.createTable(request.build());
    } catch (ResourceInUseException exists) {
      return; // a --dynamodb-endpoint that already has it
    }
    try {
      Dynalite.awaitActive(client, name);
    } catch (IllegalStateException e) {
      throw new LocalException(e.getMessage(), e);
    }
  }

  private static List<KeySchemaElement> keys(Object schema) {
    return list(schema).stream().map(k -> KeySchemaElement.builder().attributeName(text(k, "AttributeName"))
        .keyType(text(k, "KeyType")).build()).toList();
  }

  private static Projection projection(Object value) {
    Map<String, Object> p = asMap(value);
    Projection.Builder b = Projection.builder().projectionType(p.getOrDefault("ProjectionType", "ALL").toString());
    if (p.get("NonKeyAttributes") instanceof List<?> attributes) {
      b.nonKeyAttributes(attributes.stream().map(String::valueOf).toList());
    }
    return b.build();
  }

  private static ProvisionedThroughput throughput(Object value) {
    Map<String, Object> t = asMap(value);
    return ProvisionedThroughput.builder()
        .readCapacityUnits(Long.parseLong(String.valueOf(t.getOrDefault("ReadCapacityUnits", "5"))))
        .writeCapacityUnits(Long.parseLong(String.valueOf(t.getOrDefault("WriteCapacityUnits", "5")))).build();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }

  private static String text(Map<String, Object> m, String key) {
    return String.valueOf(m.get(key));
  }

  /** Calls {@code died} with a message when dynalite ends without {@link #close()}: killed, crashed. */
  void watch(Consumer<String> died) {
    if (dynalite != null) {
      dynalite.exited().thenAccept(code -> {
        if (!closing && !LocalServer.endedWithServe(code)) {
          died.accept("dynalite (the local DynamoDB at " + served + ") exited with " + code);
        }
      });
    }
  }

  @Override
  public void close() {
    closing = true;
    if (streams != null) {
      streams.close();
    }
    if (dynalite != null) {
      dynalite.close();
    }
  }
}
