package io.seedbed.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code seedbed db}: the embedded PostgreSQL of earlier runs. With {@code --sql} it runs one query
 * and prints the rows; without, it serves the database until Ctrl-C for psql or BI tools.
 */
public final class DbCommand {
  static final String USAGE = "usage: seedbed db [--sql QUERY] [--state-dir DIR]";

  private DbCommand() {}

  public static int run(String[] argv, PrintStream out) throws Exception {
    Args args = Args.parse(argv, Set.of("sql", "state-dir"), Set.of());
    Path stateDir = Path.of(args.get("state-dir", ".seedbed"));
    if (!Files.isDirectory(stateDir.resolve("pg"))) {
      out.println("No embedded database yet: run `bin/seedbed run` first.");
      return 1;
    }
    try (EmbeddedDatabase db = EmbeddedDatabase.start(stateDir)) {
      String sql = args.get("sql", null);
      if (sql == null) {
        out.println("Serving the embedded PostgreSQL: psql -h 127.0.0.1 -p " + db.port() + " -U postgres");
        out.println("JDBC: " + db.jdbcUrl() + " (user postgres). Ctrl-C stops it.");
        new CountDownLatch(1).await();
        return 0;
      }
      try (Connection c = db.database().connect(); Statement st = c.createStatement();
           ResultSet rs = st.executeQuery(sql)) {
        ResultSetMetaData md = rs.getMetaData();
        StringBuilder header = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          header.append(i > 1 ? " | " : "").append(md.getColumnName(i));
        }
        out.println(header);
        int rows = 0;
        while (rs.next()) {
          StringBuilder line = new StringBuilder();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            line.append(i > 1 ? " | " : "").append(rs.getString(i));
          }
          out.println(line);
          rows++;
        }
        out.println("(" + rows + " rows)");
      }
      return 0;
    }
  }
}
