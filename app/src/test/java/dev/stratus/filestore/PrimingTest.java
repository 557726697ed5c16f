package dev.stratus.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import dev.stratus.runtime.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every API route answers its sample request end to end on canned AWS answers, without reaching AWS. */
class PrimingTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @CsvSource({
      // route, status, DynamoDB and S3 requests sent to the canned client, what the body starts with
      "0, 200, 1, '{\"id\":\"'",
      // Store reads the items (has each upload arrived?); a canned empty answer holds none, so none is promoted.
      "1, 200, 1, '[]'",
      "2, 200, 1, '[]'",
      // Delete: mark deleted, remove both objects (staging and stored), mark purged.
      "3, 200, 4, '[\"AAAAAAAAAAAAAAAAAAAAAA\"]'",
      // Revert finds no item in a canned empty answer: its not-found path is the one warmed.
      "4, 404, 1, '{\"message\":\"no file AAAAAAAAAAAAAAAAAAAAAA\"}'",
  })
  void eachRouteAnswersItsSampleOnCannedAnswers(int route, int status, int requests, String body) {
    CannedHttpClient http = new CannedHttpClient();
    TestClient.Answer answer = Priming.ROUTES.get(route)
        .apply(TestClient.of(new FilesApi(Priming.cannedService(http))));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.body()).startsWith(body);
    assertThat(http.requests()).isEqualTo(requests);
  }

  @Test
  void preprocessPresignsLocallyWithTheDummyKeys() throws IOException {
    TestClient.Answer response = Priming.prime(Priming.cannedService(new CannedHttpClient())).get(0);
    JsonNode upload = MAPPER.readTree(response.body());
    assertThat(upload.get("url").asText()).startsWith("https://warm-up.s3.amazonaws.com/uploads/" + upload.get("id").asText())
        .contains("X-Amz-Credential=warm-up%2F");
  }
}
