package dev.stratus.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A function's answer to a batch it was given under {@code ReportBatchItemFailures}, read as Lambda reads it:
 * the records its {@code batchItemFailures} name failed; an answer that is no such response failed none; one
 * that cannot be read, or names a record not in the batch (or none), failed the whole batch.
 *
 * @param ids the failed records' identifiers, as named
 * @param wholeBatch why the whole batch failed, or null
 */
record BatchFailures(List<String> ids, String wholeBatch) {
  static BatchFailures read(byte[] body, Collection<String> batch) {
    JsonNode response;
    try {
      response = body.length == 0 ? null : Events.JSON.readTree(body);
    } catch (IOException e) {
      return new BatchFailures(List.of(), "the answer is not JSON");
    }
    if (response == null || !response.path("batchItemFailures").isArray()) {
      return new BatchFailures(List.of(), null);
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode item : response.get("batchItemFailures")) {
      String id = item.path("itemIdentifier").asText("");
      if (!batch.contains(id)) {
        return new BatchFailures(List.of(), "batchItemFailures names '" + id + "', not in the batch");
      }
      ids.add(id);
    }
    return new BatchFailures(List.copyOf(ids), null);
  }
}
