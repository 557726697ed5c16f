package dev.stratus.processor;

import java.lang.annotation.Annotation;
import java.lang.annotation.Repeatable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.QualifiedNameable;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * One annotation on one element, read through its mirror. Values include defaults; {@link #at(String)}
 * gives the {@link Origin} of a value, and {@link #locate} finds that value again in a later round.
 */
final class AnnotationView {
  /** What javac's Messager takes to point at a value. */
  record Location(Element element, AnnotationMirror annotation, AnnotationValue value) {}

  private final Element element;
  private final Class<? extends Annotation> type;
  private final int index;
  private final AnnotationMirror outer;
  private final AnnotationMirror mirror;
  private final Origin base;
  private final Map<? extends ExecutableElement, ? extends AnnotationValue> values;
  private final Elements elements;

  private AnnotationView(Element element, Class<? extends Annotation> type, int index, AnnotationMirror outer,
      AnnotationMirror mirror, Origin base, Elements elements) {
    this.element = element;
    this.type = type;
    this.index = index;
    this.outer = outer;
    this.mirror = mirror;
    this.base = base;
    this.values = elements.getElementValuesWithDefaults(mirror);
    this.elements = elements;
  }

  /** Every {@code type} annotation on {@code element}, repeated ones unpacked from their container, in source order. */
  static List<AnnotationView> all(Element element, Class<? extends Annotation> type, Elements elements) {
    Repeatable repeatable = type.getAnnotation(Repeatable.class);
    String name = type.getCanonicalName();
    String container = repeatable == null ? null : repeatable.value().getCanonicalName();
    List<AnnotationView> out = new ArrayList<>();
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      String n = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
      if (n.equals(name)) {
        out.add(new AnnotationView(element, type, out.size(), m, m, null, elements));
      } else if (n.equals(container)) {
        for (AnnotationValue v : items(elements.getElementValuesWithDefaults(m), "value")) {
          out.add(new AnnotationView(element, type, out.size(), m, (AnnotationMirror) v.getValue(), null, elements));
        }
      }
    }
    return out;
  }

  /** Finds {@code origin} among the current round's elements; parts that are gone resolve to what remains. */
  static Location locate(Origin origin, Elements elements) {
    Element e = origin.isPackage() ? elements.getPackageElement(origin.owner()) : elements.getTypeElement(origin.owner());
    if (e != null && origin.member() != null) {
      e = member(e, origin.member(), origin.parameter());
    }
    if (e == null || origin.annotation() == null) {
      return new Location(e, null, null);
    }
    List<AnnotationView> views = all(e, origin.annotation(), elements);
    if (origin.index() >= views.size()) {
      return new Location(e, null, null);
    }
    AnnotationView v = views.get(origin.index());
    AnnotationValue value = null;
    if (origin.attribute() != null) {
      value = v.explicit(origin.attribute());
      if (value != null && origin.item() >= 0 && value.getValue() instanceof List<?> list && origin.item() < list.size()) {
        value = (AnnotationValue) list.get(origin.item());
      }
    }
    // A repeated annotation is pointed at itself: its container has no tree of its own in the source.
    return new Location(e, v.mirror, value);
  }

  /** The method of {@code type} with {@code key} (see {@link #memberKey}), or one of its parameters; else the type. */
  private static Element member(Element type, String key, int parameter) {
    for (Element m : type.getEnclosedElements()) {
      if (m instanceof ExecutableElement method && memberKey(method).equals(key)) {
        return parameter >= 0 && parameter < method.getParameters().size() ? method.getParameters().get(parameter)
            : method;
      }
    }
    return type;
  }

  /** The type or package that holds {@code element}. */
  static String ownerName(Element element) {
    Element e = element;
    while (!(e instanceof QualifiedNameable)) {
      e = e.getEnclosingElement();
    }
    return ((QualifiedNameable) e).getQualifiedName().toString();
  }

  /** A method's name and erased parameter types: stable across rounds, unlike the element. */
  static String memberKey(ExecutableElement method) {
    StringBuilder b = new StringBuilder(method.getSimpleName()).append('(');
    for (int i = 0; i < method.getParameters().size(); i++) {
      String type = method.getParameters().get(i).asType().toString();
      int generic = type.indexOf('<');
      b.append(i == 0 ? "" : ",").append(generic < 0 ? type : type.substring(0, generic));
    }
    return b.append(')').toString();
  }

  /** Where {@code element} is: a type or package, a method, or a method's parameter. */
  static Origin place(Element element) {
    Origin owner = Origin.element(ownerName(element), element instanceof PackageElement);
    if (element instanceof ExecutableElement method) {
      return new Origin(owner.owner(), false, memberKey(method), -1, null, 0, null, -1);
    }
    if (element instanceof VariableElement v && v.getEnclosingElement() instanceof ExecutableElement method) {
      return new Origin(owner.owner(), false, memberKey(method), method.getParameters().indexOf(v), null, 0, null, -1);
    }
    return owner;
  }

  String simpleName() {
    return type.getSimpleName();
  }

  /** The whole annotation. */
  Origin origin() {
    return base != null ? base : place(element).at(type, index, null, -1);
  }

  /** The named value where the source wrote it, else the annotation. */
  Origin at(String name) {
    if (base != null || explicit(name) == null) {
      return origin();
    }
    return place(element).at(type, index, name, -1);
  }

  boolean isExplicit(String name) {
    return explicit(name) != null;
  }

  String string(String name) {
    return (String) value(name).getValue();
  }

  int integer(String name) {
    return (Integer) value(name).getValue();
  }

  boolean bool(String name) {
    return (Boolean) value(name).getValue();
  }

  List<String> strings(String name) {
    List<String> out = new ArrayList<>();
    for (AnnotationValue v : items(values, name)) {
      out.add((String) v.getValue());
    }
    return out;
  }

  /** The constants of an enum array value, by name: {@code access = {Access.READ, Access.WRITE}}. */
  List<String> enumNames(String name) {
    List<String> out = new ArrayList<>();
    for (AnnotationValue v : items(values, name)) {
      out.add(((VariableElement) v.getValue()).getSimpleName().toString());
    }
    return out;
  }

  /** Nested annotations such as {@code environment = @Env(...)}; their origins point at their item. */
  List<AnnotationView> nested(String name) {
    List<AnnotationView> out = new ArrayList<>();
    List<Origin> origins = itemOrigins(name);
    List<? extends AnnotationValue> items = items(values, name);
    for (int i = 0; i < items.size(); i++) {
      out.add(new AnnotationView(element, type, index, outer, (AnnotationMirror) items.get(i).getValue(),
          origins.get(i), elements));
    }
    return out;
  }

  /** The origin of each item of an array value. */
  List<Origin> itemOrigins(String name) {
    List<Origin> out = new ArrayList<>();
    int n = items(values, name).size();
    for (int i = 0; i < n; i++) {
      out.add(explicit(name) == null || base != null ? origin()
          : place(element).at(type, index, name, i));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<? extends AnnotationValue> items(
      Map<? extends ExecutableElement, ? extends AnnotationValue> values, String name) {
    return (List<? extends AnnotationValue>) find(values, name).getValue();
  }

  private AnnotationValue value(String name) {
    AnnotationValue v = find(values, name);
    if (v == null) {
      throw new IllegalArgumentException("no attribute " + name + " on @" + simpleName());
    }
    return v;
  }

  private AnnotationValue explicit(String name) {
    return find(mirror.getElementValues(), name);
  }

  private static AnnotationValue find(Map<? extends ExecutableElement, ? extends AnnotationValue> values, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(name)) {
        return e.getValue();
      }
    }
    return null;
  }
}
