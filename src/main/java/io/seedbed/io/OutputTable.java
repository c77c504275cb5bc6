package io.seedbed.io;

import io.seedbed.feed.Json;
import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One output table of contract/outputs.md: its columns, primary key and write mode. The same
 * definition binds the JDBC statement and renders the JSON-lines row, so the two outputs cannot
 * drift apart. Wall-clock columns ({@code updated_at}, {@code recorded_at}) are filled at write time.
 */
public final class OutputTable<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How rows reach the table. */
  public enum Mode {
    /** Current state: insert, or replace the row with the same key. */
    UPSERT,
    /** Append-only log with deterministic keys: a replayed row is ignored. */
    INSERT_ONCE,
    /** Current state where a row can also be deleted ({@link #isDelete}). */
    UPSERT_OR_DELETE
  }

  /** Column types as PostgreSQL knows them. */
  public enum Type { TEXT, DOUBLE, INT, BOOLEAN, TIMESTAMPTZ, DATE, JSONB }

  /** Reads a column value from a row; serializable so the table can ship inside a Flink sink. */
  public interface Getter<T> extends Function<T, Object>, Serializable {}

  /** A row predicate that ships inside a Flink sink. */
  public interface RowTest<T> extends Predicate<T>, Serializable {}

  /** One column: name, type and how to read it. */
  public record Column<T>(String name, Type type, Getter<T> getter) implements Serializable {}

  public final String name;
  public final List<Column<T>> columns;
  public final List<String> key;
  public final Mode mode;
  /** The wall-clock column set at write time, or null. */
  public final String wallClockColumn;
  /** For {@link Mode#UPSERT_OR_DELETE}: whether a row is a deletion of its key. */
  public final RowTest<T> isDelete;

  private OutputTable(String name, List<Column<T>> columns, List<String> key, Mode mode,
      String wallClockColumn, RowTest<T> isDelete) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.key = List.copyOf(key);
    this.mode = mode;
    this.wallClockColumn = wallClockColumn;
    this.isDelete = isDelete;
  }

  public static <T> Builder<T> builder(String name, Mode mode) {
    return new Builder<>(name, mode);
  }

  /** Builds a table definition column by column. */
  public static final class Builder<T> {
    private final String name;
    private final Mode mode;
    private final List<Column<T>> columns = new ArrayList<>();
    private List<String> key = List.of();
    private String wallClock;
    private RowTest<T> isDelete;

    private Builder(String name, Mode mode) {
      this.name = name;
      this.mode = mode;
    }

    public Builder<T> column(String column, Type type, Getter<T> getter) {
      columns.add(new Column<>(column, type, getter));
      return this;
    }

    public Builder<T> key(String... keyColumns) {
      this.key = List.of(keyColumns);
      return this;
    }

    public Builder<T> wallClock(String column) {
      this.wallClock = column;
      return this;
    }

    public Builder<T> deleteWhen(RowTest<T> test) {
      this.isDelete = test;
      return this;
    }

    public OutputTable<T> build() {
      if (key.isEmpty()) {
        throw new IllegalStateException(name + ": a table needs a primary key");
      }
      if (mode == Mode.UPSERT_OR_DELETE && isDelete == null) {
        throw new IllegalStateException(name + ": UPSERT_OR_DELETE needs deleteWhen");
      }
      return new OutputTable<>(name, columns, key, mode, wallClock, isDelete);
    }
  }

  /** The parameterised statement that writes one row (deletes included, for UPSERT_OR_DELETE). */
  public String sql() {
    List<String> names = columns.stream().map(Column::name).collect(Collectors.toList());
    // Typed placeholders: in INSERT ... SELECT an untyped parameter would resolve to text.
    List<String> values = columns.stream().map(c -> c.type() == Type.JSONB ? "?::jsonb" : "?")
        .collect(Collectors.toList());
    if (wallClockColumn != null) {
      names.add(wallClockColumn);
      values.add("now()");
    }
    String insertCols = String.join(", ", names);
    String keyCols = String.join(", ", key);
    String updates = names.stream().filter(n -> !key.contains(n))
        .map(n -> n + " = EXCLUDED." + n).collect(Collectors.joining(", "));
    switch (mode) {
      case INSERT_ONCE:
        return "INSERT INTO " + name + " (" + insertCols + ") VALUES (" + String.join(", ", values)
            + ") ON CONFLICT (" + keyCols + ") DO NOTHING";
      case UPSERT:
        return "INSERT INTO " + name + " (" + insertCols + ") VALUES (" + String.join(", ", values)
            + ") ON CONFLICT (" + keyCols + ") DO UPDATE SET " + updates;
      case UPSERT_OR_DELETE:
      default:
        // One statement for both, so a batch keeps the order of upserts and deletes of one key:
        // the first parameter says whether the row is a deletion.
        String keyMatch = key.stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "));
        String selectValues = String.join(", ", values);
        return "WITH gone AS (DELETE FROM " + name + " WHERE ?::boolean AND " + keyMatch + ") "
            + "INSERT INTO " + name + " (" + insertCols + ") SELECT " + selectValues
            + " WHERE NOT ?::boolean ON CONFLICT (" + keyCols + ") DO UPDATE SET " + updates;
    }
  }

  /** Binds {@code row} to the statement of {@link #sql()}. */
  public void bind(PreparedStatement ps, T row) throws SQLException {
    int i = 1;
    if (mode == Mode.UPSERT_OR_DELETE) {
      boolean delete = isDelete.test(row);
      ps.setBoolean(i++, delete);
      for (String k : key) {
        Column<T> c = column(k);
        set(ps, i++, c.type(), c.getter().apply(row));
      }
      for (Column<T> c : columns) {
        set(ps, i++, c.type(), c.getter().apply(row));
      }
      ps.setBoolean(i, delete);
      return;
    }
    for (Column<T> c : columns) {
      set(ps, i++, c.type(), c.getter().apply(row));
    }
  }

  /** The row as JSON-lines keys and values (column names as keys), with the wall clock {@code now}. */
  public Map<String, Object> toJsonRow(T row, Instant now) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Column<T> c : columns) {
      Object v = c.getter().apply(row);
      if (v != null && c.type() == Type.JSONB) {
        try {
          v = Json.MAPPER.readTree((String) v);
        } catch (java.io.IOException e) {
          throw new IllegalStateException(name + "." + c.name() + " is not JSON: " + v, e);
        }
      }
      out.put(c.name(), v);
    }
    if (wallClockColumn != null) {
      out.put(wallClockColumn, now);
    }
    return out;
  }


  public Column<T> column(String columnName) {
    for (Column<T> c : columns) {
      if (c.name().equals(columnName)) {
        return c;
      }
    }
    throw new IllegalArgumentException(name + " has no column " + columnName);
  }

  private static void set(PreparedStatement ps, int i, Type type, Object v) throws SQLException {
    if (v == null) {
      ps.setNull(i, sqlType(type));
      return;
    }
    switch (type) {
      case TIMESTAMPTZ -> ps.setObject(i, OffsetDateTime.ofInstant((Instant) v, ZoneOffset.UTC));
      case DATE -> ps.setObject(i, v instanceof String s ? java.time.LocalDate.parse(s) : v);
      case JSONB -> ps.setObject(i, v.toString(), Types.OTHER);
      case DOUBLE -> ps.setDouble(i, ((Number) v).doubleValue());
      case INT -> ps.setInt(i, ((Number) v).intValue());
      case BOOLEAN -> ps.setBoolean(i, (Boolean) v);
      default -> ps.setString(i, v.toString());
    }
  }

  private static int sqlType(Type type) {
    return switch (type) {
      case TIMESTAMPTZ -> Types.TIMESTAMP_WITH_TIMEZONE;
      case DATE -> Types.DATE;
      case JSONB -> Types.OTHER;
      case DOUBLE -> Types.DOUBLE;
      case INT -> Types.INTEGER;
      case BOOLEAN -> Types.BOOLEAN;
      default -> Types.VARCHAR;
    };
  }
}
