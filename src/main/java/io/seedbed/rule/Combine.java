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
  public boolean evaluate(Eval ev, List<CriterionResult> out) {
    int at = out.size();
    int held = 0;
    for (Criterion c : children) {
      if (c.evaluate(ev, out)) {
        held++;
      }
    }
    boolean passed = held >= needed();
    if (name != null) {
      out.add(at, new CriterionResult(name, (double) held, null, all ? "all" : "any",
          (double) needed(), null, passed, passed ? 0.0 : (double) (needed() - held)));
    }
    return passed;
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
