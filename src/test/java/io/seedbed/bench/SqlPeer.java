package io.seedbed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.seedbed.feed.Decoded;
import io.seedbed.feed.Feed;
import io.seedbed.feed.FeedDecoder;
import io.seedbed.feed.FeedRecord;
import io.seedbed.io.Schema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The SQL peer of the benchmarks: a nightly batch job's way of doing Seedbed's work. {@link #load}
 * lands the feed files in {@code peer.feed_record} (bench/sql/peer-tables.sql), {@link #recompute}
 * runs bench/sql/peer.sql (every indicator the srdi and gazelle criteria read, and both verdicts),
 * {@link #verdicts} reads the result.
 */
public final class SqlPeer {
  /** The srdi and gazelle verdicts of one enterprise, and the rule set they were taken under. */
  public record Verdict(String ruleSet, boolean srdi, boolean gazelle) {}

  private static final int COPY_CHUNK = 20_000;

  private final Path benchSql;

  /** @param projectDir the project folder (bench/sql and config/ are read from it) */
  public SqlPeer(Path projectDir) {
    this.benchSql = projectDir.resolve("bench/sql");
    this.configDir = projectDir.resolve("config");
  }

  private final Path configDir;

  /** Drops and creates the peer schema, with the SME table of config/sme-classification.yaml. */
  public void createTables(Connection c) throws IOException, SQLException {
    Schema.apply(c, benchSql.resolve("peer-tables.sql"));
    JsonNode sme = new ObjectMapper(new YAMLFactory())
        .readTree(configDir.resolve("sme-classification.yaml").toFile());
    try (PreparedStatement prefix = c.prepareStatement("INSERT INTO peer.sme_prefix VALUES (?, ?)");
        PreparedStatement bound = c.prepareStatement("INSERT INTO peer.sme_bound VALUES (?, ?, ?, ?, ?)")) {
      for (Iterator<Map.Entry<String, JsonNode>> it = sme.get("industryPrefixes").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        prefix.setString(1, e.getKey());
        prefix.setString(2, e.getValue().asText());
        prefix.addBatch();
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = sme.get("sectors").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> sector = it.next();
        for (String tier : new String[] {"smeCeiling", "medium", "small"}) {
          JsonNode b = sector.getValue().get(tier);
          bound.setString(1, sector.getKey());
          bound.setString(2, tier);
          bound.setObject(3, b.has("employees") ? b.get("employees").asDouble() : null, java.sql.Types.DOUBLE);
          bound.setObject(4, b.has("revenue") ? b.get("revenue").asDouble() : null, java.sql.Types.DOUBLE);
          bound.setObject(5, b.has("assets") ? b.get("assets").asDouble() : null, java.sql.Types.DOUBLE);
          bound.addBatch();
        }
      }
      prefix.executeBatch();
      bound.executeBatch();
    }
  }

  /**
   * Validates every line of the five feeds with the job's {@link FeedDecoder} and COPYs the
   * accepted ones into {@code peer.feed_record}; returns the number of lines accepted.
   */
  public long load(Connection c, Path feedsDir) throws IOException, SQLException {
    FeedDecoder decoder = new FeedDecoder(Clock.systemUTC());
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    String sql = "COPY peer.feed_record (uscc, kind, identity, event_time, body) FROM STDIN (FORMAT csv)";
    long accepted = 0;
    StringBuilder chunk = new StringBuilder();
    int inChunk = 0;
    for (Feed feed : Feed.DATA) {
      for (Path file : FeedLines.files(feedsDir, feed)) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            Decoded d = decoder.decode(feed, line);
            if (!d.ok()) {
              continue;
            }
            FeedRecord r = d.record();
            chunk.append(csv(r.uscc())).append(',').append(csv(r.kind())).append(',')
                .append(csv(r.identity())).append(',').append(r.eventTime()).append(',')
                .append(csv(line)).append('\n');
            accepted++;
            if (++inChunk == COPY_CHUNK) {
              copy.copyIn(sql, reader(chunk));
              chunk.setLength(0);
              inChunk = 0;
            }
          }
        }
      }
    }
    if (inChunk > 0) {
      copy.copyIn(sql, reader(chunk));
    }
    try (Statement st = c.createStatement()) {
      st.execute("ANALYZE peer.feed_record");
    }
    return accepted;
  }

  /**
   * One full recompute: bench/sql/peer.sql, statement by statement (a statement ends with a line
   * ending in ';'). Returns the seconds each statement took, by its first line.
   */
  public Map<String, Double> recompute(Connection c) throws IOException, SQLException {
    return recompute(c, (first, s) -> { });
  }

  /**
   * {@link #recompute(Connection)}, telling {@code onStatement} each statement's first line and
   * seconds as soon as it ends: at 10^6 one recompute can outlast a bench session, and the steps
   * done by then are the partial result.
   */
  public Map<String, Double> recompute(Connection c, BiConsumer<String, Double> onStatement)
      throws IOException, SQLException {
    Map<String, Double> seconds = new java.util.LinkedHashMap<>();
    StringBuilder statement = new StringBuilder();
    for (String line : Files.readAllLines(benchSql.resolve("peer.sql"), StandardCharsets.UTF_8)) {
      if (line.strip().startsWith("--") || line.isBlank()) {
        continue;
      }
      statement.append(line).append('\n');
      if (line.strip().endsWith(";")) {
        long t0 = System.nanoTime();
        try (Statement st = c.createStatement()) {
          st.execute(statement.toString());
        } catch (SQLException e) {
          throw new SQLException("bench/sql/peer.sql: " + e.getMessage() + "\n  in: " + statement, e);
        }
        String first = statement.toString().lines().findFirst().orElse("");
        double took = (System.nanoTime() - t0) / 1e9;
        seconds.merge(first, took, Double::sum);
        onStatement.accept(first, took);
        statement.setLength(0);
      }
    }
    return seconds;
  }

  /** The verdicts by USCC (enterprises without a rule set in force have a null rule set). */
  public Map<String, Verdict> verdicts(Connection c) throws SQLException {
    Map<String, Verdict> out = new TreeMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT uscc, rule_set, srdi_eligible, gazelle_eligible FROM peer.verdict")) {
      while (rs.next()) {
        out.put(rs.getString(1), new Verdict(rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)));
      }
    }
    return out;
  }

  private static String csv(String s) {
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static Reader reader(CharSequence s) {
    return new StringReader(s.toString());
  }
}
