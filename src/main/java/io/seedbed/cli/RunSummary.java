package io.seedbed.cli;

import io.seedbed.feed.Feed;
import io.seedbed.io.Database;
import io.seedbed.pipeline.DecodeFunction;
import io.seedbed.pipeline.EnterpriseProcessor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** The end-of-run summary: what was read, what was rejected and why, what the pools look like. */
final class RunSummary {
  private RunSummary() {}

  static void print(PrintStream out, Map<String, Object> acc, Duration elapsed, Database db,
      EmbeddedDatabase embedded, Path outDir) {
    out.println();
    out.println("Seedbed run finished in " + formatDuration(elapsed));
    out.println("Records read per feed:");
    long total = 0;
    for (Feed f : Feed.DATA) {
      long n = number(acc.get(DecodeFunction.RECORDS_PREFIX + f.id()));
      total += n;
      out.printf("  %-9s %,12d%n", f.id(), n);
    }
    out.printf("  %-9s %,12d%n", "total", total);
    Map<String, Long> rejected = new TreeMap<>();
    acc.forEach((k, v) -> {
      if (k.startsWith(DecodeFunction.REJECTED_PREFIX) && number(v) > 0) {
        rejected.put(k.substring(DecodeFunction.REJECTED_PREFIX.length()), number(v));
      }
    });
    long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
    out.printf("Rejected: %,d (%s)%n", rejectedTotal, rejectedTotal == 0 ? "none" : "feed.reason below");
    rejected.forEach((k, v) -> out.printf("  %-32s %,8d%n", k, v));
    out.printf("Enterprises: %,d%n", number(acc.get(EnterpriseProcessor.ENTERPRISES)));
    printTables(out, db);
    if (outDir != null) {
      out.println("JSON lines: " + outDir.toAbsolutePath());
    }
    out.println();
    if (embedded != null) {
      out.println("The tables are in the embedded PostgreSQL (data in " + embedded.dataDir() + ").");
      out.println("Query them:  bin/seedbed db --sql \"SELECT pool, status, count(*) FROM pool_membership GROUP BY 1, 2\"");
      out.println("Or serve them for psql/BI tools:  bin/seedbed db   (it prints the psql command)");
    } else {
      out.println("The tables are in " + db + ".");
    }
  }

  private static void printTables(PrintStream out, Database db) {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      out.println("Rows in PostgreSQL:");
      for (String table : new String[] {"indicator_snapshot", "pool_membership", "pool_change",
          "candidate", "incident", "reward", "district_progress", "rejected_record"}) {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
          rs.next();
          out.printf("  %-20s %,10d%n", table, rs.getLong(1));
        }
      }
      PoolReport.print(out, c);
    } catch (SQLException e) {
      out.println("  (could not read the tables: " + e.getMessage() + ")");
    }
  }

  static long number(Object v) {
    return v instanceof Number n ? n.longValue() : 0L;
  }

  private static String formatDuration(Duration d) {
    long s = d.toSeconds();
    return s >= 60 ? (s / 60) + " min " + (s % 60) + " s" : (d.toMillis() / 1000.0) + " s";
  }
}
