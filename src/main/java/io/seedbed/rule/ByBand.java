package io.seedbed.rule;

import java.util.List;
import java.util.Set;

/**
 * A conditional threshold: the band of one variable (e.g. last-year revenue) chooses which
 * criterion applies. Bands are "at least" bounds in strictly decreasing order; the first the value
 * reaches wins (a value on a boundary takes that band). Below every band {@code otherwise} applies,
 * or the node fails. An unknown banding value fails. The summary criterion carries the value and
 * the bound of the band taken.
 */
record ByBand(String name, IndicatorRegistry.Entry variable, List<Band> bands, Criterion otherwise,
    String note, String source) implements Criterion {

  /** Values ≥ {@code atLeast} are judged by {@code then}. */
  record Band(double atLeast, Criterion then, String source) {}

  /** {@link Trace} aux codes of the summary entry: which threshold text it has. */
  private static final int IN_BAND = 0;
  private static final int UNKNOWN = 1;
  private static final int BELOW = 2;
  private static final int OTHERWISE = 3;

  @Override
  public boolean evaluate(Eval ev, Trace out) {
    Object raw = ev.value(variable);
    int at = out.open(this, name);
    if (raw == null) {
      out.aux(at, UNKNOWN);
      return false;
    }
    double v = ((Number) raw).doubleValue();
    out.value(at, v);
    for (Band b : bands) {
      if (v >= b.atLeast()) {
        boolean passed = Criterion.evaluate(b.then(), ev, out);
        out.threshold(at, b.atLeast());
        if (passed) {
          out.shortfall(at, 0.0);
        }
        return out.passed(at, passed);
      }
    }
    if (otherwise == null) {
      double lowest = bands.get(bands.size() - 1).atLeast();
      out.threshold(at, lowest);
      out.aux(at, BELOW);
      out.shortfall(at, lowest - v);
      return false;
    }
    boolean passed = Criterion.evaluate(otherwise, ev, out);
    out.aux(at, OTHERWISE);
    if (passed) {
      out.shortfall(at, 0.0);
    }
    return out.passed(at, passed);
  }

  @Override
  public String op() {
    return "band";
  }

  @Override
  public String thresholdText(Trace t, int i) {
    return switch ((int) t.aux(i)) {
      case UNKNOWN -> variable.name() + " unknown";
      case BELOW -> "below the lowest band";
      case OTHERWISE -> "otherwise";
      default -> null;
    };
  }

  @Override
  public void document(StringBuilder md, int depth) {
    Criterion.bullet(md, depth, "`" + name + "`: by band of " + variable.name()
        + (note == null ? "" : " (" + note + ")"), source);
    for (Band b : bands) {
      Criterion.bullet(md, depth + 1, variable.name() + " >= "
          + Fmt.threshold(variable.kind(), b.atLeast()) + ":", b.source());
      b.then().document(md, depth + 2);
    }
    Criterion.bullet(md, depth + 1, "otherwise:", "");
    if (otherwise == null) {
      Criterion.bullet(md, depth + 2, "not met", "");
    } else {
      otherwise.document(md, depth + 2);
    }
  }

  @Override
  public void referencedPools(Set<Pool> into) {
    bands.forEach(b -> b.then().referencedPools(into));
    if (otherwise != null) {
      otherwise.referencedPools(into);
    }
  }
}
