package io.seedbed.rule;

import java.util.List;
import java.util.Set;

/**
 * {@code all} (every child holds) or {@code any} (at least {@code atLeast} children hold, default
 * 1). Every child is evaluated, even after the outcome is known, so the explanation is complete. A
 * named node adds a summary criterion (value = children held, threshold = children needed) before
 * its children's.
 */
record Combine(String name, boolean all, int atLeast, List<Criterion> children, String note,
    String source) implements Criterion {

  int needed() {
    return all ? children.size() : atLeast;
  }

  @Override
  public boolean evaluate(Eval ev, Trace out) {
    int at = name == null ? -1 : out.open(this, name);
    int held = 0;
    for (int k = 0; k < children.size(); k++) { // no iterator: runs for every node on every record
      if (Criterion.evaluate(children.get(k), ev, out)) {
        held++;
      }
    }
    boolean passed = held >= needed();
    if (at >= 0) {
      out.value(at, held);
      out.threshold(at, needed());
      out.shortfall(at, passed ? 0.0 : (double) (needed() - held));
      out.passed(at, passed);
    }
    return passed;
  }

  @Override
  public String op() {
    return all ? "all" : "any";
  }

  @Override
  public void document(StringBuilder md, int depth) {
    String what = all ? "all of" : atLeast == 1 ? "any of" : "at least " + atLeast + " of";
    int childDepth = depth;
    if (name != null || depth == 0) {
      Criterion.bullet(md, depth, (name == null ? "" : "`" + name + "`: ") + what
          + (note == null ? "" : " (" + note + ")"), source);
      childDepth = depth + 1;
    }
    for (Criterion c : children) {
      c.document(md, childDepth);
    }
  }

  @Override
  public void referencedPools(Set<Pool> into) {
    children.forEach(c -> c.referencedPools(into));
  }
}
