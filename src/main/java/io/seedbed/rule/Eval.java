package io.seedbed.rule;

import io.seedbed.indicator.Indicators;
import java.util.function.Function;

/** The state of one pool's evaluation: the input, the other pools' verdicts, the score found. */
final class Eval {
  final Indicators in;
  private final Function<Pool, PoolVerdict> otherPools;
  /** The total of the first score table evaluated: the pool's score. */
  Double score;

  Eval(Indicators in, Function<Pool, PoolVerdict> otherPools) {
    this.in = in;
    this.otherPools = otherPools;
  }

  PoolVerdict verdictOf(Pool pool) {
    return otherPools.apply(pool);
  }
}
