package dev.stratus.filestore;

import java.util.function.Supplier;

/** A value built on first use and kept: SDK clients cost tens of milliseconds, and not every function needs each one. */
final class Lazy<T> implements Supplier<T> {
  private final Supplier<T> factory;
  private volatile T value;

  Lazy(Supplier<T> factory) {
    this.factory = factory;
  }

  @Override
  public T get() {
    T v = value;
    if (v == null) {
      synchronized (this) {
        v = value;
        if (v == null) {
          v = factory.get();
          value = v;
        }
      }
    }
    return v;
  }
}
