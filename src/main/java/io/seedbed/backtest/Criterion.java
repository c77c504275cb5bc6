package io.seedbed.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One element of a {@code pool_change.criteria} array: {@code {name, value, threshold, passed}}.
 * Value and threshold stay as the JSON the run wrote (a number, a text such as {@code "B"}, a list
 * such as {@code ["C","D"]}, or null when unknown), so the report shows exactly what decided.
 */
public record Criterion(String name, JsonNode value, JsonNode threshold, boolean passed) {

  public Criterion {
    value = value == null ? NullNode.getInstance() : value;
    threshold = threshold == null ? NullNode.getInstance() : threshold;
  }

  /** The value as display text ({@code "—"} when unknown). */
  public String valueText() {
    return display(value);
  }

  /** The threshold as display text ({@code "—"} when absent). */
  public String thresholdText() {
    return display(threshold);
  }

  static String display(JsonNode node) {
    if (node.isNull() || node.isMissingNode()) {
      return "—";
    }
    if (node.isNumber()) {
      // plain notation: 20000000 rather than 2.0E+7, which a reader of money would misread
      return node.decimalValue().stripTrailingZeros().toPlainString();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    return node.toString();
  }
}
