package dev.stratus.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BindingTest {
  enum Size { S, M }

  @Test
  void readsRestAndHttpApiEventsAlike() {
    ApiRequest rest = ApiRequest.parse("""
        {"httpMethod": "GET", "path": "/a", "headers": {"X-One": "1"}, "multiValueHeaders": {"X-One": ["1", "2"]},
         "queryStringParameters": {"t": "b"}, "multiValueQueryStringParameters": {"t": ["a", "b"]},
         "pathParameters": null, "requestContext": {"requestId": "r1"}, "body": null, "isBase64Encoded": false}
        """);
    ApiRequest http = ApiRequest.parse("""
        {"version": "2.0", "rawPath": "/a", "headers": {"x-one": "1,2"}, "queryStringParameters": {"t": "a,b"},
         "cookies": ["c=1", "d=2"], "requestContext": {"requestId": "r2", "http": {"method": "GET"}}}
        """);
    for (ApiRequest r : List.of(rest, http)) {
      assertThat(r.method()).isEqualTo("GET");
      assertThat(r.path()).isEqualTo("/a");
      assertThat(r.queryValues("t")).containsExactly("a", "b");
      assertThat(new Binding(r).headerList("X-ONE", Convert.INT)).containsExactly(1, 2);
    }
    assertThat(http.headerValues("Cookie")).containsExactly("c=1; d=2");
    assertThat(rest.requestId()).isEqualTo("r1");
  }

  @Test
  void collectsEveryFailureBeforeRefusing() {
    ApiRequest r = ApiRequest.of("GET", "/x").pathParameter("id", "x1").query("size", "XL").query("at", "soon")
        .header("x-id", UUID.randomUUID().toString());
    Binding b = new Binding(r);
    assertThat(b.path("id", Convert.LONG)).isNull();
    assertThat(b.query("size", Convert.enumeration(Size.values()), null)).isNull();
    assertThat(b.optionalQuery("at", Convert.INSTANT)).isEmpty();
    assertThat(b.query("missing", Convert.INT, null)).isNull();
    assertThat(b.query("page", Convert.INT, "1")).isEqualTo(1);
    assertThat(b.optionalHeader("X-Id", Convert.UUID_)).isPresent();
    assertThatThrownBy(b::check).isInstanceOf(BindingException.class).hasMessage("4 parameters are invalid:"
        + " path parameter 'id' must be a whole number; got 'x1'; query parameter 'size' must be one of S, M; got 'XL';"
        + " query parameter 'at' must be an ISO-8601 instant such as 2026-12-03T10:15:30Z; got 'soon';"
        + " query parameter 'missing' is required");
  }

  @Test
  void quotesAtMostAnExcerptOfWhatWasSent() {
    Binding b = new Binding(ApiRequest.of("GET", "/").query("n", "9".repeat(500)));
    b.query("n", Convert.INT, null);
    assertThatThrownBy(b::check).hasMessageEndingWith("'" + "9".repeat(64) + "… (500 characters)'");
  }

  @Test
  void aBodyIsJsonTextOrBytes() {
    ApiRequest r = ApiRequest.parse("{\"body\": \"eyJhIjogMX0=\", \"isBase64Encoded\": true}");
    Binding b = new Binding(r);
    assertThat(b.body(Codecs.map(Codecs.INT), true)).isEqualTo(Map.of("a", 1));
    assertThat(b.bodyText(true)).isEqualTo("{\"a\": 1}");
    assertThat(b.bodyBytes(true)).hasSize(8);
    b.check();
    Binding none = new Binding(ApiRequest.of("POST", "/"));
    assertThat(Optional.ofNullable(none.body(Codecs.STRING, false))).isEmpty();
    none.check();
  }

  @Test
  void anHttpExceptionIsA4xxOr5xx() {
    assertThatThrownBy(() -> new HttpException(302, "moved")).hasMessage(
        "an HttpException's status is 4xx or 5xx, not 302");
    assertThat(Api.answer(ApiRequest.of("GET", "/"), null, (r, c) -> {
      throw HttpException.conflict("taken");
    }).toJson()).isEqualTo("{\"statusCode\":409,\"headers\":{\"Content-Type\":\"application/json\"},"
        + "\"body\":\"{\\\"message\\\":\\\"taken\\\"}\",\"isBase64Encoded\":false}");
  }

  @Test
  void routesMatchAsApiGatewayMatchesThem() {
    assertThat(TestClient.match("/files/{id}", "/files/a%20b")).isEqualTo(Map.of("id", "a b"));
    assertThat(TestClient.match("/files/{id}", "/files/")).isNull();
    assertThat(TestClient.match("/files/{id}", "/files/a/b")).isNull();
    assertThat(TestClient.match("/static/{proxy+}", "/static/css/site.css")).isEqualTo(Map.of("proxy", "css/site.css"));
    assertThat(TestClient.match("/files", "/files")).isEmpty();
  }
}
