package io.seedbed.pool;

import java.util.HashMap;
import java.util.Map;

/**
 * {@link TrendCriteria#kindOf} as one map from name to kind, so that a name in none of the three
 * sets (most unmet criteria) costs one lookup, not three. Built for the last trend criteria asked
 * about (one per job) and kept; immutable once built, so any thread may read it.
 */
final class TrendKinds {
  private static volatile TrendKinds last;

  private final TrendCriteria criteria;
  private final Map<String, Integer> kinds = new HashMap<>();

  private TrendKinds(TrendCriteria t) {
    this.criteria = t;
    // Later sets first, so that a name in several sets keeps the kind kindOf gives (the first).
    t.class1Ip().forEach(n -> kinds.put(n, TrendCriteria.CLASS1_IP));
    t.rdIntensity().forEach(n -> kinds.put(n, TrendCriteria.RD_INTENSITY));
    t.revenue().forEach(n -> kinds.put(n, TrendCriteria.REVENUE));
  }

  static TrendKinds of(TrendCriteria t) {
    TrendKinds k = last;
    if (k == null || k.criteria != t) {
      k = new TrendKinds(t);
      last = k;
    }
    return k;
  }

  /** {@link TrendCriteria#kindOf}{@code (name)}; {@code name} not null. */
  int kindOf(String name) {
    Integer k = kinds.get(name);
    return k == null ? TrendCriteria.NONE : k;
  }
}
