package io.seedbed.rule;

import java.util.List;

/**
 * Points by bands of one indicator. {@code atLeast} bands (higher is better) are listed with
 * strictly decreasing bounds, {@code atMost} bands (lower is better, e.g. the debt ratio) with
 * strictly increasing ones; points never increase down the list. The first band reached wins, so a
 * value exactly on a boundary takes the better band ("以上/以下" include the boundary). Below every
 * band: {@code otherwise} points (default 0).
 */
record BandScore(String name, IndicatorRegistry.Entry indicator, boolean higherIsBetter,
    List<Band> bands, double otherwise, String source) implements ScoreItem {

  record Band(double bound, double points, String source) {}

  @Override
  public double maxPoints() {
    return Math.max(bands.get(0).points(), otherwise);
  }

  /** Records the raw value as the entry's aux, or NaN with {@link #UNKNOWN} as its text. */
  @Override
  public double score(Eval ev, Trace out) {
    Object raw = ev.value(indicator);
    if (raw == null) {
      double points = ScoreItem.record(this, 0, maxPoints(), Double.NaN, out);
      out.text(out.size() - 1, UNKNOWN);
      return points;
    }
    double v = ((Number) raw).doubleValue();
    for (Band b : bands) {
      if (higherIsBetter ? v >= b.bound() : v <= b.bound()) {
        return ScoreItem.record(this, b.points(), maxPoints(), v, out);
      }
    }
    return ScoreItem.record(this, otherwise, maxPoints(), v, out);
  }

  /** Marks an entry whose indicator was unknown. */
  private static final String UNKNOWN = "unknown";

  /** What earned the points: "rd_intensity_last_year = 0.035" or "... unknown". */
  @Override
  public String valueText(Trace t, int i) {
    return t.text(i) == UNKNOWN ? indicator.name() + " unknown"
        : indicator.name() + " = " + Fmt.num(t.aux(i));
  }

  @Override
  public void document(StringBuilder md, int depth) {
    Criterion.bullet(md, depth, "`" + name + "` (" + Fmt.num(maxPoints()) + " points) by "
        + indicator.name() + ":", source);
    String op = higherIsBetter ? ">=" : "<=";
    for (Band b : bands) {
      Criterion.bullet(md, depth + 1, op + " " + Fmt.threshold(indicator.kind(), b.bound()) + " → "
          + Fmt.num(b.points()), b.source());
    }
    Criterion.bullet(md, depth + 1, "otherwise → " + Fmt.num(otherwise), "");
  }
}
