package dev.stratus.filestore;

import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.Body;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.Path;
import dev.stratus.annotations.Query;
import dev.stratus.annotations.Use;
import dev.stratus.runtime.Warmup;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Filestore's HTTP API, one typed method per route: Stratus generates each route's handler (binding, JSON,
 * refusals as 4xx, faults as a 500), this class only checks the request's values and calls {@link FileService}.
 * Bodies are the records below, read and written by the codecs Stratus generates under the package's
 * snake_case policy, absent values left out (the original Filestore's wire format). A list of ids is read by
 * {@link Requests} from the text, because its mistakes ("not a file id: 42 (ids are 22 characters …)") say
 * more in the API's words than in the binding's.
 */
public class FilesApi implements Warmup {
  /**
   * Preprocess's body, {@code {"name": "report.pdf", "size": 123, "type": "application/pdf"}}: the client's
   * declaration of a file; {@code size} and {@code type} are optional (the original clients send only the name).
   * {@code size} is any JSON number, so that {@code 5.0} is five bytes and {@code 1.5} gets the API's own words.
   */
  public record NewFile(String name, BigDecimal size, String type) {}

  /**
   * A file as Info answers it: {@code id}, {@code name}, {@code type}, {@code size}, {@code created_at},
   * {@code uploaded_at}, {@code stored_at}, {@code deleted_at}, {@code rejected} and {@code url}, those absent
   * left out. Times are text as {@link Times#format} writes them (UTC, always milliseconds, so that they sort as
   * text), not the runtime's {@code Instant} form, which drops zero fractions.
   */
  public record FileInfo(String id, String name, String type, Long size, String createdAt, String uploadedAt,
      String storedAt, String deletedAt, String rejected, String url) {
    static FileInfo of(FileItem item) {
      return new FileInfo(item.id(), item.name(), item.type(), item.size(), Times.format(item.createdAt()),
          Times.format(item.uploadedAt()), Times.format(item.storedAt()), Times.format(item.deletedAt()),
          item.rejected(), item.url());
    }
  }

  /** Revert's answer: the id of the upload undone. */
  public record Reverted(String id) {}

  private final FileService service;

  /** Lambda's: the container's one service, built from the environment. */
  public FilesApi() {
    this(Filestore.service());
  }

  FilesApi(FileService service) {
    this.service = service;
  }

  /** {@code POST /file {"name", "size"?, "type"?}} → {@code {id, url}}: registers a file and answers where to PUT it. Public. */
  @CfFunction(logicalId = "PreprocessFunction",
      description = "Registers an upload and answers a presigned PUT URL",
      snapStart = true)
  @Use(value = "FilesTable", actions = "dynamodb:PutItem")
  @Use(value = "StorageBucket", actions = "s3:PutObject", objects = ObjectKeys.STAGED + "*")
  @ApiRoute(path = "/file", method = "POST", api = "FilestoreApi")
  public FileService.Upload preprocess(@Body Optional<NewFile> body) {
    return service.preprocess(Requests.declared(body));
  }

  /** {@code PUT /files [ids]} → the ids stored: keeps uploads that would otherwise expire. Needs the API key. */
  @CfFunction(logicalId = "StoreFunction",
      description = "Marks uploaded files as stored",
      snapStart = true)
  @Use(value = "FilesTable", actions = {"dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:UpdateItem"})
  @Use(value = "StorageBucket", actions = "s3:GetObject", objects = ObjectKeys.STAGED + "*")
  @Use(value = "StorageBucket", actions = "s3:PutObject", objects = ObjectKeys.STORED + "*")
  @Use(value = "StorageBucket", actions = "s3:DeleteObject")
  @ApiRoute(path = "/files", method = "PUT", apiKeyRequired = true, api = "FilestoreApi")
  public List<String> store(@Body Optional<String> body) {
    return service.store(Requests.ids(body));
  }

  /**
   * {@code POST /files [ids]} ({@code ?deleted=yes}, {@code ?nonstored=yes}) → the files, stored ones with a
   * download URL. Needs the API key.
   */
  @CfFunction(logicalId = "InfoFunction",
      description = "Lists files with download URLs",
      snapStart = true)
  @Use(value = "FilesTable", actions = "dynamodb:BatchGetItem")
  @Use(value = "StorageBucket", actions = "s3:GetObject", objects = ObjectKeys.STORED + "*")
  @ApiRoute(path = "/files", method = "POST", apiKeyRequired = true, api = "FilestoreApi")
  public List<FileInfo> info(@Body Optional<String> body, @Query("deleted") Optional<String> deleted,
      @Query("nonstored") Optional<String> nonstored) {
    return service.info(Requests.ids(body), Requests.flag(deleted), Requests.flag(nonstored)).stream()
        .map(FileInfo::of).toList();
  }

  /** {@code DELETE /files [ids]} → the ids deleted: soft delete of the item, hard delete of the object. Needs the API key. */
  @CfFunction(logicalId = "DeleteFunction",
      description = "Deletes files",
      snapStart = true)
  @Use(value = "FilesTable", actions = "dynamodb:UpdateItem")
  @Use(value = "StorageBucket", actions = "s3:DeleteObject")
  @ApiRoute(path = "/files", method = "DELETE", apiKeyRequired = true, api = "FilestoreApi")
  public List<String> delete(@Body Optional<String> body) {
    return service.delete(Requests.ids(body));
  }

  /** {@code DELETE /file/{id}} → {@code {id}}: the uploader's undo of an upload not stored yet. Public. */
  @CfFunction(logicalId = "RevertFunction",
      description = "Reverts an upload that is not stored yet",
      snapStart = true)
  @Use(value = "FilesTable", actions = {"dynamodb:GetItem", "dynamodb:UpdateItem"})
  @Use(value = "StorageBucket", actions = "s3:DeleteObject")
  @ApiRoute(path = "/file/{id}", method = "DELETE", api = "FilestoreApi")
  public Reverted revert(@Path("id") String id) {
    service.revert(Requests.fileId(id));
    return new Reverted(id);
  }

  /**
   * SnapStart's hook, after the glue primed itself: every route once on canned AWS answers, then the
   * container's real clients built (without a request, so no credentials end up in the snapshot).
   */
  @Override
  public void warmUp() {
    Priming.beforeSnapshot();
  }
}
