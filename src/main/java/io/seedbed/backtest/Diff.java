package io.seedbed.backtest;

import java.util.List;

/**
 * The comparison of a baseline run against a candidate run (see {@link BacktestDiff#compare}).
 *
 * @param baselineRuleSets every rule set and version in force for some change of the baseline run
 * @param candidateRuleSets the same for the candidate run
 * @param pools every pool that either run tracked, in {@link io.seedbed.rule.Pool} order
 * @param affected every enterprise and pool whose final status differs, by pool, kind, then uscc
 * @param withDistricts whether a district lookup was given
 */
public record Diff(List<RuleSetVersion> baselineRuleSets, List<RuleSetVersion> candidateRuleSets,
    List<PoolDiff> pools, List<AffectedEnterprise> affected, boolean withDistricts) {

  public Diff {
    baselineRuleSets = List.copyOf(baselineRuleSets);
    candidateRuleSets = List.copyOf(candidateRuleSets);
    pools = List.copyOf(pools);
    affected = List.copyOf(affected);
  }

  /** True when no pool differs: same final statuses and same month-end member counts everywhere. */
  public boolean identical() {
    return pools.stream().noneMatch(PoolDiff::differs);
  }
}
