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
}
