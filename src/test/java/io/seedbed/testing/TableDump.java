package io.seedbed.testing;

import io.seedbed.io.Database;
import io.seedbed.io.OutputTable;
import io.seedbed.pipeline.Pipeline;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every output table of a database as sorted text rows, wall-clock columns left out, so two runs
 * can be compared table by table with one assertion each.
 */
public final class TableDump {
  private TableDump() {}

  /** Table name → its rows ({@code col=value|...}), ordered by primary key. */
  public static Map<String, List<String>> of(Database db) throws SQLException {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    for (OutputTable<?> t : Pipeline.tables()) {
      String columns = t.columns.stream().map(OutputTable.Column::name).collect(Collectors.joining(", "));
      String sql = "SELECT " + columns + " FROM " + t.name + " ORDER BY " + String.join(", ", t.key);
      tables.put(t.name, TestPostgres.query(db, sql).stream()
          .map(row -> row.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("|")))
          .collect(Collectors.toList()));
    }
    return tables;
  }
}
