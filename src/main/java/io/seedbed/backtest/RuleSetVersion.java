package io.seedbed.backtest;

import java.util.Comparator;

/** A rule set id and version that was in force for some change of a run (e.g. miit-2022 v2). */
public record RuleSetVersion(String ruleSet, int version) implements Comparable<RuleSetVersion> {
  private static final Comparator<RuleSetVersion> ORDER =
      Comparator.comparing(RuleSetVersion::ruleSet).thenComparingInt(RuleSetVersion::version);

  @Override
  public int compareTo(RuleSetVersion o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return ruleSet + " v" + version;
  }
}
