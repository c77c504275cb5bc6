package io.seedbed.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedbed.feed.Json;
import io.seedbed.io.Database;
import io.seedbed.io.OutputTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A table's rows in a canonical text form (sorted; wall-clock columns left out; timestamps as
 * instants, numbers as doubles, JSON normalised), so that two runs, or PostgreSQL and the JSON-lines
 * output, can be compared row for row.
 */
public final class TableDump {
  /** Columns that hold the time a row was written, which no two runs share. */
  public static final Set<String> WALL_CLOCK = Set.of("updated_at", "recorded_at", "received_at");

  private TableDump() {}

  /** Every table: name → its canonical rows. */
  public static java.util.Map<String, List<String>> of(Database db) throws Exception {
    java.util.Map<String, List<String>> tables = new java.util.LinkedHashMap<>();
    for (OutputTable<?> t : io.seedbed.io.OutputTables.ALL) {
      tables.put(t.name, fromDatabase(db, t));
    }
    return tables;
  }

  public static List<String> fromDatabase(Database db, OutputTable<?> table) throws Exception {
    TreeSet<String> rows = new TreeSet<>();
    try (Connection c = db.connect(); Statement st = c.createStatement();
         ResultSet rs = st.executeQuery("SELECT * FROM " + table.name)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder();
        for (OutputTable.Column<?> col : table.columns) {
          if (WALL_CLOCK.contains(col.name())) {
            continue;
          }
          Object v = rs.getObject(col.name());
          sb.append(col.name()).append('=').append(canonical(col.type(), v)).append(' ');
        }
        rows.add(sb.toString());
      }
      if (md.getColumnCount() == 0) {
        throw new IllegalStateException(table.name + " has no columns");
      }
    }
    return new ArrayList<>(rows);
  }

  /** Rows computed in the test, in the same canonical form (as if written and read back). */
  public static <T> List<String> fromRows(OutputTable<T> table, List<T> rows) throws Exception {
    TreeSet<String> out = new TreeSet<>();
    for (T row : rows) {
      java.util.Map<String, Object> json = table.toJsonRow(row, Instant.EPOCH);
      StringBuilder sb = new StringBuilder();
      for (OutputTable.Column<?> col : table.columns) {
        if (WALL_CLOCK.contains(col.name())) {
          continue;
        }
        Object v = json.get(col.name());
        if (v instanceof JsonNode node) {
          v = node.toString();
        }
        sb.append(col.name()).append('=').append(canonical(col.type(), v)).append(' ');
      }
      out.add(sb.toString());
    }
    return new ArrayList<>(out);
  }

  public static List<String> fromJsonLines(Path dir, OutputTable<?> table) throws Exception {
    TreeSet<String> rows = new TreeSet<>();
    Path file = dir.resolve(table.name + ".jsonl");
    if (!Files.exists(file)) {
      return List.of();
    }
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      JsonNode n = Json.MAPPER.readTree(line);
      StringBuilder sb = new StringBuilder();
      for (OutputTable.Column<?> col : table.columns) {
        if (WALL_CLOCK.contains(col.name())) {
          continue;
        }
        JsonNode v = n.get(col.name());
        Object value = v == null || v.isNull() ? null
            : col.type() == OutputTable.Type.JSONB ? v.toString()
            : v.isNumber() ? (Object) v.doubleValue()
            : v.asText();
        sb.append(col.name()).append('=').append(canonical(col.type(), value)).append(' ');
      }
      rows.add(sb.toString());
    }
    return new ArrayList<>(rows);
  }

  /** JSON with keys sorted and every number a double: PostgreSQL's jsonb reorders and reformats. */
  static JsonNode normalise(JsonNode n) {
    if (n.isObject()) {
      com.fasterxml.jackson.databind.node.ObjectNode out = Json.MAPPER.createObjectNode();
      java.util.TreeMap<String, JsonNode> sorted = new java.util.TreeMap<>();
      n.fields().forEachRemaining(e -> sorted.put(e.getKey(), normalise(e.getValue())));
      sorted.forEach(out::set);
      return out;
    }
    if (n.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode out = Json.MAPPER.createArrayNode();
      n.forEach(e -> out.add(normalise(e)));
      return out;
    }
    if (n.isNumber()) {
      return Json.MAPPER.getNodeFactory().numberNode(n.doubleValue());
    }
    return n;
  }

  private static String canonical(OutputTable.Type type, Object v) throws Exception {
    if (v == null) {
      return "null";
    }
    switch (type) {
      case TIMESTAMPTZ:
        if (v instanceof OffsetDateTime odt) {
          return odt.toInstant().toString();
        }
        if (v instanceof java.sql.Timestamp ts) {
          return ts.toInstant().toString();
        }
        return Instant.parse(v.toString()).toString();
      case DOUBLE:
      case INT:
        return String.valueOf(((Number) (v instanceof Number ? v : Double.parseDouble(v.toString())))
            .doubleValue());
      case JSONB:
        return normalise(Json.MAPPER.readTree(v.toString())).toString();
      case DATE:
        return v.toString();
      default:
        return v.toString();
    }
  }
}
