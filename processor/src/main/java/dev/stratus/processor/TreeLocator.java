package dev.stratus.processor;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.lang.annotation.Repeatable;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic.Kind;

/**
 * Points a message at the exact source of an {@link Origin} through javac's tree API. The Messager
 * cannot locate repeated annotations (their container has no tree), so this is the primary route;
 * compilers without the tree API fall back to the Messager.
 */
final class TreeLocator {
  private final Trees trees;

  private TreeLocator(Trees trees) {
    this.trees = trees;
  }

  static TreeLocator of(ProcessingEnvironment env) {
    return new TreeLocator(trees(env)); // without them, the Messager alone will do
  }

  /** javac's tree API, or null with another compiler. */
  static Trees trees(ProcessingEnvironment env) {
    try {
      return Trees.instance(env);
    } catch (IllegalArgumentException | LinkageError e) {
      return null;
    }
  }

  /** Prints the message at the origin's tree; false when the tree cannot be found. */
  boolean print(Kind kind, String message, Element element, Origin origin) {
    if (trees == null || element == null) {
      return false;
    }
    TreePath path = trees.getPath(element);
    if (path == null) {
      return false;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    Tree target = path.getLeaf();
    if (origin.annotation() != null) {
      List<AnnotationTree> written = instances(annotationsOf(path), unit, origin.annotation());
      if (origin.index() < written.size()) {
        target = written.get(origin.index());
        if (origin.attribute() != null) {
          ExpressionTree value = argument((AnnotationTree) target, origin.attribute());
          if (value != null) {
            target = value;
            if (origin.item() >= 0 && value instanceof NewArrayTree array
                && origin.item() < array.getInitializers().size()) {
              target = array.getInitializers().get(origin.item());
            }
          }
        }
      }
    }
    trees.printMessage(kind, message, target, unit);
    return true;
  }

  private static List<? extends AnnotationTree> annotationsOf(TreePath path) {
    Tree leaf = path.getLeaf();
    if (leaf instanceof ClassTree c) {
      return c.getModifiers().getAnnotations();
    }
    if (leaf instanceof MethodTree m) {
      return m.getModifiers().getAnnotations();
    }
    if (leaf instanceof VariableTree v) {
      return v.getModifiers().getAnnotations();
    }
    if (leaf instanceof CompilationUnitTree unit && unit.getPackage() != null) {
      return unit.getPackage().getAnnotations();
    }
    return List.of();
  }

  /** The written instances of {@code type}, including those inside an explicitly written container. */
  private List<AnnotationTree> instances(List<? extends AnnotationTree> annotations, CompilationUnitTree unit,
      Class<? extends java.lang.annotation.Annotation> type) {
    Repeatable repeatable = type.getAnnotation(Repeatable.class);
    List<AnnotationTree> out = new ArrayList<>();
    for (AnnotationTree a : annotations) {
      String name = typeName(unit, a);
      if (type.getCanonicalName().equals(name)) {
        out.add(a);
      } else if (repeatable != null && repeatable.value().getCanonicalName().equals(name)) {
        ExpressionTree value = argument(a, "value");
        List<? extends ExpressionTree> items = value instanceof NewArrayTree array ? array.getInitializers() : List.of(value);
        for (ExpressionTree item : items) {
          if (item instanceof AnnotationTree nested) {
            out.add(nested);
          }
        }
      }
    }
    return out;
  }

  private String typeName(CompilationUnitTree unit, AnnotationTree a) {
    Element e = trees.getElement(TreePath.getPath(unit, a.getAnnotationType()));
    return e instanceof TypeElement t ? t.getQualifiedName().toString() : null;
  }

  private static ExpressionTree argument(AnnotationTree annotation, String name) {
    for (ExpressionTree arg : annotation.getArguments()) {
      if (arg instanceof AssignmentTree assign && assign.getVariable() instanceof IdentifierTree id
          && id.getName().contentEquals(name)) {
        return assign.getExpression();
      }
      if (!(arg instanceof AssignmentTree) && name.equals("value")) {
        return arg;
      }
    }
    return null;
  }
}
