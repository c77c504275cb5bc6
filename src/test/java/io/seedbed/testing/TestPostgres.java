package io.seedbed.testing;

import io.seedbed.io.Database;
import io.seedbed.io.Schema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for the tests: one server per test JVM (started on first use, stopped at JVM
 * exit), and a fresh database with the schema for each caller of {@link #freshDatabase()}.
 */
public final class TestPostgres {
  private static EmbeddedPostgres server;
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private TestPostgres() {}

  private static synchronized EmbeddedPostgres server() throws Exception {
    if (server == null) {
      server = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
      EmbeddedPostgres s = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          s.close();
        } catch (Exception ignored) {
          // the JVM is exiting
        }
      }));
    }
    return server;
  }

  /** A new, empty database with {@code config/schema.sql} applied. */
  public static Database freshDatabase() throws Exception {
    EmbeddedPostgres pg = server();
    String name = "seedbed_test_" + COUNTER.incrementAndGet();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    }
    Database db = new Database("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + name, "postgres", null);
    try (Connection c = db.connect()) {
      Schema.apply(c, ProjectFiles.path("config/schema.sql"));
    }
    return db;
  }

  /** The server's port, for tests that need a second connection string. */
  public static int port() throws Exception {
    return server().getPort();
  }

  /** Every row of {@code sql} as column-name → value maps, in result order. */
  public static List<Map<String, Object>> query(Database db, String sql) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnName(i), rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  public static long count(Database db, String table) throws SQLException {
    return ((Number) query(db, "SELECT count(*) AS n FROM " + table).get(0).get("n")).longValue();
  }

}
