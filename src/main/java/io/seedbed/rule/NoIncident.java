package io.seedbed.rule;

import io.seedbed.ledger.IncidentFact;
import java.util.List;

/** No incident of the given kinds within N years before the evaluation time (value = count). */
record NoIncident(String name, IncidentFilter filter, String note, String source)
    implements Criterion {

  @Override
  public boolean evaluate(Eval ev, List<CriterionResult> out) {
    if (ev.in.asOf == null || ev.in.incidents == null) {
      out.add(new CriterionResult(name, null, null, "<=", 0.0, null, false, null));
      return false;
    }
    int n = 0;
    for (IncidentFact f : ev.in.incidents) {
      if (f != null && filter.matches(f, ev.in.asOf)) {
        n++;
      }
    }
    boolean passed = n == 0;
    out.add(new CriterionResult(name, (double) n, null, "<=", 0.0, null, passed, (double) n));
    return passed;
  }

  @Override
  public void document(StringBuilder md, int depth) {
    Criterion.bullet(md, depth, "`" + name + "`: no incident " + filter.describe()
        + (note == null ? "" : " (" + note + ")"), source);
  }
}
