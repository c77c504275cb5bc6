package io.seedbed.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedbed.testing.ProjectFiles;
import io.seedbed.testing.StoppablePostgres;
import io.seedbed.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer of {@link ResilientJdbcSink} against a real PostgreSQL that the test stops and starts:
 * ordered upserts, an outage ridden out, giving up after the retry window without throwing from
 * close, and a wrong password that fails at once without the password in the message or the log.
 */
class ResilientJdbcSinkIT {
  /** A tiny table: key and value, upserted. */
  record Kv(String k, int v) {}

  static final OutputTable<Kv> KV = OutputTable.<Kv>builder("kv", OutputTable.Mode.UPSERT)
      .column("k", OutputTable.Type.TEXT, Kv::k)
      .column("v", OutputTable.Type.INT, Kv::v)
      .key("k")
      .build();

  static final ResilientJdbcSink.Settings QUICK = new ResilientJdbcSink.Settings(
      100, Duration.ofMillis(200), Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofMillis(500));

  @TempDir static Path work;
  static StoppablePostgres pg;
  static Database db;

  @BeforeAll
  static void start() throws Exception {
    pg = new StoppablePostgres(work, true);
    pg.start();
    db = pg.database();
  }

  @AfterAll
  static void stop() throws IOException {
    pg.close();
  }

  @BeforeEach
  void emptyTable() throws Exception {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE IF NOT EXISTS kv (k text PRIMARY KEY, v integer)");
      st.execute("TRUNCATE kv");
    }
  }

  private static ResilientJdbcWriter<Kv> writer(Database target, ResilientJdbcSink.Settings s) {
    return new ResilientJdbcWriter<>(KV, target, s, null, UnaryOperator.identity());
  }

  private static Map<String, Object> rows() throws Exception {
    Map<String, Object> out = new java.util.TreeMap<>();
    for (Map<String, Object> r : TestPostgres.query(db, "SELECT k, v FROM kv")) {
      out.put((String) r.get("k"), r.get("v"));
    }
    return out;
  }

  @Test
  void rowsOfOneKeyKeepTheirOrderWithinAndAcrossBatches() throws Exception {
    ResilientJdbcWriter<Kv> w = writer(db, new ResilientJdbcSink.Settings(
        2, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMillis(100)));
    for (Kv kv : List.of(new Kv("a", 1), new Kv("b", 1), new Kv("a", 2), new Kv("a", 3), new Kv("b", 2))) {
      w.write(kv, null);
    }
    w.flush(true);
    w.close();
    assertThat(rows()).isEqualTo(Map.of("a", 3, "b", 2));
  }

  @Test
  void anOutageIsRiddenOutAndNothingIsLost() throws Exception {
    ResilientJdbcWriter<Kv> w = writer(db, QUICK);
    w.write(new Kv("before", 1), null);
    w.flush(false);
    pg.stop();
    Thread restart = new Thread(() -> {
      try {
        Thread.sleep(3000);
        pg.start();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    restart.start();
    w.write(new Kv("during", 2), null);
    w.write(new Kv("before", 3), null);
    long started = System.nanoTime();
    w.flush(false); // blocks, retrying, until the database is back
    restart.join();
    w.close();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(2));
    assertThat(rows()).isEqualTo(Map.of("before", 3, "during", 2));
  }

  @Test
  void afterTheRetryWindowTheTaskFailsButCloseNeverThrows() throws Exception {
    ResilientJdbcWriter<Kv> w = writer(db, QUICK.withRetryFor(Duration.ofSeconds(1)));
    pg.stop();
    try {
      w.write(new Kv("x", 1), null);
      assertThatThrownBy(() -> w.flush(false))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("kv: writing 1 rows to " + db + " failed for PT1S");
      assertThatCode(w::close).doesNotThrowAnyException();
    } finally {
      pg.start();
    }
  }

  @Test
  void aWrongPasswordFailsAtOnceAndIsNeverShown() throws Exception {
    String secret = "Wr0ng-Pa55-" + System.nanoTime();
    Database right = pg.login("seedbed_app", "R1ght-Pa55");
    Database wrong = new Database(right.url, right.user, secret);
    ResilientJdbcWriter<Kv> w = writer(wrong, QUICK);
    w.write(new Kv("x", 1), null);
    long started = System.nanoTime();
    Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> w.flush(false));
    w.close();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no retries for a bad password")
        .isLessThan(Duration.ofSeconds(10));
    assertThat(failure).isInstanceOf(IOException.class).hasMessageContaining("password authentication failed");
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(secret);
    }
    assertThat(wrong.toString()).doesNotContain(secret).contains("seedbed_app");
    Path log = ProjectFiles.path("target/test.log");
    if (Files.exists(log)) {
      assertThat(Files.readString(log)).doesNotContain(secret);
    }
  }

  @Test
  void aPasswordFileIsReadAndItsContentNeverShown() throws Exception {
    Path file = work.resolve("pw");
    Files.writeString(file, "R1ght-Pa55\n");
    Database fromFile = Database.fromFile(db.url, "seedbed_app", file);
    assertThat(fromFile.password()).isEqualTo("R1ght-Pa55");
    assertThat(fromFile.toString()).doesNotContain("R1ght-Pa55");
    assertThatThrownBy(() -> Database.fromFile(db.url, "u", work.resolve("missing")))
        .hasMessageContaining("cannot read password file").hasMessageContaining("missing");
  }
}
