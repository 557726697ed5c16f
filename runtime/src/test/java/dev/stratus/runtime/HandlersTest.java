package dev.stratus.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The table a generated {@code <Class>_Lambda} declares, written here by hand: binding, calls and answers. */
class HandlersTest {
  /** The user's class. */
  static final class Notes {
    final List<String> seen = new ArrayList<>();

    Optional<String> get(long id, Optional<String> format) {
      return id == 0 ? Optional.empty() : Optional.of(id + format.map(f -> "." + f).orElse(""));
    }

    void note(String text) {
      if (text.equals("bad")) {
        throw new IllegalStateException("refused");
      }
      seen.add(text);
    }

    String tick(String input) {
      return "ticked " + input;
    }
  }

  private static final Arg<Long> PATH_ID = Arg.path("id", Convert.LONG);
  private static final Arg<Optional<String>> QUERY_FORMAT = Arg.optionalQuery("format", Convert.STRING);
  private static final Arg<String> RECORD_TEXT = Arg.text();
  private static final Handlers<Notes> HANDLERS = new Handlers<Notes>(HandlersTest::call,
      Handler.route("get", Answer.optional(Codecs.STRING), PATH_ID, QUERY_FORMAT).at("GET", "/notes/{id}", true),
      Handler.each("note", EventSource.SQS, RECORD_TEXT),
      Handler.input("tick", "SCHEDULE", Answer.json(Codecs.STRING), RECORD_TEXT));

  private static Object call(Notes target, int index, Object[] args, Context context) {
    switch (index) {
      case 0:
        return target.get(PATH_ID.of(args[0]), QUERY_FORMAT.of(args[1]));
      case 1:
        target.note(RECORD_TEXT.of(args[0]));
        return null;
      case 2:
        return target.tick(RECORD_TEXT.of(args[0]));
      default:
        throw new IllegalArgumentException("no typed method " + index);
    }
  }

  private static String answer(int index, Notes target, String event) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    HANDLERS.answer(index, target, new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
        new TestContext("test", new ArrayList<>()));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void bindsEachRouteArgumentAndAnswersAsTheTableSays() throws Exception {
    String event = "{\"version\": \"2.0\", \"rawPath\": \"/notes/%s\", \"pathParameters\": {\"id\": \"%s\"},"
        + " \"queryStringParameters\": {\"format\": \"md\"}, \"requestContext\": {\"requestId\": \"r\","
        + " \"http\": {\"method\": \"GET\"}}}";
    assertThat(answer(0, new Notes(), event.formatted("7", "7"))).contains("\"statusCode\":200", "7.md");
    assertThat(answer(0, new Notes(), event.formatted("0", "0"))).contains("\"statusCode\":404");
    assertThat(answer(0, new Notes(), event.formatted("x", "x"))).contains("\"statusCode\":400", "id");
  }

  @Test
  void handsEachRecordAndReportsTheOnesThatFailed() throws Exception {
    Notes notes = new Notes();
    String event = LambdaEvents.sqs("arn:aws:sqs:us-east-1:000000000000:q",
        List.of(LambdaEvents.SqsMessage.of("a"), LambdaEvents.SqsMessage.of("bad"), LambdaEvents.SqsMessage.of("b")));
    String reply = answer(1, notes, event);
    assertThat(notes.seen).containsExactly("a", "b");
    assertThat(reply).startsWith("{\"batchItemFailures\":[{\"itemIdentifier\":");
  }

  @Test
  void answersAWholeInputWithItsResult() throws Exception {
    assertThat(answer(2, new Notes(), "{\"at\":1}")).isEqualTo("\"ticked {\\\"at\\\":1}\"");
  }

  @Test
  void listsRoutesAndListenersForTestClient() {
    assertThat(HANDLERS.endpoints()).extracting(Routes.Endpoint::method, Routes.Endpoint::path,
        Routes.Endpoint::httpApi).containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/notes/{id}", true));
    assertThat(HANDLERS.listeners()).extracting(Routes.Listener::method, Routes.Listener::trigger)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("note", "SQS"),
            org.assertj.core.groups.Tuple.tuple("tick", "SCHEDULE"));
  }

  @Test
  void refusesAnArgumentOfAnotherKindOfInput() {
    assertThatThrownBy(() -> Handler.route("get", Answer.NO_CONTENT, Arg.text()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("get (route) cannot take a record value");
    assertThatThrownBy(() -> Handler.each("note", EventSource.SQS, Arg.token("Authorization")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("note (each record) cannot take a caller value");
  }
}
