package io.seedbed.testing;

import io.seedbed.io.Database;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Order-independent proof that no pool change was lost or doubled: for every enterprise and pool,
 * the pool_change rows in event-time order form one unbroken chain (first from null, each
 * from_status equal to the previous to_status), and the chain ends at pool_membership's status.
 * A lost change leaves a gap; a change emitted twice (e.g. replayed with a different event time)
 * repeats a from_status.
 */
public final class ChangeChains {
  private ChangeChains() {}

  /** Every broken chain, described; empty when all chains are whole. */
  public static List<String> breaks(Database db) throws SQLException {
    Map<String, String> last = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> c : TestPostgres.query(db, "SELECT uscc, pool, from_status, to_status, "
        + "event_time, change_id FROM pool_change ORDER BY uscc, pool, event_time, change_id")) {
      String key = c.get("uscc") + "/" + c.get("pool");
      String from = (String) c.get("from_status");
      if (!Objects.equals(last.get(key), from)) {
        problems.add(key + ": change " + c.get("change_id") + " at " + c.get("event_time") + " goes from "
            + from + " but the previous change ended at " + last.get(key));
      }
      last.put(key, (String) c.get("to_status"));
    }
    for (Map<String, Object> m : TestPostgres.query(db, "SELECT uscc, pool, status FROM pool_membership")) {
      String key = m.get("uscc") + "/" + m.get("pool");
      if (!Objects.equals(last.remove(key), m.get("status"))) {
        problems.add(key + ": membership is " + m.get("status") + " but the changes end at " + last.get(key));
      }
    }
    last.forEach((key, status) -> problems.add(key + ": changes end at " + status + " but no membership row"));
    return problems;
  }
}
