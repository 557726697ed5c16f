package dev.stratus.processor;

import java.lang.annotation.Annotation;

/**
 * Where in the source a part of the template was declared, by stable coordinates rather than by
 * {@code Element}: javac's elements and annotation mirrors are not stable across rounds, and problems
 * are reported after the last one. {@code member} is a method's {@code name(erased parameter types)} and
 * {@code parameter} one of its parameters (or -1), for typed handler methods; {@code annotation == null}
 * means the element itself; {@code attribute == null} the whole annotation; {@code item >= 0} one entry of
 * an array attribute.
 */
record Origin(String owner, boolean isPackage, String member, int parameter, Class<? extends Annotation> annotation,
    int index, String attribute, int item) {

  static Origin element(String owner, boolean isPackage) {
    return new Origin(owner, isPackage, null, -1, null, 0, null, -1);
  }

  /** The same place with the annotation's part: all of it, or one attribute, or one of its items. */
  Origin at(Class<? extends Annotation> type, int index, String attribute, int item) {
    return new Origin(owner, isPackage, member, parameter, type, index, attribute, item);
  }
}
