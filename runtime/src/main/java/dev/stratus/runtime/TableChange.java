package dev.stratus.runtime;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One record of a DynamoDB stream as a typed method takes it: what happened to an item, its key, and its images
 * before and after as {@code T}, as far as the stream's view type carries them.
 *
 * @param eventName {@code INSERT}, {@code MODIFY} or {@code REMOVE}
 * @param keys the item's key attributes as plain values (text, numbers, base64 bytes)
 * @param viewType the stream's {@code StreamViewType}: {@code NEW_AND_OLD_IMAGES}, {@code NEW_IMAGE},
 *     {@code OLD_IMAGE} or {@code KEYS_ONLY}
 */
public record TableChange<T>(String eventName, Map<String, Object> keys, Optional<T> oldImage, Optional<T> newImage,
    String sequenceNumber, Instant approximateCreationDateTime, String viewType) {

  public TableChange {
    keys = Map.copyOf(keys);
  }

  public boolean isInsert() {
    return "INSERT".equals(eventName);
  }

  public boolean isModify() {
    return "MODIFY".equals(eventName);
  }

  public boolean isRemove() {
    return "REMOVE".equals(eventName);
  }

  /**
   * The item before the change: empty for an {@code INSERT}. A stream whose view type carries no old images
   * makes this throw, rather than look like an insert.
   */
  @Override
  public Optional<T> oldImage() {
    if (!carriesOldImages(viewType)) {
      throw missing("old");
    }
    return oldImage;
  }

  /** The item after the change: empty for a {@code REMOVE}; throws when the view type carries no new images. */
  @Override
  public Optional<T> newImage() {
    if (!carriesNewImages(viewType)) {
      throw missing("new");
    }
    return newImage;
  }

  static boolean carriesOldImages(String viewType) {
    return viewType.equals("NEW_AND_OLD_IMAGES") || viewType.equals("OLD_IMAGE");
  }

  static boolean carriesNewImages(String viewType) {
    return viewType.equals("NEW_AND_OLD_IMAGES") || viewType.equals("NEW_IMAGE");
  }

  private IllegalStateException missing(String which) {
    return new IllegalStateException("this stream's view type is " + viewType + ", which carries no " + which
        + " images: set the table's StreamSpecification to StreamViewType: NEW_AND_OLD_IMAGES");
  }

  /** The same change with its images read by {@code read}. */
  public <U> TableChange<U> map(Function<? super T, ? extends U> read) {
    return new TableChange<>(eventName, keys, oldImage.map(read), newImage.map(read), sequenceNumber,
        approximateCreationDateTime, viewType);
  }
}
