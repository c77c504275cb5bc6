package io.seedbed.rule;

import io.seedbed.indicator.Indicators;

/** The state of one pool's evaluation: the input, the other pools' verdicts, the score found. */
final class Eval {
  final Indicators in;
  private final Context context;
  /** Verdicts by {@link Pool#ordinal}; the engine evaluates a pool after the pools it refers to. */
  private final PoolVerdict[] done;
  /** The total of the first score table evaluated: the pool's score. */
  Double score;

  Eval(Indicators in, Context context, PoolVerdict[] done) {
    this.in = in;
    this.context = context;
    this.done = done;
  }

  /** The verdict of {@code pool}, or null when the rule set does not define it. */
  PoolVerdict verdictOf(Pool pool) {
    return done[pool.ordinal()];
  }

  /** The value of {@code indicator} for {@link #in}. */
  Object value(IndicatorRegistry.Entry indicator) {
    return context.value(indicator, in);
  }

  /**
   * What the pools of one evaluation share: the indicator values, each read once (the pools ask for
   * many of the same, the city gates alone for four pools, and a read is a call through one of the
   * registry's many getters).
   */
  static final class Context {
    private final Object[] value = new Object[IndicatorRegistry.size()];
    private final boolean[] read = new boolean[value.length];

    Object value(IndicatorRegistry.Entry indicator, Indicators in) {
      int k = indicator.index();
      if (!read[k]) {
        value[k] = indicator.getter().apply(in);
        read[k] = true;
      }
      return value[k];
    }

    /** The value of the indicator at {@code index}, already read by {@link #value}. */
    Object read(int index) {
      return value[index];
    }
  }
}
