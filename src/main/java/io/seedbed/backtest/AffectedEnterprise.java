package io.seedbed.backtest;

import java.util.List;

/**
 * An enterprise whose final status in one pool differs between the runs, with the last change of
 * each run (null when the run never tracked it for this pool): its status, reason and the criteria
 * that decided.
 *
 * @param district the enterprise's district, or null when no district lookup was given or it has none
 * @param differingCriteria criterion names whose {@code passed} differs between the two last changes
 *     (a criterion evaluated in only one of them counts as differing); empty when only one run
 *     tracked the enterprise, since there is nothing to compare against
 */
public record AffectedEnterprise(String uscc, String pool, String district, DiffKind kind,
    PoolChangeRow baselineLast, PoolChangeRow candidateLast, List<String> differingCriteria) {

  public AffectedEnterprise {
    differingCriteria = List.copyOf(differingCriteria);
  }

  /** Final status under the baseline rules, or null when not tracked. */
  public String baselineStatus() {
    return baselineLast == null ? null : baselineLast.toStatus();
  }

  /** Final status under the candidate rules, or null when not tracked. */
  public String candidateStatus() {
    return candidateLast == null ? null : candidateLast.toStatus();
  }
}
