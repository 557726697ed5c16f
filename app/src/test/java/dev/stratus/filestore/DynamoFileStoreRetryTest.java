package dev.stratus.filestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * BatchGetItem may leave keys unprocessed under load, which dynalite never does; this plain stub plays
 * DynamoDB's part to check that every key is asked for again until answered.
 */
class DynamoFileStoreRetryTest {

  /** Answers one key per call and leaves the rest unprocessed. */
  static final class OneAtATime implements DynamoDbClient {
    final List<Integer> requestSizes = new ArrayList<>();
    final boolean forever;

    OneAtATime(boolean forever) {
      this.forever = forever;
    }

    @Override
    public BatchGetItemResponse batchGetItem(Consumer<BatchGetItemRequest.Builder> request) {
      BatchGetItemRequest.Builder b = BatchGetItemRequest.builder();
      request.accept(b);
      KeysAndAttributes asked = b.build().requestItems().get("files");
      requestSizes.add(asked.keys().size());
      List<Map<String, AttributeValue>> keys = asked.keys();
      List<Map<String, AttributeValue>> answered = forever ? List.of() : keys.subList(0, 1);
      List<Map<String, AttributeValue>> rest = forever ? keys : keys.subList(1, keys.size());
      return BatchGetItemResponse.builder()
          .responses(Map.of("files", answered))
          .unprocessedKeys(rest.isEmpty() ? Map.of() : Map.of("files", KeysAndAttributes.builder().keys(rest).build()))
          .build();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }

  @Test
  void unprocessedKeysAreRetriedUntilAnswered() {
    OneAtATime dynamo = new OneAtATime(false);
    DynamoFileStore store = new DynamoFileStore(() -> dynamo, "files", null);
    List<String> ids = List.of(FileIds.newId(), FileIds.newId(), FileIds.newId());
    assertThat(store.getAll(ids)).extracting(FileItem::id).containsExactlyElementsOf(ids);
    assertThat(dynamo.requestSizes).containsExactly(3, 2, 1);
  }

  @Test
  void keysThatAreNeverProcessedAreAFaultNotASilentGap() {
    DynamoFileStore store = new DynamoFileStore(() -> new OneAtATime(true), "files", null);
    assertThatThrownBy(() -> store.getAll(List.of(FileIds.newId())))
        .hasMessage("DynamoDB left keys unprocessed after 8 attempts");
  }
}
