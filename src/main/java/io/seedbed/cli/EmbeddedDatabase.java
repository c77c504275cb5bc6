package io.seedbed.cli;

import io.seedbed.io.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default: a PostgreSQL server started from the binaries on the classpath, with its
 * data in {@code ./.seedbed/pg} so the tables survive between runs. It listens on loopback only.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  /** The port tried first, so that the connect string stays the same from run to run. */
  public static final int PREFERRED_PORT = 54329;

  private final EmbeddedPostgres postgres;
  private final Path dataDir;

  private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  public static EmbeddedDatabase start(Path stateDir) throws IOException {
    Path dataDir = stateDir.resolve("pg").toAbsolutePath();
    Files.createDirectories(dataDir.getParent());
    // zonky unpacks the binaries to /tmp by default; keep them beside the data.
    System.setProperty("ot.epg.working-dir", stateDir.resolve("pg-bin").toAbsolutePath().toString());
    EmbeddedPostgres pg = EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        .setPort(freePort())
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("fsync", "off")
        .start();
    return new EmbeddedDatabase(pg, dataDir);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(PREFERRED_PORT)) {
      return PREFERRED_PORT;
    } catch (IOException busy) {
      try (ServerSocket s = new ServerSocket(0)) {
        return s.getLocalPort();
      } catch (IOException e) {
        throw new IllegalStateException("no free port for the embedded PostgreSQL", e);
      }
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
  }

  public Database database() {
    return new Database(jdbcUrl(), "postgres", null);
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
