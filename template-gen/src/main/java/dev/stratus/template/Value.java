package dev.stratus.template;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A value inside a template: a scalar, a sequence, a mapping or an intrinsic function ({@link Fn}).
 * Immutable; mappings keep their insertion order so that output is deterministic.
 */
public sealed interface Value permits Value.Str, Value.Num, Value.Bool, Value.Null, Value.Seq, Value.Mapping, Fn {

  /** One method per kind of value, so that a walk over values handles every kind or does not compile. */
  interface Visitor<R> {
    R str(Str value);

    R num(Num value);

    R bool(Bool value);

    R nul(Null value);

    R seq(Seq value);

    R mapping(Mapping value);

    R fn(Fn value);
  }

  <R> R accept(Visitor<R> visitor);

  static Str str(String value) {
    return new Str(value);
  }

  static Num num(long value) {
    return new Num(Long.toString(value));
  }

  static Bool bool(boolean value) {
    return value ? Bool.TRUE : Bool.FALSE;
  }

  static Seq seq(Value... items) {
    return new Seq(List.of(items));
  }

  static Seq seqOf(List<String> items) {
    return new Seq(items.stream().<Value>map(Str::new).toList());
  }

  record Str(String value) implements Value {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.str(this);
    }

    public Str {
      Objects.requireNonNull(value, "value");
    }
  }

  /** A number, kept as its literal so that {@code 3600} stays {@code 3600} and {@code 0.5} stays {@code 0.5}. */
  record Num(String literal) implements Value {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.num(this);
    }

    public Num {
      new BigDecimal(literal); // rejects what is not a number
    }
  }

  record Bool(boolean value) implements Value {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.bool(this);
    }

    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);
  }

  /** YAML's null ({@code ~} or an empty value). */
  record Null() implements Value {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.nul(this);
    }

    public static final Null INSTANCE = new Null();
  }

  record Seq(List<Value> items) implements Value {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.seq(this);
    }

    public Seq {
      items = List.copyOf(items);
    }
  }

  /** A mapping with string keys, in insertion order. */
  record Mapping(Map<String, Value> entries) implements Value {
    public <R> R accept(Visitor<R> visitor) {
      return visitor.mapping(this);
    }

    public static final Mapping EMPTY = new Mapping(Map.of());

    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public Value get(String key) {
      return entries.get(key);
    }

    public boolean isEmpty() {
      return entries.isEmpty();
    }

    public static Builder builder() {
      return new Builder();
    }

    /** Collects entries in order; absent ({@code null}) values are skipped so that unset stays absent. */
    public static final class Builder {
      private final Map<String, Value> entries = new LinkedHashMap<>();

      public Builder put(String key, Value value) {
        if (value != null) {
          entries.put(key, value);
        }
        return this;
      }

      public Builder put(String key, String text) {
        return put(key, text == null ? null : new Str(text));
      }

      public Builder putNonEmpty(String key, Mapping value) {
        return value == null || value.isEmpty() ? this : put(key, value);
      }

      public Builder putNonEmpty(String key, List<String> items) {
        return items == null || items.isEmpty() ? this : put(key, seqOf(items));
      }

      public Mapping build() {
        return new Mapping(entries);
      }
    }
  }
}
