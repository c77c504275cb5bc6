package io.seedbed.io;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Where the outputs go: a PostgreSQL URL and user. The password is never written in a file: it is
 * read from the environment variable named by the operator ({@code --jdbc-password-env}).
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

  public String password() {
    return password;
  }

  public Connection connect() throws SQLException {
    Properties p = new Properties();
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
    return url + " as " + user;
  }
}
