package io.seedbed.rule;

import java.util.List;
import java.util.Set;

/**
 * A comparison of one named indicator ({@link IndicatorRegistry}) with a threshold:
 * {@code >= > <= <} and {@code ==} for numbers, {@code == in not_in} for codes, {@code ==} for
 * booleans, {@code in not_in} for sets (holds at least one / none of the listed codes).
 *
 * <p>Evaluated for every pool on every record: what the rule file fixes (the comparison, the codes
 * as a set, the threshold text) is worked out once, here.
 */
final class Compare implements Criterion {
  static final Set<String> NUMERIC_OPS = Set.of(">=", ">", "<=", "<", "==");

  private static final int GE = 0;
  private static final int GT = 1;
  private static final int LE = 2;
  private static final int LT = 3;
  private static final int EQ = 4;

  private final String name;
  private final IndicatorRegistry.Entry indicator;
  private final String op;
  private final Double number;
  private final List<String> codes;
  private final Boolean flag;
  private final String note;
  private final String source;
  private final boolean numeric;
  /** {@link #op} of a numeric comparison as one of {@link #GE} .. {@link #EQ}. */
  private final int cmp;
  /** {@link #codes} for membership tests (a text or set comparison), else null. */
  private final Set<String> codeSet;
  /** Whether a text or set comparison holds on membership ({@code in}, {@code ==}). */
  private final boolean holdsOnMember;
  /** The threshold as text of a non-numeric comparison, else null. */
  private final String thresholdText;

  Compare(String name, IndicatorRegistry.Entry indicator, String op, Double number,
      List<String> codes, Boolean flag, String note, String source) {
    this.name = name;
    this.indicator = indicator;
    this.op = op;
    this.number = number;
    this.codes = codes;
    this.flag = flag;
    this.note = note;
    this.source = source;
    this.numeric = indicator.kind().numeric;
    this.cmp = switch (op) {
      case ">=" -> GE;
      case ">" -> GT;
      case "<=" -> LE;
      case "<" -> LT;
      default -> EQ;
    };
    this.codeSet = codes == null ? null : Set.copyOf(codes);
    this.holdsOnMember = !op.equals("not_in");
    this.thresholdText = numeric ? null : flag != null ? flag.toString()
        : op.equals("==") ? codes.get(0) : Fmt.list(codes);
  }

  String name() {
    return name;
  }

  @Override
  public String op() {
    return op;
  }

  /**
   * Records the comparison: value and threshold for numbers (shortfall = distance to passing), the
   * raw value for codes, booleans and sets, rendered by {@link #valueText} when asked.
   */
  @Override
  public boolean evaluate(Eval ev, Trace out) {
    Object raw = ev.value(indicator);
    int i = out.open(this, name);
    if (numeric) {
      double t = number;
      out.threshold(i, t);
      if (raw == null) {
        return false;
      }
      double v = ((Number) raw).doubleValue();
      boolean passed;
      double gap;
      switch (cmp) {
        case GE -> {
          passed = v >= t;
          gap = t - v;
        }
        case GT -> {
          passed = v > t;
          gap = t - v;
        }
        case LE -> {
          passed = v <= t;
          gap = v - t;
        }
        case LT -> {
          passed = v < t;
          gap = v - t;
        }
        default -> {
          passed = v == t;
          gap = Math.abs(v - t);
        }
      }
      out.value(i, v);
      out.shortfall(i, passed ? 0.0 : Math.max(0.0, gap));
      return out.passed(i, passed);
    }
    if (raw == null) {
      return false;
    }
    boolean passed;
    if (indicator.kind() == IndicatorKind.BOOL) {
      out.textOf(i, indicator);
      passed = raw.equals(flag);
    } else if (indicator.kind() == IndicatorKind.SET) {
      @SuppressWarnings("unchecked")
      Set<String> held = (Set<String>) raw;
      out.textOf(i, indicator);
      boolean any = false;
      if (!held.isEmpty()) {
        for (String code : codes) {
          if (held.contains(code)) {
            any = true;
            break;
          }
        }
      }
      passed = holdsOnMember == any;
    } else {
      // A text indicator's value is a String: it is its own text.
      String valueText = (String) raw;
      out.textOf(i, indicator);
      passed = holdsOnMember == codeSet.contains(valueText);
    }
    return out.passed(i, passed);
  }

  /** The value as text when it is not a number: the code, "true"/"false", or the set as a list. */
  @Override
  public String valueText(Trace t, int i) {
    Object raw = t.text(i);
    if (raw == null) {
      return null;
    }
    if (indicator.kind() == IndicatorKind.SET) {
      @SuppressWarnings("unchecked")
      Set<String> held = (Set<String>) raw;
      return Fmt.list(held);
    }
    return raw.toString();
  }

  @Override
  public String thresholdText(Trace t, int i) {
    return thresholdText;
  }

  /** "rd_intensity_last_year >= 0.03 (3%)". */
  String label() {
    String t = numeric ? Fmt.threshold(indicator.kind(), number) : thresholdText;
    return indicator.name() + " " + op + " " + t;
  }

  @Override
  public void document(StringBuilder md, int depth) {
    String text = "`" + name + "`: " + label() + (note == null ? "" : " (" + note + ")");
    Criterion.bullet(md, depth, text, source);
  }

  @Override
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "Compare[" + name + ": " + indicator.name() + " " + op + " "
        + (numeric ? number : thresholdText) + "]";
  }
}
