package io.seedbed.rule;

/**
 * One criterion evaluated for one enterprise: the explanation behind every decision. Numeric
 * criteria fill {@link #value} and {@link #threshold}; others (a credit level, a title held) fill
 * the text forms. Unknown data never passes: a null value gives {@code passed = false}.
 */
public final class CriterionResult {
  /** Stable name from the rule file, e.g. {@code rd_intensity_last_year}. */
  public final String name;
  /** The enterprise's value, or null when unknown or not numeric. */
  public final Double value;
  /**
   * The value as text when it is not a number (e.g. {@code "B"}, {@code "true"}). A score item
   * (op {@code score}) has both: {@link #value} = points earned, this = what earned them.
   */
  public final String valueText;
  /** The comparison: {@code >= > <= < == in not_in all any score}. */
  public final String op;
  /** The threshold, or null when not numeric. */
  public final Double threshold;
  /** The threshold as text when it is not a number (e.g. {@code "[C, D]"}). */
  public final String thresholdText;
  public final boolean passed;
  /**
   * How far a numeric criterion is from passing, in the value's unit (threshold − value for a
   * lower bound); 0 when passed; null when unknown or not numeric.
   */
  public final Double shortfall;

  public CriterionResult(String name, Double value, String valueText, String op, Double threshold,
      String thresholdText, boolean passed, Double shortfall) {
    this.name = name;
    this.value = value;
    this.valueText = valueText;
    this.op = op;
    this.threshold = threshold;
    this.thresholdText = thresholdText;
    this.passed = passed;
    this.shortfall = shortfall;
  }

  @Override
  public String toString() {
    String v = value != null ? String.valueOf(value) : valueText;
    String t = threshold != null ? String.valueOf(threshold) : thresholdText;
    return name + ": " + v + " " + op + " " + t + " -> " + (passed ? "pass" : "fail");
  }
}
