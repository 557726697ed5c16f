package dev.stratus.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.stratus.runtime.TestClient;
import dev.stratus.runtime.TestClient.Answer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The glue generated for the {@code typed-methods} scenario, compiled and run: requests go through the
 * generated handlers' binding, JSON and error answers, by the test client and by Lambda's stream interface.
 */
class TypedMethodsTest {
  private static ClassLoader classes;
  private static Compilation compilation;

  @BeforeAll
  static void compile() throws IOException {
    List<JavaFileObject> sources;
    try (Stream<Path> files = Files.walk(ScenarioTest.SCENARIOS.resolve("typed-methods/src"))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).sorted().map(TypedMethodsTest::source).toList();
    }
    compilation = Compile.compile(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new CompiledClasses(compilation, TypedMethodsTest.class.getClassLoader());
  }

  private static JavaFileObject source(Path file) {
    try {
      return JavaFileObjects.forResource(file.toUri().toURL());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void samplesOfWhatEachMethodReadsAreWrittenAndBind() throws Exception {
    String jobs = compilation.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT,
        "META-INF/stratus/samples/com.example.shop.Jobs_Lambda.json").orElseThrow().getCharContent(true).toString();
    assertThat(jobs).isEqualTo("{\"work\":{\"name\":\"sample name\",\"attempts\":1},"
        + "\"tidy\":{\"olderThanDays\":1}}");
    Object target = classes.loadClass("com.example.shop.Jobs").getDeclaredConstructor().newInstance();
    assertThat(TestClient.of(target).sqs("work", "{\"name\": \"sample name\", \"attempts\": 1}")).isEmpty();
    String products = compilation.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT,
        "META-INF/stratus/samples/com.example.shop.Products_Lambda.json").orElseThrow().getCharContent(true).toString();
    assertThat(products).startsWith("{\"create\":{");
  }

  private static TestClient client() throws ReflectiveOperationException {
    return TestClient.of(classes.loadClass("com.example.shop.Products").getDeclaredConstructor().newInstance());
  }

  @Test
  void theAccessorReadsTheVariablesItsUsesSet() throws Exception {
    var table = classes.loadClass("com.example.shop.Products").getMethod("table", Map.class);
    assertThat(table.invoke(null, Map.of("PRODUCTS_TABLE_NAME", "shop-products"))).isEqualTo("shop-products");
    assertThat(table.invoke(null, Map.of("TABLE", "shop-products-2"))).as("the variable a use names")
        .isEqualTo("shop-products-2");
    var missing = org.assertj.core.api.Assertions.catchThrowable(() -> table.invoke(null, Map.of()));
    assertThat(missing.getCause()).isInstanceOf(IllegalStateException.class).hasMessage(
        "PRODUCTS_TABLE_NAME or TABLE is not set: only a function that declares @Use(\"ProductsTable\") gets it");
    Class<?> topic = classes.loadClass("com.example.shop.StackResources$Alerts");
    assertThat(topic.getField("VARIABLE").get(null)).isEqualTo("ALERTS_ARN");
    assertThat(topic.getMethod("arn", Map.class).invoke(null, Map.of("ALERTS_ARN", "arn:aws:sns:x"))).isEqualTo("arn:aws:sns:x");
  }

  @Test
  void aValueIs200Json() throws Exception {
    Answer a = client().get("/products/1");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.header("content-type")).isEqualTo("application/json");
    // The empty Optional note is left out, not sent as null.
    assertThat(a.body()).isEqualTo("{\"id\":1,\"name\":\"tea\",\"category\":\"FOOD\",\"tags\":[\"green\"]}");
  }

  @Test
  void anEmptyOptionalIs404() throws Exception {
    Answer a = client().get("/products/7");
    assertThat(a.status()).isEqualTo(404);
    assertThat(a.body()).isEqualTo("{\"message\":\"not found\"}");
  }

  @Test
  void everyParameterThatFailsIsNamedInOne400() throws Exception {
    Answer a = client().get("/products?category=DRINKS&limit=many&tag=green");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json()).isEqualTo(Map.of(
        "message", "2 parameters are invalid: query parameter 'category' must be one of FOOD, TOOLS; got 'DRINKS';"
            + " query parameter 'limit' must be a whole number; got 'many'",
        "errors", List.of(
            Map.of("in", "query", "name", "category", "problem", "must be one of FOOD, TOOLS; got 'DRINKS'"),
            Map.of("in", "query", "name", "limit", "problem", "must be a whole number; got 'many'"))));
  }

  @Test
  void defaultsOptionalsAndListsOfQueryParameters() throws Exception {
    TestClient client = client();
    client.post("/products", "{\"name\": \"hammer\", \"category\": \"TOOLS\", \"tags\": [\"steel\"]}");
    assertThat(client.get("/products?category=TOOLS").json()).asList().hasSize(1);
    assertThat(client.get("/products").json()).asList().hasSize(2);
    assertThat(client.get("/products?limit=1").json()).asList().hasSize(1);
    assertThat(client.get("/products?tag=steel&tag=green").json()).asList().isEmpty();
    assertThat(client.get("/products?limit=1&limit=2").body()).contains("query parameter 'limit' is given 2 times");
  }

  @Test
  void aResponseSetsStatusAndHeaders() throws Exception {
    TestClient client = client();
    Answer a = client.post("/products", "{\"name\": \"kettle\", \"category\": \"TOOLS\", \"note\": \"new\","
        + " \"unknown\": {\"nested\": [1, 2]}}");
    assertThat(a.status()).isEqualTo(201);
    assertThat(a.header("Location")).isEqualTo("/products/2");
    assertThat(a.header("Access-Control-Allow-Origin")).as("ShopApi's Cors").isEqualTo("https://shop.example.com");
    assertThat(client.post("/products", "{").header("Access-Control-Allow-Origin")).as("on refusals too")
        .isEqualTo("https://shop.example.com");
    assertThat(client.get("/products/1").header("Access-Control-Allow-Origin")).as("the implicit API has none")
        .isNull();
    assertThat(a.body()).isEqualTo("{\"id\":2,\"name\":\"kettle\",\"category\":\"TOOLS\",\"tags\":[],\"note\":\"new\"}");
    assertThat(client.get("/products/2").status()).isEqualTo(200);
  }

  @Test
  void bodyMistakesAre400s() throws Exception {
    TestClient client = client();
    assertThat(client.request("POST", "/products").send().body())
        .isEqualTo("{\"message\":\"invalid request: the body is required; send JSON\","
            + "\"errors\":[{\"in\":\"body\",\"name\":\"body\",\"problem\":\"is required; send JSON\"}]}");
    assertThat(client.post("/products", "{\"name\": \"x\",}").body())
        .contains("the body is not valid: trailing comma at column 14");
    assertThat(client.post("/products", "{\"name\": \"x\"} []").body())
        .contains("the body is not valid: more than one JSON value; send one at column 15");
    assertThat(client.post("/products", "{\"category\": \"CARS\"}").body())
        .contains("the body is not valid: expected one of FOOD, TOOLS but found \\\"CARS\\\"");
    assertThat(client.post("/products", "{\"name\": \"\\ud800\"}").body()).contains("a lone surrogate");
  }

  @Test
  void headersBindWithoutRegardToCase() throws Exception {
    Answer a = client().request("POST", "/products").header("X-Request-Id", "not-a-uuid").body("{\"name\": \"x\"}")
        .send();
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body()).contains("header 'x-request-id' must be a UUID");
  }

  @Test
  void anHttpExceptionIsItsStatusAndMessage() throws Exception {
    TestClient client = client();
    assertThat(client.post("/products", "{\"name\": \" \"}").body()).isEqualTo("{\"message\":\"a product needs a name\"}");
    Answer missing = client.delete("/products/5");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"message\":\"no product 5\"}");
    Answer deleted = client.delete("/products/1");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isNull();
  }

  @Test
  void anyOtherExceptionIsA500ThatRevealsNothing() throws Exception {
    Answer a = client().get("/products/1/price");
    assertThat(a.status()).isEqualTo(500);
    assertThat(a.body()).isEqualTo("{\"message\":\"internal error; the request may be retried\"}");
  }

  @Test
  void routingAsApiGatewayDoes() throws Exception {
    // An HTTP API answers 404 for a path or a method it lacks; a REST API 403, as if a key were missing.
    Answer nothing = client().get("/nothing");
    assertThat(nothing.status()).isEqualTo(404);
    assertThat(nothing.body()).isEqualTo("{\"message\":\"Not Found\"}");
    Answer wrongHttpMethod = client().request("PATCH", "/stock").send();
    assertThat(wrongHttpMethod.status()).isEqualTo(404);
    assertThat(wrongHttpMethod.body()).isEqualTo("{\"message\":\"Not Found\"}");
    Answer wrongRestMethod = client().request("PATCH", "/products").send();
    assertThat(wrongRestMethod.status()).isEqualTo(403);
    assertThat(wrongRestMethod.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
  }

  @Test
  void lambdaCallsTheHandlerWithARestEvent() throws Exception {
    String event = """
        {"resource": "/products/{id}", "path": "/products/1", "httpMethod": "GET",
         "headers": {"Accept": "application/json"}, "multiValueHeaders": {"Accept": ["application/json"]},
         "queryStringParameters": null, "multiValueQueryStringParameters": null,
         "pathParameters": {"id": "1"}, "stageVariables": null,
         "requestContext": {"requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "stage": "prod"},
         "body": null, "isBase64Encoded": false}
        """;
    assertThat(invoke("com.example.shop.Products_Lambda::get", event)).isEqualTo("{\"statusCode\":200,\"headers\":"
        + "{\"Content-Type\":\"application/json\"},\"body\":\"{\\\"id\\\":1,\\\"name\\\":\\\"tea\\\",\\\"category\\\":"
        + "\\\"FOOD\\\",\\\"tags\\\":[\\\"green\\\"]}\",\"isBase64Encoded\":false}");
  }

  @Test
  void lambdaCallsTheHandlerWithAnHttpApiEvent() throws Exception {
    String event = """
        {"version": "2.0", "routeKey": "PUT /stock", "rawPath": "/stock", "rawQueryString": "page=2",
         "headers": {"content-type": "application/json"}, "queryStringParameters": {"page": "2"},
         "requestContext": {"requestId": "JKJaXmPLvHcESHA=", "http": {"method": "PUT", "path": "/stock"}},
         "body": "eyJ0ZWEiOiAzfQ==", "isBase64Encoded": true}
        """;
    assertThat(invoke("com.example.shop.Products_Lambda::stock", event)).isEqualTo("{\"statusCode\":200,\"headers\":"
        + "{\"Content-Type\":\"application/json\"},\"body\":\"{\\\"tea\\\":3}\",\"isBase64Encoded\":false}");
  }

  @Test
  void sqsMessagesOneAtATimeAndOnlyTheFailedOnesComeBack() throws Exception {
    Object jobs = classes.loadClass("com.example.shop.Jobs").getDeclaredConstructor().newInstance();
    TestClient client = TestClient.of(jobs);
    List<String> failed = client.sqs("work", "{\"name\": \"a\", \"attempts\": 1}", "{\"name\": \"b\", \"attempts\": 9}",
        "not json", "{\"name\": \"c\"}");
    assertThat(failed).containsExactly("{\"name\": \"b\", \"attempts\": 9}", "not json");
    assertThat(seen(jobs)).containsExactly("work a", "work c");
    // The failures are logged as Lambda logs them, through the call's Context, and kept by the client.
    assertThat(client.logs()).hasSize(2).allMatch(l -> l.startsWith("ERROR SQS record "))
        .anyMatch(l -> l.contains("gave up on b")).anyMatch(l -> l.contains("expected a JSON value"));
  }

  @Test
  void snsS3AndScheduleEventsReachTheirMethods() throws Exception {
    Object jobs = classes.loadClass("com.example.shop.Jobs").getDeclaredConstructor().newInstance();
    TestClient client = TestClient.of(jobs);
    client.sns("alert", "disk full");
    client.s3("uploaded", "uploads", "in/a report.pdf", 1234);
    client.schedule("tidy", "{\"olderThanDays\": 7}");
    assertThat(seen(jobs)).containsExactly("alert disk full", "uploaded uploads/in/a report.pdf 1234", "tidy 7");
  }

  @Test
  void eventBridgeEventsReachTheirMethodsAsTheirDetailOrInTheirEnvelope() throws Exception {
    Object orders = classes.loadClass("com.example.shop.Orders").getDeclaredConstructor().newInstance();
    TestClient client = TestClient.of(orders);
    client.eventBridge("bigOrder", "shop.orders", "OrderPlaced", "{\"id\": \"o-1\", \"total\": 120}");
    client.eventBridge("cancelled", "shop.orders", "OrderCancelled", "{\"id\": \"o-2\", \"total\": 5}");
    client.eventBridge("audit", "shop.orders", "OrderCancelled", "{\"id\": \"o-2\"}");
    assertThat(seen(orders)).containsExactly("big o-1 120 from shop.orders OrderPlaced", "cancelled o-2",
        "audit {\"id\":\"o-2\"}");
  }

  @Test
  void lambdaCallsARuleHandlerWithTheEventAsEventBridgeSendsIt() throws Exception {
    String event = """
        {"version": "0", "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718", "detail-type": "OrderPlaced",
         "source": "shop.orders", "account": "111122223333", "time": "2017-12-22T18:43:48Z", "region": "us-west-1",
         "resources": [], "detail": {"id": "o-9", "total": 300}}
        """;
    assertThat(invoke("com.example.shop.Orders_Lambda::bigOrder", event)).isEqualTo("null");
    assertThatThrownBy(() -> invoke("com.example.shop.Orders_Lambda::cancelled", event.replace("\"o-9\"", "9")))
        .rootCause().hasMessageContaining("1 EventBridge events failed: 6a7e8feb-b491-4cf7-a9f1-bf3703467718");
  }

  @Test
  void aStreamsChangesReachTheirMethodWithBothImagesAndAFailedOneIsReported() throws Exception {
    Object stock = classes.loadClass("com.example.shop.Stock").getDeclaredConstructor().newInstance();
    TestClient client = TestClient.of(stock);
    assertThat(client.tableChange("changed", "INSERT", "{\"sku\": \"tea\"}", null,
        "{\"sku\": \"tea\", \"count\": 3}")).isTrue();
    assertThat(client.tableChange("changed", "MODIFY", "{\"sku\": \"tea\"}", "{\"sku\": \"tea\", \"count\": 3}",
        "{\"sku\": \"tea\", \"count\": 1}")).isTrue();
    assertThat(client.tableChange("changed", "REMOVE", "{\"sku\": \"tea\"}", "{\"sku\": \"tea\", \"count\": 1}",
        null)).isTrue();
    assertThat(client.tableChange("changed", "MODIFY", "{\"sku\": \"jam\"}", "{\"sku\": \"jam\", \"count\": 1}",
        "{\"sku\": \"jam\", \"count\": -1}")).as("failed").isFalse();
    assertThat(client.tableChange("audit", "INSERT", "{\"sku\": \"jam\"}", null, "{\"sku\": \"jam\"}")).isTrue();
    assertThat(seen(stock)).containsExactly("INSERT tea 0->3", "MODIFY tea 3->1", "REMOVE tea 1->0",
        "audit {\"sku\":\"jam\"}");
    assertThat(client.logs()).singleElement().asString().contains("DYNAMODB record 100000000000000000001 failed")
        .contains("negative stock of jam");
  }

  @Test
  void aStreamsBatchEndsAtItsFirstFailedChangeSoThatOrderHolds() throws Exception {
    String event = """
        {"Records": [
          {"eventID": "c4ca4238a0b923820dcc509a6f75849b", "eventName": "INSERT", "eventVersion": "1.1",
           "eventSource": "aws:dynamodb", "awsRegion": "us-east-1",
           "dynamodb": {"Keys": {"sku": {"S": "tea"}}, "NewImage": {"sku": {"S": "tea"}, "count": {"N": "101"}},
             "ApproximateCreationDateTime": 1428537600, "SequenceNumber": "4421584500000000017450439091",
             "SizeBytes": 26, "StreamViewType": "NEW_AND_OLD_IMAGES"},
           "eventSourceARN": "arn:aws:dynamodb:us-east-1:123456789012:table/StockTable/stream/2015-06-27T00:48:05.899"},
          {"eventID": "c81e728d9d4c2f636f067f89cc14862c", "eventName": "MODIFY", "eventVersion": "1.1",
           "eventSource": "aws:dynamodb", "awsRegion": "us-east-1",
           "dynamodb": {"Keys": {"sku": {"S": "jam"}}, "NewImage": {"sku": {"S": "jam"}, "count": {"N": "-2"}},
             "OldImage": {"sku": {"S": "jam"}, "count": {"N": "4"}}, "ApproximateCreationDateTime": 1428537600,
             "SequenceNumber": "4421584500000000017450439092", "SizeBytes": 59, "StreamViewType": "NEW_AND_OLD_IMAGES"},
           "eventSourceARN": "arn:aws:dynamodb:us-east-1:123456789012:table/StockTable/stream/2015-06-27T00:48:05.899"},
          {"eventID": "eccbc87e4b5ce2fe28308fd9f2a7baf3", "eventName": "REMOVE", "eventVersion": "1.1",
           "eventSource": "aws:dynamodb", "awsRegion": "us-east-1",
           "dynamodb": {"Keys": {"sku": {"S": "jam"}}, "OldImage": {"sku": {"S": "jam"}, "count": {"N": "-2"}},
             "ApproximateCreationDateTime": 1428537601, "SequenceNumber": "4421584500000000017450439093",
             "SizeBytes": 38, "StreamViewType": "NEW_AND_OLD_IMAGES"},
           "eventSourceARN": "arn:aws:dynamodb:us-east-1:123456789012:table/StockTable/stream/2015-06-27T00:48:05.899"}
        ]}
        """;
    Object stock = classes.loadClass("com.example.shop.Stock").getDeclaredConstructor().newInstance();
    assertThat(TestClient.of(stock).event("changed", event))
        .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"4421584500000000017450439092\"}]}");
    assertThat(seen(stock)).as("the removal after the failed change waits for it").containsExactly("INSERT tea 0->101");
    assertThat(invoke("com.example.shop.Stock_Lambda::changed", event)).as("Lambda's handler, the same")
        .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"4421584500000000017450439092\"}]}");
  }

  @Test
  void aKinesisRecordsDataReachesItsMethodAndAFailedOneEndsTheBatch() throws Exception {
    Object clicks = classes.loadClass("com.example.shop.Clicks").getDeclaredConstructor().newInstance();
    TestClient client = TestClient.of(clicks);
    assertThat(client.kinesis("clicked", "{\"user\": \"ann\", \"page\": \"/\"}",
        "{\"user\": \"bob\", \"page\": \"\"}", "{\"user\": \"cy\", \"page\": \"/a\"}"))
        .as("delivered again: the failed record and the one after it")
        .containsExactly("{\"user\": \"bob\", \"page\": \"\"}", "{\"user\": \"cy\", \"page\": \"/a\"}");
    assertThat(client.kinesis("raw", "plain text")).isEmpty();
    assertThat(seen(clicks)).containsExactly("ann /", "raw plain text");
    assertThat(client.logs()).singleElement().asString().contains("KINESIS record").contains("failed; it and those"
        + " after it return to their source").contains("a click without a page, by bob");
  }

  @Test
  void lambdaCallsAKinesisHandlerWithTheEventAsKinesisSendsIt() throws Exception {
    String event = """
        {"Records": [
          {"kinesis": {"kinesisSchemaVersion": "1.0", "partitionKey": "1",
             "sequenceNumber": "49590338271490256608559692538361571095921575989136588898",
             "data": "eyJ1c2VyIjogImFubiIsICJwYWdlIjogIi9ob21lIn0=", "approximateArrivalTimestamp": 1545084650.987},
           "eventSource": "aws:kinesis", "eventVersion": "1.0",
           "eventID": "shardId-000000000006:49590338271490256608559692538361571095921575989136588898",
           "eventName": "aws:kinesis:record", "invokeIdentityArn": "arn:aws:iam::123456789012:role/lambda-role",
           "awsRegion": "us-east-2", "eventSourceARN": "arn:aws:kinesis:us-east-2:123456789012:stream/lambda-stream"}
        ]}
        """;
    assertThat(invoke("com.example.shop.Clicks_Lambda::clicked", event)).isEqualTo("{\"batchItemFailures\":[]}");
    String noPage = event.replace("eyJ1c2VyIjogImFubiIsICJwYWdlIjogIi9ob21lIn0=", "eyJ1c2VyIjogImFubiIsICJwYWdlIjogIiJ9");
    assertThat(invoke("com.example.shop.Clicks_Lambda::clicked", noPage)).as("a record that failed").isEqualTo(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"49590338271490256608559692538361571095921575989136588898\"}]}");
  }

  @Test
  void aFunctionUrlMethodTakesEveryPathAndMethodBoundAsAnHttpApiRoute() throws Exception {
    TestClient client = TestClient.of(classes.loadClass("com.example.shop.Hooks").getDeclaredConstructor().newInstance());
    for (String path : List.of("/", "/couriers/acme/deliveries")) {
      TestClient.Answer a = client.request("PUT", path).header("X-Signature", "s1")
          .body("{\"id\": \"d-1\", \"status\": \"DELIVERED\"}").send();
      assertThat(a.status()).as(path).isEqualTo(200);
      assertThat(a.body()).isEqualTo("{\"id\":\"d-1\",\"accepted\":true,\"signature\":\"s1\"}");
    }
    assertThat(client.post("/", "{\"id\": 5}").status()).as("a body that is no Delivery").isEqualTo(400);
  }

  @Test
  void lambdaCallsAnSqsHandlerWithItsEvent() throws Exception {
    String event = """
        {"Records": [{"messageId": "059f36b4-87a3-44ab-83d2-661975830a7d", "receiptHandle": "AQEBwJnKyrHigUMZj6rY",
          "body": "{\\"name\\": \\"x\\", \\"attempts\\": 5}", "attributes": {"ApproximateReceiveCount": "1"},
          "messageAttributes": {}, "md5OfBody": "e4e68fb7bd0e697a0ae8f1bb342846b3", "eventSource": "aws:sqs",
          "eventSourceARN": "arn:aws:sqs:us-east-2:123456789012:my-queue", "awsRegion": "us-east-2"}]}
        """;
    assertThat(invoke("com.example.shop.Jobs_Lambda::work", event))
        .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"059f36b4-87a3-44ab-83d2-661975830a7d\"}]}");
  }

  @Test
  void snapStartPrimesTheGlueWithoutCallingTheMethods() throws Exception {
    Object handler = classes.loadClass("com.example.shop.Products_Lambda").getDeclaredConstructor().newInstance();
    prime(handler);
    Object products = target(handler);
    assertThat(products.getClass().getField("warmUps").get(products)).isEqualTo(1);

    Object work = classes.loadClass("com.example.shop.Jobs_Lambda").getDeclaredConstructor().newInstance();
    prime(work);
    assertThat(seen(target(work))).as("the method itself is not called").isEmpty();
  }

  private static void prime(Object handler) throws ReflectiveOperationException {
    java.lang.reflect.Method prime = handler.getClass().getDeclaredMethod("prime");
    prime.setAccessible(true);
    prime.invoke(handler);
  }

  private static Object target(Object handler) throws ReflectiveOperationException {
    java.lang.reflect.Field target = handler.getClass().getDeclaredField("target");
    target.setAccessible(true);
    return target.get(handler);
  }

  private static List<Object> seen(Object jobs) throws ReflectiveOperationException {
    return List.copyOf((List<?>) jobs.getClass().getField("seen").get(jobs));
  }

  /**
   * Records of several kinds in one class: {@code Arg.item()} hands an {@code S3Record} and a
   * {@code BusEvent<String>} alike, so their constants differ by type; a type named {@code Handlers} does not
   * take the table's name.
   */
  @Test
  void recordsOfSeveralKindsInOneClassEachKeepTheirType() throws IOException {
    Compilation c = Compile.compile(Compile.source("Mixed", """
        import dev.stratus.runtime.BusEvent;
        import dev.stratus.runtime.S3Record;

        @CfResource(logicalId = "Uploads", type = "AWS::S3::Bucket")
        public class Mixed {
          public record Handlers(String name) {}

          @CfFunction
          @OnS3Event(bucket = "Uploads")
          public void uploaded(S3Record object) {}

          @CfFunction
          @OnEventBridgeRule(pattern = "{\\"source\\": [\\"shop\\"]}")
          public void audited(BusEvent<String> event) {}

          @CfFunction
          @OnEventBridgeRule(pattern = "{\\"source\\": [\\"hr\\"]}")
          public void hired(Handlers person) {}
        }
        """));
    assertThat(c).succeededWithoutWarnings();
    String glue = c.generatedSourceFile("com.example.Mixed_Lambda").orElseThrow().getCharContent(true).toString();
    assertThat(glue).contains("Arg<S3Record> RECORD = Arg.item();", "Arg<BusEvent<String>> RECORD_2 = Arg.item();",
        "Codec<Mixed.Handlers> HANDLERS_2 = Mixed_Handlers_Codec.INSTANCE;",
        "public static final Handlers<Mixed> HANDLERS");
  }

  /** Calls {@code Class::method} as Lambda's runtime does: the class built once, the stream method by name. */
  private static String invoke(String handler, String event) throws Exception {
    String[] parts = handler.split("::");
    Class<?> type = classes.loadClass(parts[0]);
    Object h = type.getDeclaredConstructor().newInstance();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    type.getMethod(parts[1], InputStream.class, java.io.OutputStream.class, Context.class)
        .invoke(h, new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The class files of a compilation, loaded from memory. */
  private static final class CompiledClasses extends ClassLoader {
    private final Compilation compilation;

    CompiledClasses(Compilation compilation, ClassLoader parent) {
      super(parent);
      this.compilation = compilation;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      String path = "/CLASS_OUTPUT/" + name.replace('.', '/') + ".class";
      for (JavaFileObject f : compilation.generatedFiles()) {
        if (f.getKind() == JavaFileObject.Kind.CLASS && f.toUri().getPath().endsWith(path)) {
          try (InputStream in = f.openInputStream()) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
          }
        }
      }
      throw new ClassNotFoundException(name);
    }
  }
}
