package dev.stratus.filestore;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** The {@link FileStore} contract against DynamoDB's API (dynalite), three items a scan page. */
class DynamoFileStoreIT extends FileStoreContract {
  private FileStore store;

  @BeforeEach
  void newTable() {
    LocalAws aws = LocalAws.get();
    LocalAws.Stack stack = aws.newStack(Map.of());
    store = new DynamoFileStore(() -> aws.dynamo(stack), stack.table(), 3);
  }

  @Override
  FileStore store() {
    return store;
  }
}
