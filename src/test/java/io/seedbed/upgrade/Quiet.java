package io.seedbed.upgrade;

import io.seedbed.io.Database;
import io.seedbed.io.OutputTable;
import io.seedbed.io.OutputTables;
import io.seedbed.testing.TestPostgres;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;

/** Waits until a streaming job's tables stop changing (rows or their content). */
final class Quiet {
  private Quiet() {}

  /**
   * Returns once some row exists and no table changed for {@code quiet}; fails after
   * {@code timeout}, or at once with the job's own error when the job ends (e.g. a restore that
   * cannot map the savepoint's state).
   */
  static void await(Database db, JobClient job, Duration quiet, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = null;
    long sameSince = System.nanoTime();
    while (true) {
      if (job.getJobStatus().get().isGloballyTerminalState()) {
        job.getJobExecutionResult().get(); // throws the job's failure
        throw new IllegalStateException("the job ended before its tables were quiet");
      }
      String now = fingerprint(db);
      if (!now.equals(last)) {
        last = now;
        sameSince = System.nanoTime();
      } else if (hasRows(now) && System.nanoTime() - sameSince > quiet.toNanos()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("tables still changing or empty after " + timeout + ": " + now);
      }
      Thread.sleep(300);
    }
  }

  private static boolean hasRows(String fingerprint) {
    return !fingerprint.replaceAll("[a-z_]+=0/0 ", "").isBlank();
  }

  /** Every table's row count and a hash of its rows (updated_at included: upserts show). */
  static String fingerprint(Database db) throws Exception {
    StringBuilder sb = new StringBuilder();
    for (OutputTable<?> t : OutputTables.ALL) {
      Map<String, Object> row = TestPostgres.query(db, "SELECT count(*) AS n, "
          + "coalesce(sum(hashtext(x::text)::bigint), 0) AS h FROM " + t.name + " x").get(0);
      sb.append(t.name).append('=').append(row.get("n")).append('/').append(row.get("h")).append(' ');
    }
    return sb.toString();
  }
}
