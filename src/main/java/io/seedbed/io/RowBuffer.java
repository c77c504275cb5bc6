package io.seedbed.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows waiting for one transaction. For a current-state table ({@link OutputTable.Mode#UPSERT},
 * {@link OutputTable.Mode#UPSERT_OR_DELETE}) only the last row of each primary key is kept: the
 * table ends in the same state whether the earlier rows are written or not, and an enterprise's
 * {@code indicator_snapshot} row, rewritten by most of its records, then costs one statement per
 * flush instead of one per record. Rows of different keys keep the order of their last write.
 * Append-only tables ({@link OutputTable.Mode#INSERT_ONCE}) keep every row in arrival order.
 *
 * <p>Compacting also keeps every key once per statement batch, which PostgreSQL requires of a
 * multi-row {@code INSERT ... ON CONFLICT DO UPDATE} (pgjdbc's {@code reWriteBatchedInserts}).
 */
final class RowBuffer<T> {
  private final OutputTable<T> table;
  private final boolean keepLastPerKey;
  private final List<OutputTable.Getter<T>> keyGetters = new ArrayList<>();
  private final List<T> rows = new ArrayList<>();
  private final Map<List<Object>, T> lastByKey = new LinkedHashMap<>();

  RowBuffer(OutputTable<T> table) {
    this.table = table;
    this.keepLastPerKey = table.mode != OutputTable.Mode.INSERT_ONCE;
    for (String k : table.key) {
      keyGetters.add(table.column(k).getter());
    }
  }

  void add(T row) {
    if (!keepLastPerKey) {
      rows.add(row);
      return;
    }
    List<Object> key = keyOf(row);
    lastByKey.remove(key); // re-inserted below: a key's position is that of its last write
    lastByKey.put(key, row);
  }

  /** Rows waiting (distinct keys for a current-state table). */
  int size() {
    return keepLastPerKey ? lastByKey.size() : rows.size();
  }

  boolean isEmpty() {
    return size() == 0;
  }

  /** The rows to write, in order; the buffer is empty afterwards. */
  List<T> drain() {
    List<T> out = keepLastPerKey ? new ArrayList<>(lastByKey.values()) : new ArrayList<>(rows);
    rows.clear();
    lastByKey.clear();
    return out;
  }

  /** Drops every row without writing it. */
  void clear() {
    rows.clear();
    lastByKey.clear();
  }

  private List<Object> keyOf(T row) {
    Object[] values = new Object[keyGetters.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = keyGetters.get(i).apply(row);
    }
    return Arrays.asList(values);
  }

  @Override
  public String toString() {
    return table.name + " buffer of " + size() + " rows";
  }
}
