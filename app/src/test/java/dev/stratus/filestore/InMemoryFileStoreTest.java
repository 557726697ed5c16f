package dev.stratus.filestore;

/** Holds the fake to the contract, so that service tests on it mean something. */
class InMemoryFileStoreTest extends FileStoreContract {
  private final InMemoryFileStore store = new InMemoryFileStore();

  @Override
  FileStore store() {
    return store;
  }
}
