package io.seedbed.rule;

import io.seedbed.ledger.IncidentFact;

/** No incident of the given kinds within N years before the evaluation time (value = count). */
record NoIncident(String name, IncidentFilter filter, String note, String source)
    implements Criterion {

  @Override
  public boolean evaluate(Eval ev, Trace out) {
    int i = out.open(this, name);
    out.threshold(i, 0.0);
    if (ev.in.asOf == null || ev.in.incidents == null) {
      return false;
    }
    int n = 0;
    for (IncidentFact f : ev.in.incidents) {
      if (f != null && filter.matches(f, ev.in.asOf)) {
        n++;
      }
    }
    boolean passed = n == 0;
    out.value(i, n);
    out.shortfall(i, n);
    return out.passed(i, passed);
  }

  @Override
  public String op() {
    return "<=";
  }

  @Override
  public void document(StringBuilder md, int depth) {
    Criterion.bullet(md, depth, "`" + name + "`: no incident " + filter.describe()
        + (note == null ? "" : " (" + note + ")"), source);
  }
}
