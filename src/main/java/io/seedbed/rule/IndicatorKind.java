package io.seedbed.rule;

/**
 * What an indicator measures, which decides the comparisons it allows and the thresholds that make
 * sense for it (the loader rejects absurd ones, e.g. a share threshold of 3 meant as "3%").
 */
enum IndicatorKind {
  /** A fraction of a whole in [0, 1] (0.03 is 3%). */
  SHARE(true, 0, 1),
  /** A growth rate or margin as a fraction; may be negative, ≥ -1 (a loss of everything). */
  RATE(true, -1, Double.MAX_VALUE),
  /** Yuan (or US dollars where the name says so), never negative. */
  MONEY(true, 0, Double.MAX_VALUE),
  /** Yuan that may be negative (net profit). */
  SIGNED_MONEY(true, -Double.MAX_VALUE, Double.MAX_VALUE),
  /** A count, rank, level or number of days: ≥ 0. */
  COUNT(true, 0, Double.MAX_VALUE),
  /** Years elapsed: ≥ 0. */
  YEARS(true, 0, 200),
  /** A 0–100 score. */
  SCORE(true, 0, 100),
  /** A code, compared with {@code == in not_in}. */
  TEXT(false, 0, 0),
  /** true/false, compared with {@code ==}. */
  BOOL(false, 0, 0),
  /** A set of codes; {@code in} = holds at least one of the listed codes, {@code not_in} = none. */
  SET(false, 0, 0);

  final boolean numeric;
  final double min;
  final double max;

  IndicatorKind(boolean numeric, double min, double max) {
    this.numeric = numeric;
    this.min = min;
    this.max = max;
  }
}
