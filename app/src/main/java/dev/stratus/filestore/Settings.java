package dev.stratus.filestore;

import java.time.Duration;
import java.util.Map;

/**
 * The function's configuration, from the environment the template gives it.
 *
 * @param urlExpiry how long presigned download URLs stay valid ({@code URL_EXPIRATION}, seconds)
 * @param uploadUrlExpiry how long a presigned upload URL stays valid ({@code UPLOAD_URL_EXPIRATION}, seconds):
 *     short, since whoever holds it can write the upload's staging object until then
 * @param storeOnLoad whether uploads count as stored at once ({@code STORE_ON_LOAD} = {@code True})
 * @param expireAfter how old an upload that was never stored may get before Expire removes it; also how
 *     old an object without an item must be before Reconcile removes it
 * @param limits what uploads may be
 */
public record Settings(Duration urlExpiry, Duration uploadUrlExpiry, boolean storeOnLoad, Duration expireAfter,
    Limits limits) {

  public static Settings fromEnvironment(Map<String, String> env) {
    return new Settings(
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("URL_EXPIRATION", "3600"))),
        Duration.ofSeconds(Long.parseLong(env.getOrDefault("UPLOAD_URL_EXPIRATION", "300"))),
        "True".equals(env.get("STORE_ON_LOAD")),
        Duration.parse(env.getOrDefault("EXPIRE_AFTER", "PT1H")),
        Limits.fromEnvironment(env));
  }
}
