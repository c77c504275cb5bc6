package io.seedbed.cli;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Pool sizes against the plan's targets, and the most promising candidates. */
final class PoolReport {
  private PoolReport() {}

  static void print(PrintStream out, Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      out.println("Pools (members / suspended / candidates, target):");
      try (ResultSet rs = st.executeQuery(
          "SELECT m.pool, count(*) FILTER (WHERE m.status = 'member') AS members,"
              + " count(*) FILTER (WHERE m.status = 'suspended') AS suspended,"
              + " count(*) FILTER (WHERE m.status = 'candidate') AS candidates,"
              + " (SELECT sum(target) FROM district_progress d WHERE d.pool = m.pool) AS target"
              + " FROM pool_membership m GROUP BY m.pool ORDER BY m.pool")) {
        while (rs.next()) {
          Object target = rs.getObject("target");
          out.printf("  %-16s %6d / %4d / %5d   target %s%n", rs.getString("pool"), rs.getLong("members"),
              rs.getLong("suspended"), rs.getLong("candidates"), target == null ? "-" : target);
        }
      }
      out.println("Top candidates:");
      try (ResultSet rs = st.executeQuery(
          "SELECT uscc, pool, potential, met, total, projected_date FROM candidate"
              + " ORDER BY potential DESC, uscc LIMIT 10")) {
        while (rs.next()) {
          out.printf("  %s %-16s potential %5.1f  met %d/%d%s%n", rs.getString("uscc"), rs.getString("pool"),
              rs.getDouble("potential"), rs.getInt("met"), rs.getInt("total"),
              rs.getDate("projected_date") == null ? "" : "  projected " + rs.getDate("projected_date"));
        }
      }
    }
  }
}
