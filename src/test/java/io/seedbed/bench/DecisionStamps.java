package io.seedbed.bench;

import io.seedbed.io.OutputTable;
import io.seedbed.io.OutputTables;
import io.seedbed.pipeline.SeedbedSinks;
import io.seedbed.pool.PoolChange;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Bench-only: wraps the real sinks and notes the wall-clock time each {@code pool_change} row
 * leaves the enterprise operator (a map chained to it, so the time of the decision), by change id.
 * With it {@link LatencyBench} knows which injected record decided a row: the enterprise's last one
 * injected before the decision with an event time not after the row's. The bench runs on a local
 * MiniCluster, in this JVM.
 */
final class DecisionStamps implements SeedbedSinks {
  private static final long serialVersionUID = 1L;

  /** change_id → wall-clock milliseconds when the row was emitted. */
  static final Map<String, Long> DECIDED_AT = new ConcurrentHashMap<>();

  private final SeedbedSinks inner;

  DecisionStamps(SeedbedSinks inner) {
    this.inner = inner;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> void write(OutputTable<T> table, DataStream<T> rows) {
    if (table == OutputTables.POOL_CHANGE) {
      DataStream<PoolChange> changes = (DataStream<PoolChange>) rows;
      rows = (DataStream<T>) changes.map(DecisionStamps::stamp).returns(PoolChange.class)
          .uid("bench-decision-stamps").name("Bench: note decision times");
    }
    inner.write(table, rows);
  }

  private static PoolChange stamp(PoolChange c) {
    DECIDED_AT.putIfAbsent(c.changeId, System.currentTimeMillis());
    return c;
  }
}
