package io.seedbed.io;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where the outputs go: a PostgreSQL URL and user. The password is never written in a config or job
 * file: it is read from the environment variable ({@code --jdbc-password-env}) or the file (for
 * example a mounted secret, {@code --jdbc-password-file}) named by the operator, and it never appears
 * in {@link #toString()}, logs or error messages.
 */
public final class Database implements Serializable {
  private static final long serialVersionUID = 1L;

  public final String url;
  public final String user;
  /** The password itself (resolved from the environment on the client); never logged. */
  private final String password;

  public Database(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** A database whose password comes from the environment variable {@code passwordEnv} (may be null). */
  public static Database fromEnv(String url, String user, String passwordEnv) {
    String password = null;
    if (passwordEnv != null) {
      password = System.getenv(passwordEnv);
      if (password == null) {
        throw new IllegalArgumentException("environment variable " + passwordEnv
            + " (named by --jdbc-password-env) is not set");
      }
    }
    return new Database(url, user, password);
  }

  /** A database whose password is the first line of the file {@code passwordFile} (may be null). */
  public static Database fromFile(String url, String user, Path passwordFile) {
    if (passwordFile == null) {
      return new Database(url, user, null);
    }
    try {
      String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      String password = (end < 0 ? text : text.substring(0, end)).strip();
      if (password.isEmpty()) {
        throw new IllegalArgumentException("password file " + passwordFile
            + " (named by --jdbc-password-file) is empty");
      }
      return new Database(url, user, password);
    } catch (IOException e) {
      // The exception's own message names only the path, never the content.
      throw new IllegalArgumentException("cannot read password file " + passwordFile
          + " (named by --jdbc-password-file): " + e.getClass().getSimpleName(), e);
    }
  }

  public String password() {
    return password;
  }

  /**
   * A new connection. Its error messages come from the driver and name the URL and user, never the
   * password (checked by DatabaseSecretsIT).
   */
  public Connection connect() throws SQLException {
    Properties p = new Properties();
    // One multi-row INSERT per JDBC batch instead of one statement per row (RowBuffer keeps a
    // key once per batch, as a multi-row ON CONFLICT DO UPDATE requires). A URL may override it.
    p.setProperty("reWriteBatchedInserts", "true");
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    return DriverManager.getConnection(url, p);
  }

  /** The URL and user, for messages; the password never appears. */
  @Override
  public String toString() {
    return url + " as " + user + (password == null ? "" : " (password set)");
  }
}
