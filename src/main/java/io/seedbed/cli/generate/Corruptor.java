package io.seedbed.cli.generate;

import io.seedbed.feed.Uscc;

/**
 * Makes a deliberately malformed copy of a valid line, one defect per copy, so that every
 * rejection path of the reader is exercised: truncated JSON, a wrong USCC check character, an
 * unknown kind, a negative amount, a missing required field and a wrong JSON type.
 */
final class Corruptor {
  enum Defect { TRUNCATED, BAD_CHECK_CHARACTER, UNKNOWN_KIND, NEGATIVE_AMOUNT, MISSING_FIELD, WRONG_TYPE }

  /** Fields whose value must not be negative; the first one found in a line is the one negated. */
  private static final String[] AMOUNT_FIELDS = {
      "sales", "operatingRevenue", "amount", "overdueDays", "landAreaMu"};

  private Corruptor() {}

  /** The defect to apply, or a fallback when the line has no field the drawn defect needs. */
  static Defect choose(String json, Rng rng) {
    Defect d = Defect.values()[rng.intIn(0, Defect.values().length - 1)];
    if ((d == Defect.NEGATIVE_AMOUNT || d == Defect.WRONG_TYPE) && amountField(json) == null) {
      return Defect.BAD_CHECK_CHARACTER;
    }
    return d;
  }

  static String apply(Defect defect, String json, Rng rng) {
    switch (defect) {
      case TRUNCATED:
        // Cut somewhere in the second half; the result never ends with the closing brace.
        return json.substring(0, rng.intIn(json.length() / 2, json.length() - 2));
      case BAD_CHECK_CHARACTER: {
        int at = json.indexOf("\"uscc\":\"") + 8 + 17;
        char good = json.charAt(at);
        char bad = Uscc.ALPHABET.charAt((Uscc.ALPHABET.indexOf(good) + rng.intIn(1, 30)) % 31);
        return json.substring(0, at) + bad + json.substring(at + 1);
      }
      case UNKNOWN_KIND: {
        int start = json.indexOf("\"kind\":\"") + 8;
        int end = json.indexOf('"', start);
        return json.substring(0, end) + "_v0" + json.substring(end);
      }
      case NEGATIVE_AMOUNT: {
        int valueAt = valueStart(json, amountField(json));
        return json.substring(0, valueAt) + "-" + json.substring(valueAt);
      }
      case WRONG_TYPE: {
        int valueAt = valueStart(json, amountField(json));
        int end = valueAt;
        while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '}') {
          end++;
        }
        return json.substring(0, valueAt) + "\"" + json.substring(valueAt, end) + " yuan\"" + json.substring(end);
      }
      case MISSING_FIELD: {
        // Drop the USCC: required by every kind.
        int start = json.indexOf(",\"uscc\":\"");
        int end = json.indexOf('"', start + 9) + 1;
        return json.substring(0, start) + json.substring(end);
      }
      default:
        throw new IllegalStateException(defect.name());
    }
  }

  private static String amountField(String json) {
    for (String f : AMOUNT_FIELDS) {
      if (json.contains("\"" + f + "\":")) {
        return f;
      }
    }
    return null;
  }

  private static int valueStart(String json, String field) {
    return json.indexOf("\"" + field + "\":") + field.length() + 3;
  }
}
