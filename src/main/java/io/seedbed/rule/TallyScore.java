package io.seedbed.rule;

import java.util.ArrayList;
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

  @Override
  public double score(Eval ev, List<CriterionResult> out) {
    int held = 0;
    for (Criterion c : each) {
      if (c.evaluate(ev, new ArrayList<>())) {
        held++;
      }
    }
    return ScoreItem.record(name, Math.min(max, held * pointsEach), max,
        held + " of " + each.size() + " items", out);
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
