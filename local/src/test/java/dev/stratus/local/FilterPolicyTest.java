package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterPolicyTest {
  private static final FilterPolicy.Attribute S = new FilterPolicy.Attribute("String", "x");

  private static Map<String, FilterPolicy.Attribute> attrs(Object... pairs) {
    Map<String, FilterPolicy.Attribute> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      out.put((String) pairs[i], (FilterPolicy.Attribute) pairs[i + 1]);
    }
    return out;
  }

  private static FilterPolicy.Attribute str(String v) {
    return new FilterPolicy.Attribute("String", v);
  }

  private static FilterPolicy.Attribute num(String v) {
    return new FilterPolicy.Attribute("Number", v);
  }

  @Test
  void everyKeyMustMatchAndAnyConditionOfAKeyDoes() {
    FilterPolicy p = FilterPolicy.of(Map.of("kind", List.of("urgent", Map.of("prefix", "sev")), "team", List.of("ops")),
        null);
    assertThat(p.matches("", attrs("kind", str("urgent"), "team", str("ops")))).isTrue();
    assertThat(p.matches("", attrs("kind", str("sev1"), "team", str("ops")))).isTrue();
    assertThat(p.matches("", attrs("kind", str("routine"), "team", str("ops")))).isFalse();
    assertThat(p.matches("", attrs("kind", str("urgent")))).isFalse();
  }

  @Test
  void numericRangesAnythingButExistsAndArrays() {
    assertThat(FilterPolicy.of(Map.of("price", List.of(Map.of("numeric", List.of(">=", 10, "<", 20)))), null)
        .matches("", attrs("price", num("15")))).isTrue();
    assertThat(FilterPolicy.of(Map.of("price", List.of(Map.of("numeric", List.of(">=", 10, "<", 20)))), null)
        .matches("", attrs("price", num("20")))).isFalse();
    assertThat(FilterPolicy.of(Map.of("kind", List.of(Map.of("anything-but", List.of("test")))), null)
        .matches("", attrs("kind", str("prod")))).isTrue();
    assertThat(FilterPolicy.of(Map.of("kind", List.of(Map.of("anything-but", "test"))), null)
        .matches("", attrs("kind", str("test")))).isFalse();
    assertThat(FilterPolicy.of(Map.of("trace", List.of(Map.of("exists", false))), null).matches("", attrs("a", S)))
        .isTrue();
    assertThat(FilterPolicy.of(Map.of("tags", List.of("blue")), null)
        .matches("", attrs("tags", new FilterPolicy.Attribute("String.Array", "[\"red\",\"blue\"]")))).isTrue();
    assertThat(FilterPolicy.of(Map.of("kind", List.of(Map.of("equals-ignore-case", "URGENT"))), null)
        .matches("", attrs("kind", str("Urgent")))).isTrue();
  }

  @Test
  void theBodyScopeMatchesPathsIntoTheJsonMessage() {
    FilterPolicy p = FilterPolicy.of(Map.of("order", Map.of("status", List.of("paid"))), "MessageBody");
    assertThat(p.matches("{\"order\": {\"status\": \"paid\", \"id\": 1}}", Map.of())).isTrue();
    assertThat(p.matches("{\"order\": {\"status\": \"open\"}}", Map.of())).isFalse();
    assertThat(p.matches("not json", Map.of())).isFalse();
  }

  @Test
  void orBranches() {
    FilterPolicy p = FilterPolicy.of(Map.of("$or", List.of(Map.of("a", List.of("1")), Map.of("b", List.of("2")))), null);
    assertThat(p.matches("", attrs("b", str("2")))).isTrue();
    assertThat(p.matches("", attrs("a", str("2")))).isFalse();
  }
}
