package io.seedbed.backtest;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pool compared between the runs.
 *
 * @param baselineStatus uscc → final status under the baseline rules, for every enterprise tracked
 *     (sorted by uscc, as is every map here)
 * @param candidateStatus the same under the candidate rules
 * @param enters uscc of the enterprises that are members only under the candidate rules, sorted
 * @param leaves uscc of the enterprises that are members only under the baseline rules, sorted
 * @param changesStatus uscc of the enterprises with other differing statuses ({@link DiffKind}), sorted
 * @param byDistrict district → counts; empty when no district lookup was given
 * @param series members at the end of every month of the compared period, both runs
 */
public record PoolDiff(String pool, Map<String, String> baselineStatus,
    Map<String, String> candidateStatus, List<String> enters, List<String> leaves,
    List<String> changesStatus, Map<String, DistrictCounts> byDistrict,
    List<MonthCount> series) {

  /** The status that counts as being in the pool (入库). */
  public static final String MEMBER = "member";

  public PoolDiff {
    baselineStatus = frozen(baselineStatus);
    candidateStatus = frozen(candidateStatus);
    enters = List.copyOf(enters);
    leaves = List.copyOf(leaves);
    changesStatus = List.copyOf(changesStatus);
    byDistrict = frozen(byDistrict);
    series = List.copyOf(series);
  }

  private static <V> Map<String, V> frozen(Map<String, V> map) {
    return Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }

  public int baselineMembers() {
    return members(baselineStatus);
  }

  public int candidateMembers() {
    return members(candidateStatus);
  }

  /** Whether any final status or any month-end member count differs. */
  public boolean differs() {
    if (!enters.isEmpty() || !leaves.isEmpty() || !changesStatus.isEmpty()) {
      return true;
    }
    return series.stream().anyMatch(m -> m.baseline() != m.candidate());
  }

  private static int members(Map<String, String> statuses) {
    return (int) statuses.values().stream().filter(MEMBER::equals).count();
  }
}
