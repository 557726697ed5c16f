package dev.stratus.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stratus.runtime.LambdaEvents;
import dev.stratus.template.events.EventPattern;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * EventBridge for the stack: {@code PutEvents} (the JSON protocol the SDKs speak, reached through
 * {@code AWS_ENDPOINT_URL_EVENTBRIDGE}) on loopback. Each event is matched against every rule of its bus, the
 * functions' {@code EventBridgeRule} events, with EventBridge's pattern language ({@link EventPattern}); each
 * rule that matches invokes its function asynchronously, as EventBridge does. The buses are the default one and
 * the template's {@code AWS::Events::EventBus}es.
 */
final class LocalEventBridge implements AutoCloseable {
  /** A function's rule: on the bus named {@code bus}, events that match {@code pattern}. */
  record Rule(String function, String bus, Map<?, ?> pattern, String name) {}

  /** The most entries one PutEvents takes. */
  static final int MAX_ENTRIES = 10;

  final URI endpoint;
  private final HttpServer server;
  private final Set<String> buses;
  private final List<Rule> rules;
  private final BiConsumer<String, byte[]> invoke;
  private final PrintStream log;

  LocalEventBridge(LocalStack stack, List<Rule> rules, BiConsumer<String, byte[]> invoke, PrintStream log) {
    this.buses = new LinkedHashSet<>(List.of("default"));
    stack.ofType("AWS::Events::EventBus").keySet().forEach(id -> buses.add(stack.physicalName(id)));
    this.rules = List.copyOf(rules);
    this.invoke = invoke;
    this.log = log;
    this.server = Loopback.serve("eventbridge", this::handle);
    this.endpoint = Loopback.uri(server);
  }

  /** A bus as PutEvents and rules name it, by name or ARN: its name. */
  static String busName(String nameOrArn) {
    if (nameOrArn == null || nameOrArn.isEmpty()) {
      return "default";
    }
    int slash = nameOrArn.lastIndexOf("event-bus/");
    return nameOrArn.startsWith("arn:") && slash >= 0 ? nameOrArn.substring(slash + "event-bus/".length())
        : nameOrArn;
  }

  private void handle(HttpExchange exchange) throws IOException {
    // The catch is inside: try-with-resources closes the exchange before its own catch would answer.
    try (exchange) {
      try {
        answer(exchange);
      } catch (IOException | RuntimeException e) {
        log.println("stratus-local: EventBridge: " + e);
        error(exchange, "InternalException", String.valueOf(e.getMessage()));
      }
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    String target = String.valueOf(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
    String operation = target.substring(target.indexOf('.') + 1);
    if (!operation.equals("PutEvents")) {
      error(exchange, "NotRunLocally", "EventBridge action '" + operation + "' is not run locally; PutEvents is,"
          + " to the default bus and the template's buses");
      return;
    }
    JsonNode request = Events.JSON.readTree(exchange.getRequestBody());
    JsonNode entries = request == null ? null : request.get("Entries");
    if (entries == null || !entries.isArray() || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
      error(exchange, "ValidationException", "PutEvents takes 1 to " + MAX_ENTRIES + " Entries");
      return;
    }
    ObjectNode reply = Events.JSON.createObjectNode();
    ArrayNode results = reply.putArray("Entries");
    int failed = 0;
    for (JsonNode entry : entries) {
      String problem = put(entry, results.addObject());
      if (problem != null) {
        failed++;
        log.println("stratus-local: EventBridge refused an event: " + problem);
      }
    }
    reply.put("FailedEntryCount", failed);
    Replies.json(exchange, 200, Events.JSON.writeValueAsString(reply));
  }

  /** Puts one entry on its bus, writing its result; returns why it was refused, or null. */
  private String put(JsonNode entry, ObjectNode result) throws IOException {
    String source = entry.path("Source").asText("");
    String detailType = entry.path("DetailType").asText("");
    String bus = busName(entry.path("EventBusName").asText(""));
    String problem = null;
    String code = "InvalidArgument";
    if (source.isEmpty()) {
      problem = "Parameter Source is not valid. Reason: Source is a required argument.";
    } else if (detailType.isEmpty()) {
      problem = "Parameter DetailType is not valid. Reason: DetailType is a required argument.";
    } else if (!buses.contains(bus)) {
      code = "ResourceNotFoundException";
      problem = "Event bus " + bus + " does not exist. Buses here: " + String.join(", ", buses);
    } else if (entry.has("Time") && time(entry.get("Time")) == null) {
      problem = "Parameter Time is not valid: " + entry.get("Time");
    } else if (!isObject(entry.path("Detail").asText(""))) {
      code = "MalformedDetail";
      problem = "Detail is malformed.";
    }
    if (problem != null) {
      result.put("ErrorCode", code).put("ErrorMessage", problem);
      return problem;
    }
    String id = UUID.randomUUID().toString();
    result.put("EventId", id);
    List<String> resources = new ArrayList<>();
    entry.path("Resources").forEach(r -> resources.add(r.asText()));
    Instant at = entry.has("Time") ? time(entry.get("Time")) : Instant.now();
    String event = LambdaEvents.eventBridge(id, source, detailType, entry.path("Detail").asText(), resources, at);
    Map<?, ?> matched = Events.JSON.readValue(event, Map.class);
    for (Rule rule : rules) {
      if (rule.bus().equals(bus) && EventPattern.matches(rule.pattern(), matched)) {
        invoke.accept(rule.function(), Events.bytes(event));
      }
    }
    return null;
  }

  /** The SDKs send a time as epoch seconds; null when it is none. */
  private static Instant time(JsonNode time) {
    if (time.isNumber()) {
      return Instant.ofEpochMilli((long) (time.asDouble() * 1000));
    }
    try {
      return Instant.parse(time.asText());
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static boolean isObject(String text) {
    try {
      return Events.JSON.readTree(text) instanceof ObjectNode;
    } catch (IOException e) {
      return false;
    }
  }

  /** An error in the JSON protocol: the SDK reads {@code __type} into the exception's code. */
  private static void error(HttpExchange exchange, String type, String message) throws IOException {
    ObjectNode body = Events.JSON.createObjectNode().put("__type", type).put("message", message);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    Replies.send(exchange, 400, Events.JSON.writeValueAsBytes(body));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
