package io.seedbed.rule;

import io.seedbed.indicator.Indicators;

/** The state of one pool's evaluation: the input, the other pools' verdicts, the score found. */
final class Eval {
  final Indicators in;
  /** Verdicts by {@link Pool#ordinal}; the engine evaluates a pool after the pools it refers to. */
  private final PoolVerdict[] done;
  /** The total of the first score table evaluated: the pool's score. */
  Double score;

  Eval(Indicators in, PoolVerdict[] done) {
    this.in = in;
    this.done = done;
  }

  /** The verdict of {@code pool}, or null when the rule set does not define it. */
  PoolVerdict verdictOf(Pool pool) {
    return done[pool.ordinal()];
  }
}
