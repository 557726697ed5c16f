package dev.stratus.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TableChangeTest {
  @Test
  void everyAttributeTypeReadsAsPlainJsonAndNumbersKeepTheirDigits() {
    Map<String, Object> item = AttributeValues.of("{\"id\": \"a\"}");
    item = new java.util.LinkedHashMap<>(item);
    item.put("big", Map.of("N", "12345678901234567890123456789.5"));
    item.put("ok", Map.of("BOOL", true));
    item.put("none", Map.of("NULL", true));
    item.put("tags", Map.of("SS", List.of("x", "y")));
    item.put("sizes", Map.of("NS", List.of("1", "2.5")));
    item.put("blob", Map.of("B", "AAE="));
    item.put("nested", Map.of("M", Map.of("l", Map.of("L", List.of(Map.of("S", "i"), Map.of("N", "7"))))));
    assertThat(AttributeValues.plainJson(item)).isEqualTo("{\"id\":\"a\",\"big\":12345678901234567890123456789.5,"
        + "\"ok\":true,\"none\":null,\"tags\":[\"x\",\"y\"],\"sizes\":[1,2.5],\"blob\":\"AAE=\","
        + "\"nested\":{\"l\":[\"i\",7]}}");
  }

  @Test
  void plainItemsBecomeAttributeValuesAndBack() {
    String plain = "{\"sku\":\"tea\",\"count\":3,\"price\":2.5,\"ok\":false,\"gone\":null,\"tags\":[\"a\"],"
        + "\"dims\":{\"w\":1}}";
    assertThat(AttributeValues.of(plain)).containsEntry("count", Map.of("N", "3"))
        .containsEntry("tags", Map.of("L", List.of(Map.of("S", "a")))).containsEntry("gone", Map.of("NULL", true));
    assertThat(AttributeValues.plainJson(AttributeValues.of(plain))).isEqualTo(plain);
  }

  @Test
  void anAttributeOfNoKnownTypeIsNamed() {
    assertThatThrownBy(() -> AttributeValues.plainJson(Map.of("a", Map.of("X", "1"))))
        .hasMessage("no attribute type X: S, N, B, BOOL, NULL, M, L, SS, NS or BS");
  }

  @Test
  void anImageTheStreamDoesNotCarryThrowsRatherThanLookLikeAnInsert() {
    TableChange<String> change = new TableChange<>("MODIFY", Map.of("sku", "tea"), Optional.empty(),
        Optional.of("{}"), "1", null, "NEW_IMAGE");
    assertThat(change.newImage()).contains("{}");
    assertThatThrownBy(change::oldImage).hasMessage("this stream's view type is NEW_IMAGE, which carries no old"
        + " images: set the table's StreamSpecification to StreamViewType: NEW_AND_OLD_IMAGES");
    assertThat(change.map(String::length).newImage()).contains(2);
  }

  @Test
  void aRecordAsDynamoDbWritesItIsAChange() {
    String event = LambdaEvents.dynamoDb("arn:aws:dynamodb:eu-west-1:1:table/T/stream/x", "KEYS_ONLY", List.of(
        new LambdaEvents.StreamRecord("REMOVE", AttributeValues.of("{\"sku\":\"tea\"}"),
            AttributeValues.of("{\"sku\":\"tea\",\"count\":1}"), null, "7", java.time.Instant.ofEpochSecond(9))));
    Map<?, ?> record = (Map<?, ?>) ((List<?>) ((Map<?, ?>) JsonReader.read(event, Codecs.ANY)).get("Records")).get(0);
    assertThat(record.get("awsRegion")).isEqualTo("eu-west-1");
    assertThat(((Map<?, ?>) record.get("dynamodb")).keySet().stream().map(String::valueOf)).doesNotContain("OldImage", "NewImage");
    TableChange<String> change = EventSource.DYNAMODB.item().apply(record);
    assertThat(change.keys()).isEqualTo(Map.of("sku", "tea"));
    assertThat(change.isRemove()).isTrue();
    assertThat(change.approximateCreationDateTime()).isEqualTo(java.time.Instant.ofEpochSecond(9));
    assertThat(EventSource.DYNAMODB.id().apply(record)).isEqualTo("7");
  }
}
