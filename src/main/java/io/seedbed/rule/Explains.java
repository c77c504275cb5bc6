package io.seedbed.rule;

/**
 * A node of a rule that writes {@link Trace} entries, and renders the texts it left unformatted
 * there. Only a row that is written or an explanation that is read asks for them.
 */
interface Explains {
  /** The comparison of the entries it writes: {@link CriterionResult#op}. */
  String op();

  /** {@link CriterionResult#valueText} of entry {@code i}, which this node wrote. */
  default String valueText(Trace t, int i) {
    return null;
  }

  /** {@link CriterionResult#thresholdText} of entry {@code i}, which this node wrote. */
  default String thresholdText(Trace t, int i) {
    return null;
  }
}
