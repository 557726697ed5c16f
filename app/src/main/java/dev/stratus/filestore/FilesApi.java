package dev.stratus.filestore;

import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.Body;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.Path;
import dev.stratus.annotations.Query;
import dev.stratus.annotations.Use;
import dev.stratus.runtime.Warmup;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Filestore's HTTP API, one typed method per route: Stratus generates each route's handler (binding, JSON,
 * refusals as 4xx, faults as a 500), this class only reads the request's values and calls {@link FileService}.
 * The bodies are parsed here, by {@link Requests}, because the API's messages for a bad body are its own.
 */
public class FilesApi implements Warmup {
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
  public FileService.Upload preprocess(@Body Optional<String> body) {
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
  public List<Map<String, Object>> info(@Body Optional<String> body, @Query("deleted") Optional<String> deleted,
      @Query("nonstored") Optional<String> nonstored) {
    return service.info(Requests.ids(body), Requests.flag(deleted), Requests.flag(nonstored)).stream()
        .map(FileItem::toJson).toList();
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
  public Map<String, String> revert(@Path("id") String id) {
    service.revert(Requests.fileId(id));
    return Map.of("id", id);
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
