package io.seedbed.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Eligible for at least one of the listed pools under the same rule set (e.g. the listing reserve
 * asks for a 专精特新 or 小巨人 tier). The loader rejects cycles between pools.
 */
record EligibleFor(String name, List<Pool> pools, String note, String source, String codes)
    implements Criterion {

  /** {@code codes}, the pools as the threshold text shows them, is worked out once, here. */
  EligibleFor(String name, List<Pool> pools, String note, String source) {
    this(name, pools, note, source, Fmt.list(pools.stream().map(Pool::code).toList()));
  }

  /** Records the pools it is eligible for as bits of their {@link Pool#ordinal}s in the aux. */
  @Override
  public boolean evaluate(Eval ev, Trace out) {
    int i = out.open(this, name);
    int held = 0;
    for (int k = 0; k < pools.size(); k++) {
      Pool p = pools.get(k);
      PoolVerdict v = ev.verdictOf(p);
      if (v != null && v.eligible) {
        held |= 1 << p.ordinal();
      }
    }
    out.aux(i, held);
    return out.passed(i, held != 0);
  }

  /** The listed pools it is eligible for, in list order. */
  @Override
  public String valueText(Trace t, int i) {
    int held = (int) t.aux(i);
    List<String> codes = new ArrayList<>();
    for (Pool p : pools) {
      if ((held & (1 << p.ordinal())) != 0) {
        codes.add(p.code());
      }
    }
    return Fmt.list(codes);
  }

  @Override
  public String op() {
    return "in";
  }

  @Override
  public String thresholdText(Trace t, int i) {
    return codes;
  }

  @Override
  public void document(StringBuilder md, int depth) {
    Criterion.bullet(md, depth, "`" + name + "`: eligible for any pool of " + codes
        + (note == null ? "" : " (" + note + ")"), source);
  }

  @Override
  public void referencedPools(Set<Pool> into) {
    into.addAll(pools);
  }
}
