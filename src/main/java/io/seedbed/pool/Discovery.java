package io.seedbed.pool;

import io.seedbed.feed.FeedTime;
import io.seedbed.indicator.Indicators;
import io.seedbed.rule.CriterionResult;
import io.seedbed.rule.Explanation;
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

  /**
   * What {@link #assess} decides, without its texts: the pool state machine asks for this for every
   * pool on every record, and for the date and the gaps only when it writes a candidate row.
   *
   * @param longest months until the slowest unmet criterion passes, when {@code projected}
   */
  record Outlook(boolean near, boolean projected, double longest, int potential, int met,
      int total) {
    /** ISO date (China) {@code at} + {@link #longest} months rounded up, or null when not projected. */
    String projectedDate(Instant at) {
      return projected ? FeedTime.dateOf(at).plusMonths((long) Math.ceil(longest)).toString() : null;
    }
  }

  private Discovery() {}

  public static Assessment assess(PoolVerdict v, Indicators in, Instant at, PoolSettings s) {
    Explanation.Count count = entryCriteria(v);
    Outlook o = outlook(v, count, in, s);
    List<CriterionResult> gaps = new ArrayList<>();
    for (int i : count.unmet()) {
      gaps.add(v.explanation().result(i));
    }
    return new Assessment(o.near(), o.projected(), o.projectedDate(at), o.potential(), o.met(),
        o.total(), List.copyOf(gaps));
  }

  /** The entry criteria of {@code v}: all but the {@code graduated} one (the exit test). */
  static Explanation.Count entryCriteria(PoolVerdict v) {
    return v.explanation().count(PoolTracker.GRADUATED_CRITERION);
  }

  /** {@link #assess} without its texts; {@code count} is {@link #entryCriteria} of {@code v}. */
  static Outlook outlook(PoolVerdict v, Explanation.Count count, Indicators in, PoolSettings s) {
    DiscoverySettings d = s.rules(v.pool).discovery();
    Explanation x = v.explanation();
    int total = count.total();
    int unmet = count.unmet().length;
    boolean allWithinMargin = true;
    double closeness = 0;
    double longest = 0;
    boolean allProjectable = true;
    for (int i : count.unmet()) {
      boolean known = hasGapRatio(x, i);
      double ratio = known ? gapRatio(x, i) : 0;
      allWithinMargin &= known && ratio <= d.marginFraction();
      closeness += known ? Math.max(0, 1 - ratio) : 0;
      if (allProjectable) { // one criterion no trend projects settles it: no need to look further
        Double months = monthsToPass(x, i, in, s.trends());
        allProjectable = months != null;
        if (months != null) {
          longest = Math.max(longest, months);
        }
      }
    }
    int met = total - unmet;
    boolean withinMargin = unmet > 0 && allWithinMargin;
    boolean projectable = unmet > 0 && allProjectable;
    closeness = unmet == 0 ? 1 : closeness / unmet;
    boolean enoughMet = total > 0 && (double) met / total >= d.minMetFraction();
    boolean near = !v.eligible && (withinMargin || enoughMet);
    boolean projected = !v.eligible && projectable && longest <= d.horizonMonths();
    PotentialWeights w = s.weights();
    double metShare = total == 0 ? 0 : (double) met / total;
    double score = 100 * (w.met() * metShare + w.closeness() * closeness + w.trend() * trendShare(in));
    int potential = (int) Math.max(0, Math.min(100, Math.round(score)));
    return new Outlook(near, projected, longest, potential, met, total);
  }

  /** Shortfall ÷ |threshold| of an unmet numeric criterion; null when not numeric or unknown. */
  public static Double gapRatio(CriterionResult c) {
    if (c.shortfall == null || c.threshold == null || c.threshold == 0) {
      return null;
    }
    return c.shortfall / Math.abs(c.threshold);
  }

  /** Whether entry {@code i} has a {@link #gapRatio}: a numeric criterion with a shortfall. */
  static boolean hasGapRatio(Explanation x, int i) {
    return x.hasShortfall(i) && x.hasThreshold(i) && x.threshold(i) != 0;
  }

  /** {@link #gapRatio} of entry {@code i}; only when {@link #hasGapRatio}. */
  static double gapRatio(Explanation x, int i) {
    return x.shortfall(i) / Math.abs(x.threshold(i));
  }

  /**
   * Months until a lower-bound criterion passes if the trend holds (linear), or null when no trend
   * applies to it or the trend does not point towards the threshold.
   */
  static Double monthsToPass(CriterionResult c, Indicators in, TrendCriteria t) {
    return monthsToPass(c.name, c.op, c.value, c.threshold, in, t);
  }

  private static Double monthsToPass(Explanation x, int i, Indicators in, TrendCriteria t) {
    if (!x.hasValue(i) || !x.hasThreshold(i)) {
      return null; // before boxing: most unmet criteria end here
    }
    String name = x.name(i);
    if (name == null) { // as the general path: a lower bound then fails on the null name
      return monthsToPass(name, x.op(i), x.value(i), x.threshold(i), in, t);
    }
    // The name first: one lookup rules out most criteria, before asking the node for its op.
    int kind = TrendKinds.of(t).kindOf(name);
    if (kind == TrendCriteria.NONE) {
      return null;
    }
    String op = x.op(i);
    if (!">=".equals(op) && !">".equals(op)) {
      return null;
    }
    double value = x.value(i);
    double gap = Math.max(0, x.threshold(i) - value);
    Double perYear = perYear(kind, value, in);
    return perYear == null || perYear <= 0 ? null : 12 * gap / perYear;
  }

  /** Yearly progress of a criterion of {@code kind} (not NONE) at {@code value}; null if unknown. */
  private static Double perYear(int kind, double value, Indicators in) {
    if (kind == TrendCriteria.REVENUE) {
      Double g = revenueGrowth(in);
      return g == null || value <= 0 ? null : value * g;
    } else if (kind == TrendCriteria.RD_INTENSITY) {
      return in.rdIntensityLastYear == null || in.rdIntensityPrevYear == null
          ? null : in.rdIntensityLastYear - in.rdIntensityPrevYear;
    }
    return in.newClass1IpLast12m == null ? null : in.newClass1IpLast12m.doubleValue();
  }

  private static Double monthsToPass(String name, String op, Double value, Double threshold,
      Indicators in, TrendCriteria t) {
    boolean lowerBound = ">=".equals(op) || ">".equals(op);
    if (!lowerBound || value == null || threshold == null) {
      return null;
    }
    double gap = Math.max(0, threshold - value);
    int kind = t.kindOf(name);
    Double perYear = kind == TrendCriteria.NONE ? null : perYear(kind, value, in);
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
