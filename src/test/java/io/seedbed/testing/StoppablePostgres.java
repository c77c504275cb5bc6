package io.seedbed.testing;

import io.seedbed.io.Database;
import io.seedbed.io.Schema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A PostgreSQL that a test can stop and start again on the same data directory and port (an
 * outage), optionally with password authentication for every user but the superuser.
 */
public final class StoppablePostgres implements AutoCloseable {
  private final Path dataDir;
  private final Path hbaFile;
  private final int port;
  private EmbeddedPostgres pg;

  /** @param passwords whether non-superusers must give a password (scram-sha-256) */
  public StoppablePostgres(Path workDir, boolean passwords) throws IOException {
    this.dataDir = workDir.resolve("pg-data");
    this.port = freePort();
    if (passwords) {
      hbaFile = workDir.resolve("pg_hba.conf");
      Files.writeString(hbaFile, "host all postgres 127.0.0.1/32 trust\n"
          + "host all all 127.0.0.1/32 scram-sha-256\n");
    } else {
      hbaFile = null;
    }
  }

  public synchronized void start() throws IOException {
    EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("fsync", "off");
    if (hbaFile != null) {
      b.setServerConfig("hba_file", hbaFile.toString());
    }
    pg = b.start();
  }

  /** Stops the server (fast shutdown: open connections are cut, as in a crash of the link). */
  public synchronized void stop() throws IOException {
    if (pg != null) {
      pg.close();
      pg = null;
    }
  }

  /** The superuser's database with config/schema.sql applied. */
  public Database database() throws Exception {
    Database db = new Database("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
    try (Connection c = db.connect()) {
      Schema.apply(c, ProjectFiles.path("config/schema.sql"));
    }
    return db;
  }

  /** Creates a login role with a password (in seedbed_writer) and returns it as a database. */
  public Database login(String user, String password) throws Exception {
    Database admin = database();
    try (Connection c = admin.connect(); Statement st = c.createStatement()) {
      st.execute("DROP ROLE IF EXISTS " + user);
      st.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "' IN ROLE seedbed_writer");
    }
    return new Database(admin.url, user, password);
  }

  @Override
  public void close() throws IOException {
    stop();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
