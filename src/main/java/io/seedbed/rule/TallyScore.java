package io.seedbed.rule;

import java.util.List;

/**
 * {@code pointsEach} for every condition that holds, capped at {@code max} (e.g. 专精特新 quality
 * management: 3 points per item met, at most 5).
 */
record TallyScore(String name, List<Criterion> each, double pointsEach, double max, String source)
    implements ScoreItem {

  @Override
  public double maxPoints() {
    return max;
  }

  /** Records the number of conditions held as the entry's aux. */
  @Override
  public double score(Eval ev, Trace out) {
    int held = 0;
    for (Criterion c : each) {
      int mark = out.size();
      if (Criterion.evaluate(c, ev, out)) {
        held++;
      }
      out.truncate(mark); // the conditions' own explanations are not recorded
    }
    return ScoreItem.record(this, Math.min(max, held * pointsEach), max, held, out);
  }

  @Override
  public String valueText(Trace t, int i) {
    return (int) t.aux(i) + " of " + each.size() + " items";
  }

  @Override
  public void document(StringBuilder md, int depth) {
    Criterion.bullet(md, depth, "`" + name + "`: " + Fmt.num(pointsEach)
        + " points per item that holds, at most " + Fmt.num(max) + ":", source);
    for (Criterion c : each) {
      c.document(md, depth + 1);
    }
  }
}
