package io.seedbed.rule;

import io.seedbed.indicator.Indicators;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Evaluates every pool of a rule set for one enterprise. Pure: the same input gives the same
 * verdicts, in {@link Pool} order.
 *
 * <p>Runs on every record, so it decides and records numbers only, into a buffer each thread
 * reuses ({@link Trace}); a verdict's criteria become {@link CriterionResult}s, with their texts,
 * when someone reads them. A verdict read after the thread's next evaluation, or on another thread,
 * evaluates its pool again from the same input: {@code in} must not change while its verdicts are in
 * use.
 */
public final class RuleEngine {
  private static final ThreadLocal<Trace> TRACES =
      ThreadLocal.withInitial(() -> Trace.ownedBy(Thread.currentThread()));

  private static final int POOLS = Pool.values().length;

  private RuleEngine() {}

  public static List<PoolVerdict> evaluate(Indicators in, RuleSet rs) {
    Trace t = TRACES.get();
    Eval.Context context = new Eval.Context();
    long generation = t.reuse(context);
    PoolVerdict[] done = new PoolVerdict[POOLS];
    // Pools that others ask about (eligibleFor) come first; the loader forbids cycles.
    List<Pool> order = rs.evaluationOrder();
    PoolRule[] rules = rs.evaluationRules();
    for (int k = 0; k < rules.length; k++) {
      Pool p = order.get(k);
      PoolRule rule = rules[k];
      Eval ev = new Eval(in, context, done);
      int from = t.size();
      int outcome = explain(rule, ev, t);
      boolean graduated = outcome == GRADUATED;
      Explanation x = new Explanation(t, from, t.size(), generation, rule, in, done);
      done[p.ordinal()] = new PoolVerdict(p, outcome == MET, graduated, ev.score, x, rs.id(),
          rs.version());
    }
    List<PoolVerdict> out = new ArrayList<>(rules.length);
    for (PoolVerdict v : done) {
      if (v != null) {
        out.add(v);
      }
    }
    return Collections.unmodifiableList(out);
  }

  static final int NOT_MET = 0;
  static final int MET = 1;
  static final int GRADUATED = 2;

  /**
   * Writes one pool's criteria to {@code t}, then its graduation criteria when they hold, and
   * returns {@link #MET}, {@link #NOT_MET} or {@link #GRADUATED} (met or not). Writes the same
   * entries again for the same input: {@link Explanation} relies on it.
   */
  static int explain(PoolRule rule, Eval ev, Trace t) {
    boolean met = Criterion.evaluate(rule.criteria, ev, t);
    if (rule.graduateWhen != null) {
      int mark = t.size();
      if (Criterion.evaluate(rule.graduateWhen, ev, t)) {
        return GRADUATED;
      }
      t.truncate(mark); // the graduation criteria explain only a graduation
    }
    return met ? MET : NOT_MET;
  }
}
