package io.seedbed.rule;

/**
 * One scored indicator of a {@link ScoreTable}. It appends one criterion: value = points earned,
 * threshold = the item's maximum, op {@code score}, {@code valueText} = what earned them; passed =
 * full marks, shortfall = points missing. Unknown inputs earn nothing.
 */
sealed interface ScoreItem extends Explains permits BandScore, CaseScore, TallyScore {
  String name();

  double maxPoints();

  double score(Eval ev, Trace out);

  /** {@code item.score(ev, out)}, dispatched by type (see {@link Criterion#evaluate(Criterion, Eval, Trace)}). */
  static double score(ScoreItem item, Eval ev, Trace out) {
    if (item instanceof BandScore x) {
      return x.score(ev, out);
    } else if (item instanceof CaseScore x) {
      return x.score(ev, out);
    }
    return item.score(ev, out);
  }

  void document(StringBuilder md, int depth);

  @Override
  default String op() {
    return "score";
  }

  /**
   * Appends the item's entry and returns its points; {@code why} (the {@link Trace} aux number)
   * is what the item's {@link #valueText} renders.
   */
  static double record(ScoreItem item, double points, double max, double why, Trace out) {
    int i = out.open(item, item.name());
    out.value(i, points);
    out.threshold(i, max);
    out.shortfall(i, max - points);
    out.aux(i, why);
    out.passed(i, points >= max);
    return points;
  }
}
