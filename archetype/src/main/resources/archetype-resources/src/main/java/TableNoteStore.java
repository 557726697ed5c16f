package ${package};

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The notes in the stack's table. The client is built once per container; locally, stratus:run points the SDK at
 * its own DynamoDB through AWS_ENDPOINT_URL_DYNAMODB. {@code StackResources} is generated from the {@code @Use}s.
 */
final class TableNoteStore implements NoteStore {
  private static final DynamoDbClient DYNAMO = DynamoDbClient.create();

  @Override
  public void put(Note note) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", AttributeValue.fromS(note.id()));
    item.put("text", AttributeValue.fromS(note.text()));
    if (note.author() != null) {
      item.put("author", AttributeValue.fromS(note.author()));
    }
    DYNAMO.putItem(b -> b.tableName(StackResources.NotesTable.name()).item(item));
  }

  @Override
  public Optional<Note> get(String id) {
    Map<String, AttributeValue> item = DYNAMO.getItem(b -> b.tableName(StackResources.NotesTable.name())
        .key(Map.of("id", AttributeValue.fromS(id)))).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    AttributeValue author = item.get("author");
    return Optional.of(new Note(id, item.get("text").s(), author == null ? null : author.s()));
  }
}
