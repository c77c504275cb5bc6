package io.seedbed.pool;

import java.io.Serializable;
import java.util.Set;

/**
 * Criterion names (as the rule files name them) that a trend can project: revenue criteria grow
 * with sales, R&D intensity criteria with the intensity trend, class I IP counts with new grants.
 */
public record TrendCriteria(Set<String> revenue, Set<String> rdIntensity, Set<String> class1Ip)
    implements Serializable {

  public TrendCriteria {
    revenue = Set.copyOf(revenue);
    rdIntensity = Set.copyOf(rdIntensity);
    class1Ip = Set.copyOf(class1Ip);
  }

  static final int NONE = 0;
  static final int REVENUE = 1;
  static final int RD_INTENSITY = 2;
  static final int CLASS1_IP = 3;

  /** Which trend projects criterion {@code name}: the first set holding it, in the order above. */
  int kindOf(String name) {
    if (revenue.contains(name)) {
      return REVENUE;
    } else if (rdIntensity.contains(name)) {
      return RD_INTENSITY;
    } else if (class1Ip.contains(name)) {
      return CLASS1_IP;
    }
    return NONE;
  }
}
