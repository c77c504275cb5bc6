package io.seedbed.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the output tables from {@code config/schema.sql} before the job starts (the tables must
 * exist before the first write: a failing JDBC write can take a TaskManager down, stack.md G3).
 */
public final class Schema {
  private Schema() {}

  /** Runs every statement of {@code schemaSql} (idempotent DDL) on {@code connection}. */
  public static void apply(Connection connection, Path schemaSql) throws IOException, SQLException {
    for (String statement : statements(Files.readString(schemaSql, StandardCharsets.UTF_8))) {
      try (Statement st = connection.createStatement()) {
        st.execute(statement);
      } catch (SQLException e) {
        throw new SQLException(schemaSql + ": " + e.getMessage() + "\n  in: " + statement, e);
      }
    }
  }

  /** The statements of a script: split at a semicolon that ends a line; comment lines dropped. */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String s = current.toString().strip();
        out.add(s.substring(0, s.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }
}
