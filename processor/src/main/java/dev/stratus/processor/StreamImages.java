package dev.stratus.processor;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.stratus.template.Names;
import dev.stratus.template.Resource;
import dev.stratus.template.events.DynamoDbStreamEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;

/**
 * Which images of a table's changes a typed stream method reads ({@code change.oldImage()}), found in its own body
 * through javac's tree API, to hold against the table's stream view once the whole template is known; code the
 * method calls elsewhere is not seen, and compilers without the tree API see none (there, the call throws).
 *
 * @param method the method, in words: {@code Stock.changed}
 */
record StreamImages(String method, String table, boolean oldImage, boolean newImage, Origin at) {
  private static final String TABLE_CHANGE = "dev.stratus.runtime.TableChange";

  /** The images {@code method} reads from its {@code TableChange} parameter, or null (none, or no {@code trees}). */
  static StreamImages of(Trees trees, ExecutableElement method, String name, String table, Origin at) {
    TreePath path = trees == null ? null : trees.getPath(method);
    if (path == null || !Names.isValidLogicalId(table)) {
      return null;
    }
    Set<Element> changes = new HashSet<>();
    for (VariableElement p : method.getParameters()) {
      if (p.asType() instanceof DeclaredType d && d.asElement().toString().equals(TABLE_CHANGE)) {
        changes.add(p);
      }
    }
    List<String> called = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        // By the symbol, not the name: a lambda's or a local class's own "change" is another variable.
        if (call.getMethodSelect() instanceof MemberSelectTree select && select.getExpression() instanceof IdentifierTree
            && changes.contains(trees.getElement(new TreePath(new TreePath(getCurrentPath(), select),
                select.getExpression())))) {
          called.add(select.getIdentifier().toString());
        }
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(path, null);
    boolean oldImage = called.contains("oldImage");
    boolean newImage = called.contains("newImage");
    return oldImage || newImage ? new StreamImages(name, table, oldImage, newImage, at) : null;
  }

  /** Reports the images the table's stream does not carry. */
  void check(Map<String, Resource> resources, Reporter reporter) {
    DynamoDbStreamEvent.imagesRead(method, table, oldImage, newImage, resources).ifPresent(m -> reporter.report(at, m));
  }
}
