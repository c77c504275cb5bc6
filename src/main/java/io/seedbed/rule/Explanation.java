package io.seedbed.rule;

import io.seedbed.indicator.Indicators;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The criteria of one {@link PoolVerdict}, readable without building them: entry {@code i} is
 * {@code verdict.criteria.get(i)}, with the numbers as primitives ({@code has*} says whether a
 * number is known, as a non-null {@link Double} in the {@link CriterionResult}). The pool state
 * machine decides from these; it asks for a {@link CriterionResult} or a text only for a row it
 * writes. Immutable. Read from the engine's reused buffer while that still holds it, else from its
 * own copy, written again from the same input (see {@link RuleEngine}).
 */
public final class Explanation {
  /** Where the evaluation wrote the entries; a reused trace may have moved on since. */
  private final Trace written;
  private final int from;
  private final int size;
  private final long generation;
  /** What wrote the entries, to write them again; null when {@link #written} is this one's own. */
  private final PoolRule rule;
  private final Indicators in;
  private final PoolVerdict[] verdicts;
  /** The entries written again for this explanation alone, once {@link #written} moved on. */
  private volatile Trace own;
  private final Results results = new Results();

  /**
   * The entries {@code from} .. {@code to} of {@code written}, which evaluating {@code rule} on
   * {@code in} (the other pools' verdicts being {@code verdicts}) wrote in {@code generation}.
   */
  Explanation(Trace written, int from, int to, long generation, PoolRule rule, Indicators in,
      PoolVerdict[] verdicts) {
    this.written = written;
    this.from = from;
    this.size = to - from;
    this.generation = generation;
    this.rule = rule;
    this.in = in;
    this.verdicts = verdicts;
  }

  /** The entries of a trace of its own. */
  private Explanation(Trace own) {
    this(own, 0, own.size(), 0, null, null, null);
  }

  /** The explanation of criteria given as results (verdicts built by hand, e.g. in tests). */
  static Explanation of(List<CriterionResult> criteria) {
    Trace t = new Trace(criteria.size());
    for (CriterionResult c : criteria) {
      int i = t.open(new Given(c), c.name);
      if (c.value != null) {
        t.value(i, c.value);
      }
      if (c.threshold != null) {
        t.threshold(i, c.threshold);
      }
      if (c.shortfall != null) {
        t.shortfall(i, c.shortfall);
      }
      t.passed(i, c.passed);
    }
    return new Explanation(t);
  }

  /** A criterion given as a result: it explains itself. */
  private record Given(CriterionResult result) implements Explains {
    @Override
    public String op() {
      return result.op;
    }

    @Override
    public String valueText(Trace t, int i) {
      return result.valueText;
    }

    @Override
    public String thresholdText(Trace t, int i) {
      return result.thresholdText;
    }
  }

  public int size() {
    return size;
  }

  public String name(int i) {
    Trace t = trace();
    return t.name(at(t, i));
  }

  public String op(int i) {
    Trace t = trace();
    return t.src(at(t, i)).op();
  }

  public boolean passed(int i) {
    Trace t = trace();
    return t.has(at(t, i), Trace.PASSED);
  }

  public boolean hasValue(int i) {
    Trace t = trace();
    return t.has(at(t, i), Trace.VALUE);
  }

  /** The numeric value; meaningful only when {@link #hasValue}. */
  public double value(int i) {
    Trace t = trace();
    return t.value(at(t, i));
  }

  public boolean hasThreshold(int i) {
    Trace t = trace();
    return t.has(at(t, i), Trace.THRESHOLD);
  }

  /** The numeric threshold; meaningful only when {@link #hasThreshold}. */
  public double threshold(int i) {
    Trace t = trace();
    return t.threshold(at(t, i));
  }

  public boolean hasShortfall(int i) {
    Trace t = trace();
    return t.has(at(t, i), Trace.SHORTFALL);
  }

  /** The shortfall; meaningful only when {@link #hasShortfall}. */
  public double shortfall(int i) {
    Trace t = trace();
    return t.shortfall(at(t, i));
  }

  /** {@link CriterionResult#valueText}, rendered now. */
  public String valueText(int i) {
    Trace t = trace();
    int k = at(t, i);
    return t.src(k).valueText(t, k);
  }

  /** {@link CriterionResult#thresholdText}, rendered now. */
  public String thresholdText(int i) {
    Trace t = trace();
    int k = at(t, i);
    return t.src(k).thresholdText(t, k);
  }

  /**
   * The criteria other than those named {@code leftOut}, in one pass: how many there are, the
   * positions of those not passed, and whether a criterion named {@code leftOut} passed.
   */
  public Count count(String leftOut) {
    Trace t = trace();
    int base = t == written ? from : 0;
    int total = 0;
    int failed = 0;
    int[] unmet = null; // made at the first unmet criterion: most pools of most records have few
    boolean leftOutPassed = false;
    for (int i = 0; i < size; i++) {
      boolean passed = t.has(base + i, Trace.PASSED);
      if (t.named(base + i, leftOut)) {
        leftOutPassed |= passed;
      } else {
        total++;
        if (!passed) {
          if (unmet == null) {
            unmet = new int[size - i];
          }
          unmet[failed++] = i;
        }
      }
    }
    if (unmet == null) {
      unmet = NONE;
    } else if (failed < unmet.length) {
      unmet = Arrays.copyOf(unmet, failed);
    }
    return new Count(total, unmet, leftOutPassed);
  }

  private static final int[] NONE = new int[0];

  /** See {@link #count}. */
  public record Count(int total, int[] unmet, boolean leftOutPassed) {}

  /** Number of criteria passed. */
  public int met() {
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (passed(i)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Whether entry {@code i} and entry {@code j} of {@code o} explain themselves identically: same
   * criterion of the same loaded rules, same numbers and texts. False says nothing (the same
   * result may come from different rule objects).
   */
  public boolean same(int i, Explanation o, int j) {
    Trace t = trace();
    Trace u = o.trace();
    return t.same(at(t, i), u, o.at(u, j));
  }

  /** Whether every entry is {@link #same} as the entry at the same position of {@code o}. */
  public boolean sameAs(Explanation o) {
    if (o == this) {
      return true;
    }
    if (o == null || o.size != size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!same(i, o, i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A copy of the entries at {@code positions} (all of them when null), holding only those: what a
   * caller keeps to compare the next evaluation with ({@link #same}) without keeping the whole
   * evaluation alive.
   */
  public Explanation copy(int[] positions) {
    int n = positions == null ? size : positions.length;
    Trace from = trace();
    Trace to = new Trace(n);
    for (int k = 0; k < n; k++) {
      from.copy(at(from, positions == null ? k : positions[k]), to);
    }
    return new Explanation(to);
  }

  /** Entry {@code i} as a result, built on first use. */
  public CriterionResult result(int i) {
    return results.get(i);
  }

  /** The results, each built on first use; unmodifiable. */
  List<CriterionResult> results() {
    return results;
  }

  /** The trace that holds the entries now: where they were written, or a trace of their own. */
  private Trace trace() {
    if (written.holds(generation)) {
      return written;
    }
    Trace t = own;
    if (t == null) {
      t = new Trace(size);
      Eval.Context input = new Eval.Context();
      t.reuse(input);
      RuleEngine.explain(rule, new Eval(in, input, verdicts), t);
      if (t.size() != size) {
        throw new IllegalStateException("the indicators of a verdict of " + rule.pool().code()
            + " changed after it was evaluated: its criteria cannot be explained any more");
      }
      own = t;
    }
    return t;
  }

  /** Index in {@code t} (from {@link #trace}) of entry {@code i}. */
  private int at(Trace t, int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException(i);
    }
    return t == written ? from + i : i;
  }

  private CriterionResult build(int i) {
    Trace t = trace();
    int k = at(t, i);
    Explains src = t.src(k);
    if (src instanceof Given g) {
      return g.result();
    }
    return new CriterionResult(t.name(k), t.has(k, Trace.VALUE) ? t.value(k) : null,
        src.valueText(t, k), src.op(), t.has(k, Trace.THRESHOLD) ? t.threshold(k) : null,
        src.thresholdText(t, k), t.has(k, Trace.PASSED),
        t.has(k, Trace.SHORTFALL) ? t.shortfall(k) : null);
  }

  /** {@link PoolVerdict#criteria}: the entries as results, built once, on first access. */
  private final class Results extends AbstractList<CriterionResult> implements RandomAccess {
    private CriterionResult[] built;

    @Override
    public CriterionResult get(int i) {
      if (built == null) {
        CriterionResult[] all = new CriterionResult[size];
        for (int k = 0; k < size; k++) {
          all[k] = build(k);
        }
        built = all;
      }
      return built[i];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
