package io.seedbed.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Eligible for at least one of the listed pools under the same rule set (e.g. the listing reserve
 * asks for a 专精特新 or 小巨人 tier). The loader rejects cycles between pools.
 */
record EligibleFor(String name, List<Pool> pools, String note, String source) implements Criterion {

  @Override
  public boolean evaluate(Eval ev, List<CriterionResult> out) {
    List<String> held = new ArrayList<>();
    for (Pool p : pools) {
      PoolVerdict v = ev.verdictOf(p);
      if (v != null && v.eligible) {
        held.add(p.code());
      }
    }
    boolean passed = !held.isEmpty();
    out.add(new CriterionResult(name, null, Fmt.list(held), "in", null, codes(), passed, null));
    return passed;
  }

  private String codes() {
    return Fmt.list(pools.stream().map(Pool::code).toList());
  }

  @Override
  public void document(StringBuilder md, int depth) {
    Criterion.bullet(md, depth, "`" + name + "`: eligible for any pool of " + codes()
        + (note == null ? "" : " (" + note + ")"), source);
  }

  @Override
  public void referencedPools(Set<Pool> into) {
    into.addAll(pools);
  }
}
