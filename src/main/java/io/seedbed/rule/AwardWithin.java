package io.seedbed.rule;

import io.seedbed.feed.FeedTime;
import io.seedbed.ledger.AwardFact;
import java.time.Instant;
import java.util.List;

/**
 * At least one S&T award of the given levels, ranked at most {@code maxRank} among the winning
 * units (null = any rank), won within N years before the evaluation time (value = matching awards).
 */
record AwardWithin(String name, List<String> levels, Integer maxRank, int years, String note,
    String source) implements Criterion {

  @Override
  public boolean evaluate(Eval ev, Trace out) {
    int i = out.open(this, name);
    out.threshold(i, 1.0);
    if (ev.in.asOf == null || ev.in.awards == null) {
      return false;
    }
    Instant from = null; // computed for the first award only: most firms have none
    int n = 0;
    for (AwardFact a : ev.in.awards) {
      if (a != null && from == null) {
        from = ev.in.asOf.atZone(FeedTime.ZONE).minusYears(years).toInstant();
      }
      if (a != null && a.at != null && levels.contains(a.level)
          && (maxRank == null || a.rank <= maxRank)
          && a.at.isAfter(from) && !a.at.isAfter(ev.in.asOf)) {
        n++;
      }
    }
    boolean passed = n >= 1;
    out.value(i, n);
    out.shortfall(i, passed ? 0.0 : 1.0);
    return out.passed(i, passed);
  }

  @Override
  public String op() {
    return ">=";
  }

  @Override
  public void document(StringBuilder md, int depth) {
    Criterion.bullet(md, depth, "`" + name + "`: an award of level " + Fmt.list(levels)
        + (maxRank == null ? "" : " ranked ≤ " + maxRank) + " within " + years + " years"
        + (note == null ? "" : " (" + note + ")"), source);
  }
}
