package io.seedbed.rule;

import java.util.List;
import java.util.Set;

/**
 * A comparison of one named indicator ({@link IndicatorRegistry}) with a threshold:
 * {@code >= > <= <} and {@code ==} for numbers, {@code == in not_in} for codes, {@code ==} for
 * booleans, {@code in not_in} for sets (holds at least one / none of the listed codes).
 */
record Compare(String name, IndicatorRegistry.Entry indicator, String op, Double number,
    List<String> codes, Boolean flag, String note, String source) implements Criterion {

  static final Set<String> NUMERIC_OPS = Set.of(">=", ">", "<=", "<", "==");

  @Override
  public boolean evaluate(Eval ev, List<CriterionResult> out) {
    out.add(result(ev));
    return out.get(out.size() - 1).passed;
  }

  /** The comparison's explanation, without recording it (score cases use it silently). */
  CriterionResult result(Eval ev) {
    Object raw = indicator.getter().apply(ev.in);
    if (indicator.kind().numeric) {
      Double v = raw == null ? null : ((Number) raw).doubleValue();
      if (v == null) {
        return new CriterionResult(name, null, null, op, number, null, false, null);
      }
      boolean passed = switch (op) {
        case ">=" -> v >= number;
        case ">" -> v > number;
        case "<=" -> v <= number;
        case "<" -> v < number;
        default -> v.doubleValue() == number;
      };
      double gap = switch (op) {
        case ">=", ">" -> number - v;
        case "<=", "<" -> v - number;
        default -> Math.abs(v - number);
      };
      return new CriterionResult(name, v, null, op, number, null, passed,
          passed ? 0.0 : Math.max(0.0, gap));
    }
    if (raw == null) {
      return new CriterionResult(name, null, null, op, null, thresholdText(), false, null);
    }
    boolean passed;
    String valueText;
    if (indicator.kind() == IndicatorKind.BOOL) {
      valueText = raw.toString();
      passed = raw.equals(flag);
    } else if (indicator.kind() == IndicatorKind.SET) {
      @SuppressWarnings("unchecked")
      Set<String> held = (Set<String>) raw;
      valueText = Fmt.list(List.copyOf(held));
      boolean any = held.stream().anyMatch(codes::contains);
      passed = op.equals("in") == any;
    } else {
      valueText = raw.toString();
      boolean member = codes.contains(valueText);
      passed = op.equals("not_in") != member;
    }
    return new CriterionResult(name, null, valueText, op, null, thresholdText(), passed, null);
  }

  private String thresholdText() {
    if (flag != null) {
      return flag.toString();
    }
    return op.equals("==") ? codes.get(0) : Fmt.list(codes);
  }

  /** "rd_intensity_last_year >= 0.03 (3%)". */
  String label() {
    String t = indicator.kind().numeric ? Fmt.threshold(indicator.kind(), number) : thresholdText();
    return indicator.name() + " " + op + " " + t;
  }

  @Override
  public void document(StringBuilder md, int depth) {
    String text = "`" + name + "`: " + label() + (note == null ? "" : " (" + note + ")");
    Criterion.bullet(md, depth, text, source);
  }
}
