package dev.stratus.processor;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.stratus.processor.glue.AccessorWriter;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;

/**
 * Which of {@code StackResources}' resources a function's own code reads ({@code StackResources.Alerts.arn()}),
 * found in its source tree by name, since the class is generated only after the round that reads it. Code
 * the function calls elsewhere is not seen; compilers without javac's tree API see none.
 */
final class AccessorReads {
  private final Trees trees;

  private AccessorReads(Trees trees) {
    this.trees = trees;
  }

  static AccessorReads of(ProcessingEnvironment env) {
    return new AccessorReads(TreeLocator.trees(env));
  }

  /** The resources {@code element}'s tree reads through {@code StackResources}, in the order written. */
  Set<String> read(Element element) {
    Set<String> out = new LinkedHashSet<>();
    TreePath path = trees == null ? null : trees.getPath(element);
    if (path == null) {
      return out;
    }
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMemberSelect(MemberSelectTree select, Void unused) {
        Tree owner = select.getExpression();
        String name = owner instanceof IdentifierTree id ? id.getName().toString()
            : owner instanceof MemberSelectTree m ? m.getIdentifier().toString() : "";
        if (name.equals(AccessorWriter.CLASS)) {
          out.add(select.getIdentifier().toString());
        }
        return super.visitMemberSelect(select, unused);
      }
    }.scan(path, null);
    return out;
  }
}
