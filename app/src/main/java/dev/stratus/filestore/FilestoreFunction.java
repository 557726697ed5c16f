package dev.stratus.filestore;

/**
 * What every Filestore handler holds: the container's one {@link FileService}, built on first use from
 * the environment, or one a test passes in.
 */
public abstract class FilestoreFunction {
  protected final FileService service;

  FilestoreFunction() {
    this(Filestore.service());
  }

  FilestoreFunction(FileService service) {
    this.service = service;
  }
}
