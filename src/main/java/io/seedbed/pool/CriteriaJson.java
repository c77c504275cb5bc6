package io.seedbed.pool;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.seedbed.feed.Json;
import io.seedbed.rule.Explanation;

/**
 * Renders the jsonb columns that explain a decision: the criteria and the gaps. The text is what
 * serializing the equivalent Jackson tree with {@link Json#MAPPER} gives, to the byte (numbers as
 * {@link Double#toString}, non-finite ones quoted, strings escaped as Jackson's default escapes do;
 * CriteriaJsonTest holds it to the tree), written directly because a member's criteria are
 * rendered again whenever one of its values moves.
 */
public final class CriteriaJson {
  private CriteriaJson() {}

  /** {@code [{name, value, threshold, passed}]} for every criterion evaluated, in rule order. */
  public static String criteria(Explanation x) {
    return criteria(x, null).json();
  }

  /**
   * {@link #criteria(Explanation)} with where each entry ends in it; the entries that are
   * {@link Explanation#same} as in {@code last} are copied from its text, not written again.
   */
  static Rendered criteria(Explanation x, Rendered last) {
    return criteria(x, last, null);
  }

  /**
   * {@link #criteria(Explanation, Rendered)}, with the {@link RowPrint#criterion} prints of every
   * entry of {@code x} when the caller has them already ({@code printed}, else null).
   */
  static Rendered criteria(Explanation x, Rendered last, long[] printed) {
    boolean reuse = last != null && last.from().size() == x.size();
    StringBuilder sb = new StringBuilder(reuse ? last.json().length() + 16 : 64 * x.size());
    int[] ends = new int[x.size()];
    long[] prints = new long[x.size()];
    sb.append('[');
    for (int i = 0; i < x.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      if (reuse && x.same(i, last.from(), i)) {
        sb.append(last.json(), i == 0 ? 1 : last.ends()[i - 1] + 1, last.ends()[i]);
        prints[i] = last.prints()[i];
      } else {
        item(sb, x, i);
        sb.append(",\"passed\":").append(x.passed(i)).append('}');
        prints[i] = printed != null ? printed[i] : RowPrint.criterion(x, i);
      }
      ends[i] = sb.length();
    }
    sb.append(']');
    return new Rendered(sb.toString(), x.copy(null), ends, prints, RowPrint.criteria(prints));
  }

  /**
   * A criteria text, (a copy of) the explanation it renders, where each entry's object ends in it
   * (the next starts one comma later), each entry's {@link RowPrint#criterion} print and the
   * text's {@link RowPrint#criteria} print.
   */
  record Rendered(String json, Explanation from, int[] ends, long[] prints, long print) {}

  /** {@code [{name, value, threshold, shortfall}]} for the unmet criteria at {@code unmet}. */
  public static String gaps(Explanation x, int[] unmet) {
    StringBuilder sb = new StringBuilder(64 * unmet.length + 2);
    sb.append('[');
    for (int k = 0; k < unmet.length; k++) {
      if (k > 0) {
        sb.append(',');
      }
      int i = unmet[k];
      item(sb, x, i);
      sb.append(",\"shortfall\":");
      if (x.hasShortfall(i)) {
        number(sb, x.shortfall(i));
      } else {
        sb.append("null");
      }
      sb.append('}');
    }
    return sb.append(']').toString();
  }

  /** Opens {@code {"name":..,"value":..,"threshold":..} of entry {@code i}, for the caller to complete. */
  private static void item(StringBuilder sb, Explanation x, int i) {
    sb.append("{\"name\":");
    string(sb, x.name(i));
    sb.append(",\"value\":"); // a number when numeric, else its text
    if (x.hasValue(i)) {
      number(sb, x.value(i));
    } else {
      string(sb, x.valueText(i));
    }
    sb.append(",\"threshold\":");
    if (x.hasThreshold(i)) {
      number(sb, x.threshold(i));
    } else {
      string(sb, x.thresholdText(i));
    }
  }

  /** As Jackson writes a double: {@link Double#toString}, quoted when not finite. */
  private static void number(StringBuilder sb, double v) {
    if (Double.isFinite(v)) {
      sb.append(v);
    } else {
      sb.append('"').append(v).append('"');
    }
  }

  /**
   * As Jackson writes a string by default: quotes, backslash and control characters escaped
   * ({@code \b \t \n \f \r}, else {@code \}{@code u00XX} in upper case), everything else as is.
   */
  private static void string(StringBuilder sb, String s) {
    if (s == null) {
      sb.append("null");
      return;
    }
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\b' -> sb.append("\\b");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\f' -> sb.append("\\f");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20) {
            sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  static String write(Object node) {
    try {
      return Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
