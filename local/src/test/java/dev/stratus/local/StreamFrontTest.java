package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which items of streamed tables each kind of write names (dynalite has no transactions: they are read here). */
class StreamFrontTest {
  private final StreamLog orders = new StreamLog("orders", "arn:orders", "NEW_IMAGE", List.of("pk"));
  private final StreamLog jobs = new StreamLog("jobs", "arn:jobs", "KEYS_ONLY", List.of("id", "at"));
  private final Map<String, StreamLog> logs = Map.of("orders", orders, "jobs", jobs);

  private List<String> written(String request) throws IOException {
    return StreamFront.written(Events.JSON.readTree(request), logs).stream()
        .map(w -> w.log().table + " " + w.key()).toList();
  }

  @Test
  void aSingleWriteNamesItsItemByTheKeyOrTheItemsKeyAttributes() throws IOException {
    assertThat(written("{\"TableName\":\"orders\",\"Item\":{\"x\":{\"S\":\"1\"},\"pk\":{\"S\":\"a\"}}}"))
        .containsExactly("orders {\"pk\":{\"S\":\"a\"}}");
    assertThat(written("{\"TableName\":\"jobs\",\"Key\":{\"at\":{\"N\":\"2\"},\"id\":{\"S\":\"j\"}},"
        + "\"UpdateExpression\":\"SET x = :x\"}")).containsExactly("jobs {\"id\":{\"S\":\"j\"},\"at\":{\"N\":\"2\"}}");
    assertThat(written("{\"TableName\":\"plain\",\"Key\":{\"id\":{\"S\":\"p\"}}}")).as("a table without a stream")
        .isEmpty();
  }

  @Test
  void aBatchAndATransactionNameEachPutAndDeleteOfAStreamedTable() throws IOException {
    assertThat(written("{\"RequestItems\":{\"orders\":[{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"a\"}}}},"
        + "{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"b\"}}}}],\"plain\":[{\"PutRequest\":{\"Item\":{}}}]}}"))
        .containsExactly("orders {\"pk\":{\"S\":\"a\"}}", "orders {\"pk\":{\"S\":\"b\"}}");
    assertThat(written("{\"TransactItems\":[{\"Put\":{\"TableName\":\"orders\",\"Item\":{\"pk\":{\"S\":\"a\"}}}},"
        + "{\"ConditionCheck\":{\"TableName\":\"orders\",\"Key\":{\"pk\":{\"S\":\"c\"}}}},"
        + "{\"Update\":{\"TableName\":\"jobs\",\"Key\":{\"id\":{\"S\":\"j\"},\"at\":{\"N\":\"1\"}}}},"
        + "{\"Delete\":{\"TableName\":\"orders\",\"Key\":{\"pk\":{\"S\":\"d\"}}}}]}"))
        .containsExactly("orders {\"pk\":{\"S\":\"a\"}}", "jobs {\"id\":{\"S\":\"j\"},\"at\":{\"N\":\"1\"}}",
            "orders {\"pk\":{\"S\":\"d\"}}");
  }
}
