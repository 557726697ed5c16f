package dev.stratus.processor;

import java.lang.annotation.Annotation;

/**
 * Where in the source a part of the template was declared, by stable coordinates rather than by
 * {@code Element}: javac's elements and annotation mirrors are not stable across rounds, and problems
 * are reported after the last one. {@code annotation == null} means the element itself; {@code attribute
 * == null} the whole annotation; {@code item >= 0} one entry of an array attribute.
 */
record Origin(String owner, boolean isPackage, Class<? extends Annotation> annotation, int index, String attribute,
    int item) {

  static Origin element(String owner, boolean isPackage) {
    return new Origin(owner, isPackage, null, 0, null, -1);
  }
}
