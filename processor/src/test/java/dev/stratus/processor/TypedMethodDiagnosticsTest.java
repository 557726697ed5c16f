package dev.stratus.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stratus.processor.Compile.assertSingleError;
import static dev.stratus.processor.Compile.compile;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per diagnostic of typed handler methods: the count, the message and the line it points at. */
class TypedMethodDiagnosticsTest {

  /** {@code com.example.Shop} with {@code body} as its members. */
  private static JavaFileObject shop(String body) {
    return shop("public class Shop", body);
  }

  private static JavaFileObject shop(String declaration, String body) {
    return JavaFileObjects.forSourceString("com.example.Shop", """
        package com.example;

        import com.amazonaws.services.lambda.runtime.Context;
        import dev.stratus.annotations.*;
        import dev.stratus.runtime.*;
        import java.util.*;

        """ + declaration + " {\n" + body + "}\n");
  }

  @Test
  void methodMustBePublic() {
    JavaFileObject src = shop("""
          @CfFunction
          @ApiRoute(path = "/items", method = "GET")
          List<String> items() { return List.of(); }
        """);
    assertSingleError(compile(src), src, "[StratusTypedMethod] typed handler method Shop.items must be public: the generated"
        + " handler calls it; add 'public'", "@CfFunction");
  }

  @Test
  void aFunctionUrlMethodIsCalledAtItsUrlAloneAndHasNoPathVariables() {
    JavaFileObject withQueue = shop("@CfResource(logicalId = \"Jobs\", type = \"AWS::SQS::Queue\")\npublic class Shop", """
          @CfFunction
          @FunctionUrl
          @OnSqsMessage(queue = "Jobs")
          public void hook(String body) {}
        """);
    assertSingleError(compile(withQueue), withQueue, "[StratusTypedMethod] @OnSqsMessage on typed handler method Shop.hook:"
        + " a typed method with @FunctionUrl is called at its URL, with every path and method; put @OnSqsMessage on a"
        + " method of its own", "@OnSqsMessage");
    JavaFileObject withPath = shop("""
          @CfFunction
          @FunctionUrl
          public String hook(@Path("id") String id) { return id; }
        """);
    assertSingleError(compile(withPath), withPath, "[StratusParameterBinding] @Path(\"id\") names no variable of"
        + " 'its function URL'; its variables: none", "@Path(\"id\")");
  }

  @Test
  void methodMustNotBeGeneric() {
    JavaFileObject src = shop("""
          @CfFunction
          @ApiRoute(path = "/items", method = "GET")
          public <T> List<String> items() { return List.of(); }
        """);
    assertSingleError(compile(src), src, "[StratusTypedMethod] typed handler method Shop.items must not be generic: the"
        + " generated handler cannot choose <T>; use concrete types", "public <T>");
  }

  @Test
  void thrownTypesMustBeExceptions() {
    JavaFileObject src = shop("""
          @CfFunction
          @ApiRoute(path = "/items", method = "GET")
          public List<String> items() throws Throwable { return List.of(); }
        """);
    assertSingleError(compile(src), src, "[StratusTypedMethod] typed handler method Shop.items declares 'throws"
        + " java.lang.Throwable', which the generated handler cannot catch; declare Exception or a subclass of it",
        "throws Throwable");
  }

  @Test
  void checkedExceptionsAreFine() {
    JavaFileObject src = shop("""
          @CfFunction
          @ApiRoute(path = "/items", method = "GET")
          public List<String> items() throws java.io.IOException { return List.of(); }
        """);
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void theClassMustBeInstantiable() {
    JavaFileObject src = shop("public abstract class Shop", """
          @CfFunction
          @ApiRoute(path = "/items", method = "GET")
          public List<String> items() { return List.of(); }
        """);
    assertSingleError(compile(src), src, "[StratusTypedMethod] typed handler method Shop.items is in com.example.Shop, which"
        + " the generated handler cannot instantiate: it is abstract; make it concrete or the method static",
        "@CfFunction");
  }

  @Test
  void theClassNeedsANoArgumentConstructorUnlessTheMethodIsStatic() {
    String items = """
          public Shop(String name) {}

          @CfFunction
          @ApiRoute(path = "/items", method = "GET")
          public %sList<String> items() { return List.of(); }
        """;
    JavaFileObject src = shop(items.formatted(""));
    assertSingleError(compile(src), src, "[StratusTypedMethod] typed handler method Shop.items is in com.example.Shop, which"
        + " the generated handler cannot instantiate: it needs a public no-argument constructor (built once per"
        + " container), or make the method static", "@CfFunction");
    assertThat(compile(shop(items.formatted("static ")))).succeededWithoutWarnings();
  }

  @Test
  void overloadsWouldShareAHandler() {
    JavaFileObject src = shop("""
          @CfFunction
          @ApiRoute(path = "/items", method = "GET")
          public List<String> items() { return List.of(); }

          @CfFunction(logicalId = "ItemsByName")
          @ApiRoute(path = "/items/{name}", method = "GET")
          public List<String> items(@Path("name") String name) { return List.of(); }
        """);
    assertSingleError(compile(src), src, "[StratusTypedMethod] Shop has two typed handler methods named items; their"
        + " Lambda handlers would both be com.example.Shop_Lambda::items: rename one", "ItemsByName");
  }

  @Test
  void aTypedMethodNeedsAnEvent() {
    JavaFileObject src = shop("""
          @CfFunction
          public List<String> items() { return List.of(); }
        """);
    assertSingleError(compile(src), src, "[StratusTypedMethod] typed handler method Shop.items needs an event: add one of"
        + " @ApiRoute, @HttpApiRoute, @OnS3Event, @OnSchedule, @OnSqsMessage, @OnSnsMessage", "@CfFunction");
  }

  @Test
  void aTypedMethodTakesOneKindOfEvent() {
    JavaFileObject src = shop("""
          @CfFunction
          @ApiRoute(path = "/tidy", method = "POST")
          @OnSchedule("rate(1 hour)")
          public void tidy() {}
        """);
    assertSingleError(compile(src), src, "[StratusTypedMethod] @OnSchedule on typed handler method Shop.tidy: a typed method"
        + " takes one kind of event, and this one has @ApiRoute already; put @OnSchedule on a method of its own",
        "@OnSchedule");
  }

  @Test
  void messagesAreNotHttpRequests() {
    JavaFileObject src = shop("""
          @CfFunction
          @OnSnsMessage(topic = "arn:aws:sns:us-east-1:123456789012:alerts")
          public void alert(@Header("x-id") String id) {}
        """);
    assertSingleError(compile(src), src, "[StratusTypedMethod] @OnSnsMessage on typed handler method Shop.alert: it delivers"
        + " SNS messages, not HTTP requests; remove @Header", "@Header");
  }

  @Test
  void aWholeEventMustBeTheOneDelivered() {
    JavaFileObject src = shop("""
          @CfFunction
          @OnSqsMessage(queue = "arn:aws:sqs:us-east-1:123456789012:jobs")
          public void work(com.amazonaws.services.lambda.runtime.events.SNSEvent event) {}
        """);
    assertSingleError(compile(src), src, "[StratusTypedMethod] @OnSqsMessage on typed handler method Shop.work: it delivers"
        + " SQSEvent, not com.amazonaws.services.lambda.runtime.events.SNSEvent: take SQSEvent, or each SQS message as"
        + " a record or String", "SNSEvent event");
  }

  @Test
  void aMethodTakesOneMessageAtATime() {
    JavaFileObject src = shop("""
          @CfFunction
          @OnSqsMessage(queue = "arn:aws:sqs:us-east-1:123456789012:jobs")
          public void work(String first, String second) {}
        """);
    assertSingleError(compile(src), src, "[StratusParameterBinding] parameter 'second' binds SQS messages, which parameter"
        + " 'first' binds already; bind each value once", "String second");
  }

  @Test
  void messageTypesMustBeReadable() {
    JavaFileObject src = shop("""
          @CfFunction
          @OnSqsMessage(queue = "arn:aws:sqs:us-east-1:123456789012:jobs")
          public void work(java.io.File job) {}
        """);
    assertSingleError(compile(src), src, "[StratusParameterBinding] parameter 'job' cannot be bound from SQS messages:"
        + " java.io.File needs a public no-argument constructor, or make it a record; @OnSqsMessage takes SQSEvent or"
        + " String, primitives", "File job");
  }

  @Test
  void anEventNeedsCfFunctionOnItsMethod() {
    JavaFileObject src = shop("""
          @ApiRoute(path = "/items", method = "GET")
          public List<String> items() { return List.of(); }
        """);
    assertSingleError(compile(src), src, "[StratusEventWithoutFunction] @ApiRoute needs @CfFunction on the same method:"
        + " events belong to a function", "@ApiRoute");
  }

  @Test
  void everyParameterIsBound() {
    JavaFileObject src = shop("""
          @CfFunction
          @ApiRoute(path = "/items", method = "GET")
          public List<String> items(String filter) { return List.of(); }
        """);
    assertSingleError(compile(src), src, "[StratusParameterBinding] parameter 'filter' of Shop.items is bound to nothing:"
        + " annotate it with @Path, @Query, @Header or @Body, or take a Context", "String filter");
  }

  @Test
  void aParameterTakesOneBinding() {
    JavaFileObject src = shop("""
          @CfFunction
          @ApiRoute(path = "/items/{id}", method = "GET")
          public String item(@Path("id") @Query("id") String id) { return id; }
        """);
    assertSingleError(compile(src), src, "[StratusParameterBinding] parameter 'id' has both @Path and @Query: a parameter"
        + " takes one value; keep one", "@Query(\"id\")");
  }

  @Test
  void aValueIsBoundOnce() {
    JavaFileObject src = shop("""
          @CfFunction
          @ApiRoute(path = "/items", method = "GET")
          public String item(@Header("X-Trace") String trace,
              @Header("x-trace") String again) { return trace; }
        """);
    assertSingleError(compile(src), src, "[StratusParameterBinding] parameter 'again' binds header 'x-trace', which"
        + " parameter 'trace' binds already; bind each value once", "String again");
  }

  @Test
  void queryTypesNeedATextForm() {
    JavaFileObject src = shop("""
          @CfFunction
          @ApiRoute(path = "/items", method = "GET")
          public String item(@Query("at") java.io.File at) { return ""; }
        """);
    assertSingleError(compile(src), src, "[StratusParameterBinding] parameter 'at' cannot be bound from query parameter 'at':"
        + " java.io.File has no text form; @Query takes String, primitives and their boxes, BigDecimal, UUID, Instant,"
        + " LocalDate, enums, or an Optional or List of one", "java.io.File at");
  }

  @Test
  void bodyTypesMustBeReadable() {
    JavaFileObject src = shop("""
          public static final class Order {
            private Order(String id) {}
          }

          @CfFunction
          @ApiRoute(path = "/orders", method = "POST")
          public void order(@Body Order order) {}
        """);
    assertSingleError(compile(src), src, "[StratusParameterBinding] parameter 'order' cannot be bound from the body:"
        + " com.example.Shop.Order needs a public no-argument constructor, or make it a record; @Body takes String,"
        + " primitives and their boxes", "Order order");
  }

  @Test
  void returnTypesMustBeWritable() {
    JavaFileObject src = shop("""
          @CfFunction
          @ApiRoute(path = "/items", method = "GET")
          public java.util.concurrent.CompletableFuture<String> items() { return null; }
        """);
    assertSingleError(compile(src), src, "[StratusParameterBinding] Shop.items cannot be answered: a Lambda function answers"
        + " once it returns; return the value itself; return void, a value, Optional<T>, byte[] or Response<T>, where"
        + " T is one of String", "CompletableFuture<String> items()");
  }

  @Test
  void everyPathVariableIsBound() {
    JavaFileObject src = shop("""
          @CfFunction
          @ApiRoute(path = "/items/{item-id}", method = "GET")
          public String item() { return ""; }
        """);
    assertSingleError(compile(src), src, "[StratusParameterBinding] path variable {item-id} of '/items/{item-id}' is bound to"
        + " no parameter: add @Path(\"item-id\") String itemid", "path = \"/items/{item-id}\"");
  }

  @Test
  void aPathParameterNeedsItsVariable() {
    JavaFileObject src = shop("""
          @CfFunction
          @HttpApiRoute(path = "/items/{proxy+}", method = "GET")
          public String item(@Path("proxy") String rest, @Path("id") String id) { return ""; }
        """);
    assertSingleError(compile(src), src, "[StratusParameterBinding] @Path(\"id\") names no variable of '/items/{proxy+}'; its"
        + " variables: {proxy}", "@Path(\"id\") String id");
  }

  @Test
  void aDefaultMustConvert() {
    JavaFileObject src = shop("""
          @CfFunction
          @ApiRoute(path = "/items", method = "GET")
          public String items(@Query(value = "limit", defaultValue = "ten") int limit) { return ""; }
        """);
    assertSingleError(compile(src), src, "[StratusParameterBinding] defaultValue 'ten' of parameter 'limit' must be a whole"
        + " number", "defaultValue = \"ten\"");
  }

  @Test
  void aBodyOnAGetIsWarned() {
    JavaFileObject src = shop("""
          @CfFunction
          @ApiRoute(path = "/search", method = "GET")
          public String search(@Body Map<String, Object> query) { return ""; }
        """);
    Compilation c = compile(src);
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(1);
    assertThat(c).hadWarningContaining("[StratusBodyOnReadRoute] @Body on a GET route: clients, proxies and caches may"
        + " drop the body of a GET request; use POST, PUT or PATCH, or take @Query parameters").inFile(src)
        .onLineContaining("method = \"GET\"");
  }

  @Test
  void aBusEventSaysWhatItsDetailIs() {
    JavaFileObject src = shop("""
          @CfFunction
          @OnEventBridgeRule(pattern = "{source: [shop]}")
          public void placed(BusEvent event) {}
        """);
    assertSingleError(compile(src), src, "[StratusParameterBinding] parameter 'event' is a raw BusEvent: say what its"
        + " detail is, as BusEvent<String> or BusEvent<YourType>", "BusEvent event");
  }

  @Test
  void aStreamDeliversEachChangeInATableChange() {
    JavaFileObject src = shop("""
          @CfFunction
          @OnDynamoDbStream(table = "arn:aws:dynamodb:us-east-1:1:table/Orders/stream/x")
          public void changed(Product product) {}

          public record Product(String id) {}
        """);
    assertSingleError(compile(src), src, "[StratusTypedMethod] @OnDynamoDbStream on typed handler method Shop.changed: it"
        + " delivers each DynamoDB stream record as TableChange<T>, not as com.example.Shop.Product: take"
        + " TableChange<Product>, or DynamodbEvent", "Product product");
  }
}
