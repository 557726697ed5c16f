package dev.stratus.filestore;

import dev.stratus.filestore.FileService.Declared;
import dev.stratus.runtime.Codecs;
import dev.stratus.runtime.Convert;
import dev.stratus.runtime.JsonException;
import dev.stratus.runtime.JsonReader;
import dev.stratus.runtime.JsonWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values of Filestore's requests, with the API's own words for the caller's mistakes (each a 400
 * through {@link FileException}): Preprocess's bound body checked, a list of ids read from the text. What the
 * caller sent is quoted as the runtime quotes it ({@link Convert#excerpt}): never unbounded.
 */
final class Requests {
  static final int MAX_IDS = 10;
  private static final String MORE = "more than one JSON value; send one at column ";
  /** A media type, parameters allowed, as a browser's {@code File.type} gives it. */
  private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+( *;.*)?");

  private Requests() {}

  /**
   * Preprocess's body → what the client declares: a name, and a size (a whole number of bytes) and a media
   * type if it says them. Its JSON shape is checked by the binding; its values here, in the API's words.
   */
  static Declared declared(Optional<FilesApi.NewFile> body) {
    if (body.isEmpty()) {
      throw FileException.invalid("the request has no body; send JSON");
    }
    FilesApi.NewFile file = body.get();
    if (file.name() == null) {
      throw FileException.invalid("'name' is required: the file's name, e.g. {\"name\": \"report.pdf\"}");
    }
    BigDecimal size = file.size();
    if (size != null && (size.signum() < 0 || size.stripTrailingZeros().scale() > 0
        || size.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0)) {
      throw FileException.invalid("'size' must be the file's size in bytes, a whole number; got "
          + Convert.excerpt(size.toString()));
    }
    String type = file.type();
    if (type != null && !MEDIA_TYPE.matcher(type).matches()) {
      throw FileException.invalid("'type' must be a media type such as \"image/png\"; got "
          + Convert.excerpt(write(type)));
    }
    return new Declared(file.name(), size == null ? null : size.longValueExact(), type);
  }

  /** {@code ["id", ...]} → the ids: 1 to {@value #MAX_IDS} of them, each of the shape Filestore issues. */
  static List<String> ids(Optional<String> text) {
    if (!(body(text) instanceof List<?> body)) {
      throw FileException.invalid("the body must be a JSON array of file ids: [\"id1\", \"id2\"]");
    }
    if (body.isEmpty() || body.size() > MAX_IDS) {
      throw FileException.invalid("send 1 to " + MAX_IDS + " ids; got " + body.size());
    }
    List<String> ids = new ArrayList<>();
    for (Object id : body) {
      if (!(id instanceof String s) || !FileIds.isValid(s)) {
        throw FileException.invalid("not a file id: " + Convert.excerpt(write(id)) + " (ids are 22 characters of A-Z,"
            + " a-z, 0-9, '-', '_')");
      }
      ids.add(s);
    }
    return ids;
  }

  /** The path parameter {@code id}, checked for shape. */
  static String fileId(String id) {
    if (!FileIds.isValid(id)) {
      throw FileException.invalid("not a file id: '" + Convert.excerpt(id) + "' (ids are 22 characters of A-Z, a-z,"
          + " 0-9, '-', '_')");
    }
    return id;
  }

  /** A query flag as the original API spells it: {@code ?deleted=yes}. */
  static boolean flag(Optional<String> value) {
    return value.map("yes"::equalsIgnoreCase).orElse(false);
  }

  private static Object body(Optional<String> text) {
    if (text.isEmpty() || text.get().isBlank()) {
      throw FileException.invalid("the request has no body; send JSON");
    }
    try {
      return JsonReader.read(text.get(), Codecs.ANY);
    } catch (JsonException e) {
      String m = e.getMessage();
      if (m.startsWith(MORE)) {
        throw FileException.invalid("the body holds more than one JSON value (more at column "
            + m.substring(MORE.length()) + "); send one");
      }
      throw FileException.invalid("the body is not valid JSON: " + Convert.excerpt(m));
    }
  }

  private static String write(Object value) {
    return JsonWriter.write(Codecs.ANY, value);
  }
}
