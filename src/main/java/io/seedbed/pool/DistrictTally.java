package io.seedbed.pool;

import io.seedbed.rule.Pool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of members, candidates and suspended enterprises per district and pool, kept from the
 * membership transitions. A Flink POJO, so a keyed operator can hold it as state.
 */
public class DistrictTally {
  /** District for enterprises without a district or with one the city does not list. */
  public static final String UNKNOWN = "unknown";

  /** Key {@code district|pool}. */
  public Map<String, DistrictProgress> rows = new HashMap<>();

  public DistrictTally() {}

  /** Applies one transition and returns the rows whose counts changed (copies). */
  public List<DistrictProgress> apply(Transition t, PoolSettings s) {
    List<DistrictProgress> changed = new ArrayList<>();
    if (t.fromStatus != null && t.fromStatus.equals(t.toStatus)) {
      return changed;
    }
    String district = districtOf(t.district, s);
    DistrictProgress row = rows.computeIfAbsent(district + "|" + t.pool, k -> {
      DistrictProgress r = new DistrictProgress();
      r.district = district;
      r.pool = t.pool;
      r.target = UNKNOWN.equals(district) ? null : s.target(district, Pool.of(t.pool));
      return r;
    });
    boolean moved = count(row, t.fromStatus, -1) | count(row, t.toStatus, +1);
    if (moved) {
      changed.add(copy(row));
    }
    return changed;
  }

  /** The configured district, or {@link #UNKNOWN}. */
  public static String districtOf(String code, PoolSettings s) {
    for (District d : s.districts()) {
      if (d.code().equals(code)) {
        return code;
      }
    }
    return UNKNOWN;
  }

  private static boolean count(DistrictProgress row, String status, int delta) {
    if (status == null) {
      return false;
    }
    switch (status) {
      case "member" -> row.members += delta;
      case "candidate" -> row.candidates += delta;
      case "suspended" -> row.suspended += delta;
      default -> {
        return false;
      }
    }
    return true;
  }

  private static DistrictProgress copy(DistrictProgress r) {
    DistrictProgress c = new DistrictProgress();
    c.district = r.district;
    c.pool = r.pool;
    c.members = r.members;
    c.candidates = r.candidates;
    c.suspended = r.suspended;
    c.target = r.target;
    return c;
  }
}
