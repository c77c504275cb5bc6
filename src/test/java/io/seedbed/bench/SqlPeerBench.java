package io.seedbed.bench;

import io.seedbed.cli.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;

/**
 * {@code bench/sql-peer.sh}: the nightly alternative, timed. Loads a city's feeds into a fresh
 * embedded PostgreSQL ({@link SqlPeer#load}), then times one full recompute (bench/sql/peer.sql)
 * and compares it with the time Seedbed needs to absorb one more month of data: a month's records
 * (the accepted lines ÷ the months the city covers) at Seedbed's measured end-to-end rate.
 *
 * <p>Usage: {@code SqlPeerBench FEEDS_DIR MONTHS SEEDBED_EVENTS_PER_S WORK_DIR RESULTS_TSV LABEL}
 */
public final class SqlPeerBench {
  private SqlPeerBench() {}

  public static void main(String[] args) throws Exception {
    Path feeds = Path.of(args[0]);
    int months = Integer.parseInt(args[1]);
    double seedbedPerSecond = Double.parseDouble(args[2]);
    Path work = Path.of(args[3]).toAbsolutePath();
    Path results = Path.of(args[4]);
    String label = args[5];
    SqlPeer peer = new SqlPeer(Path.of("").toAbsolutePath());
    try (EmbeddedDatabase pg = EmbeddedDatabase.start(work); Connection c = pg.database().connect()) {
      peer.createTables(c);
      long t0 = System.nanoTime();
      long accepted = peer.load(c, feeds);
      double loadSeconds = (System.nanoTime() - t0) / 1e9;
      // Progress on stderr as it happens (sql-peer.sh keeps only stdout's last line as the result).
      System.err.printf("%s loaded %,d accepted records in %.1f s%n", Instant.now(), accepted, loadSeconds);
      long t1 = System.nanoTime();
      peer.recompute(c, (first, s) -> System.err.printf("%s %8.1f s  %s%n", Instant.now(), s, first));
      double recomputeSeconds = (System.nanoTime() - t1) / 1e9;
      long srdi;
      long gazelle;
      long enterprises;
      try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
          "SELECT count(*), count(*) FILTER (WHERE srdi_eligible), count(*) FILTER (WHERE gazelle_eligible) FROM peer.verdict")) {
        rs.next();
        enterprises = rs.getLong(1);
        srdi = rs.getLong(2);
        gazelle = rs.getLong(3);
      }
      double monthEvents = (double) accepted / months;
      double seedbedMonthSeconds = monthEvents / seedbedPerSecond;
      String line = String.join("\t", Instant.now().toString(), label, Long.toString(enterprises),
          Long.toString(accepted), String.format("%.1f", loadSeconds), String.format("%.1f", recomputeSeconds),
          String.format("%.0f", monthEvents), String.format("%.0f", seedbedPerSecond),
          String.format("%.1f", seedbedMonthSeconds), String.format("%.2f", recomputeSeconds / seedbedMonthSeconds),
          Long.toString(srdi), Long.toString(gazelle));
      if (!Files.exists(results)) {
        Files.writeString(results, String.join("\t", "date", "size", "enterprises", "accepted_records",
            "load_s", "recompute_s", "records_per_month", "seedbed_events_per_s", "seedbed_month_s",
            "ratio_recompute_over_month", "srdi_eligible", "gazelle_eligible") + "\n");
      }
      Files.writeString(results, line + "\n", StandardOpenOption.APPEND);
      System.out.println(line);
    }
  }
}
