package io.seedbed.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedbed.testing.ProjectFiles;
import io.seedbed.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** config/schema.sql's roles: a login in seedbed_reader can only read, one in seedbed_writer can write. */
class DatabaseRolesIT {
  static Database admin;
  static Database reader;
  static Database writer;

  @BeforeAll
  static void logins() throws Exception {
    admin = TestPostgres.freshDatabase();
    try (Connection c = admin.connect(); Statement st = c.createStatement()) {
      // Applying the schema twice must work: every statement is idempotent, roles included.
      Schema.apply(c, ProjectFiles.path("config/schema.sql"));
      st.execute("DROP ROLE IF EXISTS bi_tool");
      st.execute("DROP ROLE IF EXISTS pools_job");
      st.execute("CREATE ROLE bi_tool LOGIN PASSWORD 'bi-secret' IN ROLE seedbed_reader");
      st.execute("CREATE ROLE pools_job LOGIN PASSWORD 'job-secret' IN ROLE seedbed_writer");
      st.execute("INSERT INTO pool_change (change_id, uscc, pool, to_status, reason, event_time) "
          + "VALUES ('c1', 'u1', 'srdi', 'member', 'criteria_met', now())");
    }
    reader = new Database(admin.url, "bi_tool", "bi-secret");
    writer = new Database(admin.url, "pools_job", "job-secret");
  }

  @Test
  void aReaderCanSelect() throws Exception {
    assertThat(TestPostgres.count(reader, "pool_change")).isEqualTo(1);
    assertThat(TestPostgres.count(reader, "pool_membership")).isZero();
  }

  @Test
  void aReaderCannotInsertUpdateDeleteOrTruncate() {
    for (String sql : new String[] {
        "INSERT INTO pool_change (change_id, uscc, pool, to_status, reason, event_time) "
            + "VALUES ('c2', 'u1', 'srdi', 'member', 'criteria_met', now())",
        "UPDATE pool_change SET reason = 'x'",
        "DELETE FROM pool_change",
        "TRUNCATE pool_change",
        "DELETE FROM candidate"}) {
      assertThatThrownBy(() -> execute(reader, sql)).as(sql)
          .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
    }
  }

  @Test
  void aWriterCanWriteWhatTheJobWrites() {
    assertThatCode(() -> {
      execute(writer, "INSERT INTO pool_change (change_id, uscc, pool, to_status, reason, event_time) "
          + "VALUES ('c3', 'u2', 'srdi', 'member', 'criteria_met', now()) ON CONFLICT (change_id) DO NOTHING");
      execute(writer, "INSERT INTO pool_membership (uscc, pool, status, since, reason) "
          + "VALUES ('u2', 'srdi', 'member', now(), 'criteria_met') "
          + "ON CONFLICT (uscc, pool) DO UPDATE SET status = EXCLUDED.status");
      execute(writer, "DELETE FROM candidate WHERE uscc = 'u2'");
    }).doesNotThrowAnyException();
  }

  @Test
  void evenTheWriterCannotRewriteThePoolChangeLog() {
    assertThatThrownBy(() -> execute(writer, "DELETE FROM pool_change"))
        .hasMessageContaining("permission denied");
  }

  private static void execute(Database db, String sql) throws SQLException {
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }
}
