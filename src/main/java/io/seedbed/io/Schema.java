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

  /**
   * The statements of a script: split at a semicolon that ends a line, except inside a
   * {@code $$}-quoted body (a {@code DO $$ ... $$;} block has semicolons of its own); comment lines
   * outside such bodies are dropped.
   */
  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean inDollarQuote = false;
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (!inDollarQuote && (trimmed.startsWith("--") || trimmed.isEmpty())) {
        continue;
      }
      current.append(line).append('\n');
      if (countDollarQuotes(line) % 2 == 1) {
        inDollarQuote = !inDollarQuote;
      }
      if (!inDollarQuote && trimmed.endsWith(";")) {
        String s = current.toString().strip();
        out.add(s.substring(0, s.length() - 1));
        current.setLength(0);
      }
    }
    if (inDollarQuote) {
      throw new IllegalArgumentException("schema script ends inside a $$-quoted block");
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  private static int countDollarQuotes(String line) {
    int n = 0;
    for (int i = line.indexOf("$$"); i >= 0; i = line.indexOf("$$", i + 2)) {
      n++;
    }
    return n;
  }
}
