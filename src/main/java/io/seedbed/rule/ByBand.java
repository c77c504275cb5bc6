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

  @Override
  public boolean evaluate(Eval ev, List<CriterionResult> out) {
    Object raw = variable.getter().apply(ev.in);
    if (raw == null) {
      out.add(new CriterionResult(name, null, null, "band", null, variable.name() + " unknown",
          false, null));
      return false;
    }
    double v = ((Number) raw).doubleValue();
    int at = out.size();
    for (Band b : bands) {
      if (v >= b.atLeast()) {
        boolean passed = b.then().evaluate(ev, out);
        out.add(at, new CriterionResult(name, v, null, "band", b.atLeast(), null, passed,
            passed ? 0.0 : null));
        return passed;
      }
    }
    if (otherwise == null) {
      out.add(new CriterionResult(name, v, null, "band", bands.get(bands.size() - 1).atLeast(),
          "below the lowest band", false, bands.get(bands.size() - 1).atLeast() - v));
      return false;
    }
    boolean passed = otherwise.evaluate(ev, out);
    out.add(at, new CriterionResult(name, v, null, "band", null, "otherwise", passed,
        passed ? 0.0 : null));
    return passed;
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
