package io.seedbed.pool;

import io.seedbed.feed.FeedTime;
import io.seedbed.indicator.Indicators;
import io.seedbed.rule.CriterionResult;
import io.seedbed.rule.PoolVerdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Early discovery (早发现、早培育): whether a non-member is near a pool's entry criteria or projected
 * to meet them, and its 0-100 potential. The scoring is explained with a worked example in
 * docs/discovery.md. The {@code graduated} criterion is the pool's exit test, not an entry
 * criterion, so it is left out here.
 */
public final class Discovery {
  /**
   * @param near every unmet criterion is numeric and within the margin, or enough criteria are met
   * @param projected trends make every unmet criterion pass within the horizon
   * @param projectedDate ISO date (China) when the last unmet criterion is projected to pass
   * @param gaps the unmet criteria
   */
  public record Assessment(boolean near, boolean projected, String projectedDate, int potential,
      int met, int total, List<CriterionResult> gaps) {}

  private Discovery() {}

  public static Assessment assess(PoolVerdict v, Indicators in, Instant at, PoolSettings s) {
    DiscoverySettings d = s.rules(v.pool).discovery();
    List<CriterionResult> entry = new ArrayList<>();
    List<CriterionResult> unmet = new ArrayList<>();
    for (CriterionResult c : v.criteria) {
      if (!PoolTracker.GRADUATED_CRITERION.equals(c.name)) {
        entry.add(c);
        if (!c.passed) {
          unmet.add(c);
        }
      }
    }
    int total = entry.size();
    int met = total - unmet.size();
    boolean withinMargin = !unmet.isEmpty();
    double closeness = 0;
    double longest = 0;
    boolean projectable = !unmet.isEmpty();
    for (CriterionResult c : unmet) {
      Double ratio = gapRatio(c);
      withinMargin &= ratio != null && ratio <= d.marginFraction();
      closeness += ratio == null ? 0 : Math.max(0, 1 - ratio);
      Double months = monthsToPass(c, in, s.trends());
      projectable &= months != null;
      if (months != null) {
        longest = Math.max(longest, months);
      }
    }
    closeness = unmet.isEmpty() ? 1 : closeness / unmet.size();
    boolean enoughMet = total > 0 && (double) met / total >= d.minMetFraction();
    boolean near = !v.eligible && (withinMargin || enoughMet);
    boolean projected = !v.eligible && projectable && longest <= d.horizonMonths();
    String date = projected
        ? FeedTime.dateOf(at).plusMonths((long) Math.ceil(longest)).toString() : null;
    PotentialWeights w = s.weights();
    double metShare = total == 0 ? 0 : (double) met / total;
    double score = 100 * (w.met() * metShare + w.closeness() * closeness + w.trend() * trendShare(in));
    int potential = (int) Math.max(0, Math.min(100, Math.round(score)));
    return new Assessment(near, projected, date, potential, met, total, List.copyOf(unmet));
  }

  /** Shortfall ÷ |threshold| of an unmet numeric criterion; null when not numeric or unknown. */
  public static Double gapRatio(CriterionResult c) {
    if (c.shortfall == null || c.threshold == null || c.threshold == 0) {
      return null;
    }
    return c.shortfall / Math.abs(c.threshold);
  }

  /**
   * Months until a lower-bound criterion passes if the trend holds (linear), or null when no trend
   * applies to it or the trend does not point towards the threshold.
   */
  static Double monthsToPass(CriterionResult c, Indicators in, TrendCriteria t) {
    boolean lowerBound = ">=".equals(c.op) || ">".equals(c.op);
    if (!lowerBound || c.value == null || c.threshold == null) {
      return null;
    }
    double gap = Math.max(0, c.threshold - c.value);
    Double perYear = null;
    if (t.revenue().contains(c.name)) {
      Double g = revenueGrowth(in);
      perYear = g == null || c.value <= 0 ? null : c.value * g;
    } else if (t.rdIntensity().contains(c.name)) {
      perYear = in.rdIntensityLastYear == null || in.rdIntensityPrevYear == null
          ? null : in.rdIntensityLastYear - in.rdIntensityPrevYear;
    } else if (t.class1Ip().contains(c.name)) {
      perYear = in.newClass1IpLast12m == null ? null : in.newClass1IpLast12m.doubleValue();
    }
    return perYear == null || perYear <= 0 ? null : 12 * gap / perYear;
  }

  /**
   * Yearly revenue growth to project with: the TTM sales growth, pulled halfway up towards the
   * energy-use growth when energy grows faster, because production (metered energy) leads invoiced
   * sales.
   */
  static Double revenueGrowth(Indicators in) {
    Double sales = in.salesGrowthYoy;
    if (sales == null) {
      return null;
    }
    Double energy = in.energyGrowthYoy;
    return energy != null && energy > sales ? (sales + energy) / 2 : sales;
  }

  /** Share of the four trend signals that point up: sales, energy use, new class I IP, R&D intensity. */
  static double trendShare(Indicators in) {
    int up = 0;
    if (in.salesGrowthYoy != null && in.salesGrowthYoy > 0) {
      up++;
    }
    if (in.energyGrowthYoy != null && in.energyGrowthYoy > 0) {
      up++;
    }
    if (in.newClass1IpLast12m != null && in.newClass1IpLast12m > 0) {
      up++;
    }
    if (in.rdIntensityLastYear != null && in.rdIntensityPrevYear != null
        && in.rdIntensityLastYear > in.rdIntensityPrevYear) {
      up++;
    }
    return up / 4.0;
  }
}
