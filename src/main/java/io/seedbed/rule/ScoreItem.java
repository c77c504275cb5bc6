package io.seedbed.rule;

import java.util.List;

/**
 * One scored indicator of a {@link ScoreTable}. It appends one criterion: value = points earned,
 * threshold = the item's maximum, op {@code score}, {@code valueText} = what earned them; passed =
 * full marks, shortfall = points missing. Unknown inputs earn nothing.
 */
sealed interface ScoreItem permits BandScore, CaseScore, TallyScore {
  String name();

  double maxPoints();

  double score(Eval ev, List<CriterionResult> out);

  void document(StringBuilder md, int depth);

  static double record(String name, double points, double max, String why,
      List<CriterionResult> out) {
    out.add(new CriterionResult(name, points, why, "score", max, null, points >= max, max - points));
    return points;
  }
}
