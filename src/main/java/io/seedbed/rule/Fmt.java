package io.seedbed.rule;

import java.math.BigDecimal;
import java.util.Collection;

/** Number formatting shared by the explanation and the rule reference. */
final class Fmt {
  private Fmt() {}

  /** 100000000 → "100000000", 0.030000 → "0.03": plain, no exponent, no trailing zeros. */
  static String num(Double v) {
    if (v == null) {
      return "unknown";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString(v.longValue());
    }
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  /** A threshold for readers: 0.03 → "0.03 (3%)" for fractions, 10000000 → "10,000,000" for money. */
  static String threshold(IndicatorKind kind, double v) {
    if (kind == IndicatorKind.SHARE || kind == IndicatorKind.RATE) {
      return num(v) + " (" + new BigDecimal(Double.toString(v)).movePointRight(2)
          .stripTrailingZeros().toPlainString() + "%)";
    }
    if (kind == IndicatorKind.MONEY || kind == IndicatorKind.SIGNED_MONEY) {
      return String.format(java.util.Locale.ROOT, "%,d", (long) v);
    }
    return num(v);
  }

  static String list(Collection<String> values) {
    return "[" + String.join(", ", values) + "]";
  }
}
