package io.seedbed.rule;

import io.seedbed.indicator.Indicators;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates every pool of a rule set for one enterprise. Pure and stateless: the same input gives
 * the same verdicts, in {@link Pool} order.
 */
public final class RuleEngine {
  private RuleEngine() {}

  public static List<PoolVerdict> evaluate(Indicators in, RuleSet rs) {
    Map<Pool, PoolVerdict> done = new EnumMap<>(Pool.class);
    for (Pool p : rs.pools().keySet()) {
      verdict(p, in, rs, done);
    }
    return List.copyOf(done.values());
  }

  /** One pool's verdict, evaluating first the pools it refers to (the loader forbids cycles). */
  private static PoolVerdict verdict(Pool p, Indicators in, RuleSet rs, Map<Pool, PoolVerdict> done) {
    PoolVerdict known = done.get(p);
    PoolRule rule = rs.pool(p);
    if (known != null || rule == null) {
      return known;
    }
    Eval ev = new Eval(in, q -> verdict(q, in, rs, done));
    List<CriterionResult> out = new ArrayList<>();
    boolean met = rule.criteria.evaluate(ev, out);
    boolean graduated = false;
    if (rule.graduateWhen != null) {
      List<CriterionResult> why = new ArrayList<>();
      graduated = rule.graduateWhen.evaluate(ev, why);
      if (graduated) {
        out.addAll(why);
      }
    }
    PoolVerdict v = new PoolVerdict(p, met && !graduated, graduated, ev.score, out, rs.id(),
        rs.version());
    done.put(p, v);
    return v;
  }
}
