package io.seedbed.rule;

import java.util.List;

/**
 * Points by the first case whose condition holds (e.g. "high-value class-I IP → 20, else
 * self-developed class-I → 15 ..."); {@code otherwise} points when none holds. Cases are listed
 * best first with non-increasing points. The conditions' own explanations are not recorded; the
 * item's {@code valueText} names the case taken.
 */
record CaseScore(String name, List<Case> cases, double otherwise, String source)
    implements ScoreItem {

  record Case(Criterion when, double points, String source) {}

  @Override
  public double maxPoints() {
    return Math.max(cases.get(0).points(), otherwise);
  }

  /** Records the number of the case taken (1 = first) as the entry's aux, 0 when none held. */
  @Override
  public double score(Eval ev, Trace out) {
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      int mark = out.size();
      boolean holds = Criterion.evaluate(c.when(), ev, out);
      out.truncate(mark); // the conditions' own explanations are not recorded
      if (holds) {
        return ScoreItem.record(this, c.points(), maxPoints(), i + 1, out);
      }
    }
    return ScoreItem.record(this, otherwise, maxPoints(), 0, out);
  }

  @Override
  public String valueText(Trace t, int i) {
    int taken = (int) t.aux(i);
    return taken == 0 ? "no case held" : "case " + taken + " of " + cases.size();
  }

  @Override
  public void document(StringBuilder md, int depth) {
    Criterion.bullet(md, depth, "`" + name + "` (" + Fmt.num(maxPoints())
        + " points), first case that holds:", source);
    for (Case c : cases) {
      Criterion.bullet(md, depth + 1, "→ " + Fmt.num(c.points()) + " when:", "");
      c.when().document(md, depth + 2);
    }
    Criterion.bullet(md, depth + 1, "otherwise → " + Fmt.num(otherwise), "");
  }
}
