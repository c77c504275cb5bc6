package io.seedbed.testing;

import io.seedbed.io.Database;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Order-free proof that no pool change was lost or doubled: for every enterprise and pool, the
 * pool_change rows, taken as edges from_status → to_status, must form one walk from "no status"
 * to pool_membership's status. That holds exactly when every status is left as often as it is
 * entered, except the start (left once more) and the end (entered once more). A lost change or a
 * change written twice under different ids breaks the balance. (Event time cannot order the walk:
 * several changes share one event time, and a late record's change carries an earlier one.)
 */
public final class ChangeChains {
  private static final String NONE = "(none)";

  private ChangeChains() {}

  /** Every unbalanced enterprise and pool, described; empty when all walks are whole. */
  public static List<String> breaks(Database db) throws SQLException {
    Map<String, Map<String, Integer>> balance = new TreeMap<>();
    for (Map<String, Object> c : TestPostgres.query(db, "SELECT uscc, pool, from_status, to_status FROM pool_change")) {
      Map<String, Integer> b = balance.computeIfAbsent(c.get("uscc") + "/" + c.get("pool"), k -> new HashMap<>());
      String from = c.get("from_status") == null ? NONE : (String) c.get("from_status");
      b.merge(from, 1, Integer::sum); // left
      b.merge((String) c.get("to_status"), -1, Integer::sum); // entered
    }
    for (Map<String, Object> m : TestPostgres.query(db, "SELECT uscc, pool, status FROM pool_membership")) {
      Map<String, Integer> b = balance.computeIfAbsent(m.get("uscc") + "/" + m.get("pool"), k -> new HashMap<>());
      // Close the walk: end → start, so a whole walk becomes a balanced cycle.
      b.merge((String) m.get("status"), 1, Integer::sum);
      b.merge(NONE, -1, Integer::sum);
    }
    List<String> problems = new ArrayList<>();
    balance.forEach((key, b) -> {
      b.values().removeIf(v -> v == 0);
      if (!b.isEmpty()) {
        problems.add(key + ": statuses left minus entered " + b);
      }
    });
    return problems;
  }
}
