package io.seedbed.pipeline;

import io.seedbed.pool.EnterprisePools;
import io.seedbed.pool.MembershipStatus;
import io.seedbed.pool.PoolChange;
import io.seedbed.pool.PoolState;
import io.seedbed.rule.Pool;
import io.seedbed.rule.RuleBook;
import io.seedbed.rule.RuleSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * The enterprise operator's state-level metrics, per subtask (docs/operations.md, "Metrics"):
 * enterprises in state, pool sizes by pool and status, changes per pool, and the rule version in
 * force. Counts are kept as transitions happen (a few additions per change, nothing per read),
 * because counting keyed state would mean scanning it. They live in operator state so that a
 * restart or restore from a checkpoint or savepoint does not reset them to zero; after a rescale
 * the entries are redistributed, so each subtask's values are approximate while their sum over all
 * subtasks stays exact. Not thread-safe beyond what Flink's gauges need: the task thread writes,
 * the reporter thread reads.
 */
final class EnterpriseMetrics {
  static final ListStateDescriptor<Tuple2<String, Long>> COUNTS =
      new ListStateDescriptor<>("metric-counts", Types.TUPLE(Types.STRING, Types.LONG));
  private static final String ENTERPRISES = "enterprises";
  private static final String LATEST_EVENT_TIME = "latest-event-time";

  private long enterprises;
  /** Pool code -> status code -> enterprises with that status on this subtask. */
  private final Map<String, Map<String, long[]>> sizes = new HashMap<>();
  private final Map<String, Counter> changesByPool = new HashMap<>();
  private long latestEventTime = Long.MIN_VALUE;
  private volatile int ruleVersion;

  EnterpriseMetrics() {
    for (Pool pool : Pool.values()) {
      Map<String, long[]> byStatus = new HashMap<>();
      for (MembershipStatus status : MembershipStatus.values()) {
        byStatus.put(status.code(), new long[1]);
      }
      sizes.put(pool.code(), byStatus);
    }
  }

  /** The counts as last checkpointed by this operator (summed over the entries it was given). */
  void restore(Iterable<Tuple2<String, Long>> entries) {
    for (Tuple2<String, Long> e : entries) {
      if (e.f0.equals(ENTERPRISES)) {
        enterprises += e.f1;
      } else if (e.f0.equals(LATEST_EVENT_TIME)) {
        latestEventTime = Math.max(latestEventTime, e.f1);
      } else {
        long[] cell = cell(e.f0.substring(0, e.f0.indexOf('/')), e.f0.substring(e.f0.indexOf('/') + 1));
        if (cell != null) { // a pool or status this version no longer knows is dropped
          cell[0] += e.f1;
        }
      }
    }
  }

  void snapshot(ListState<Tuple2<String, Long>> state) throws Exception {
    state.clear();
    state.add(Tuple2.of(ENTERPRISES, enterprises));
    state.add(Tuple2.of(LATEST_EVENT_TIME, latestEventTime));
    sizes.forEach((pool, byStatus) -> byStatus.forEach((status, n) -> {
      if (n[0] != 0) {
        try {
          state.add(Tuple2.of(pool + "/" + status, n[0]));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }));
  }

  /** Registers the gauges and counters under the operator's {@code enterprise} group. */
  void register(MetricGroup enterprise) {
    enterprise.gauge("enterprisesInState", (Gauge<Long>) () -> enterprises);
    enterprise.gauge("ruleVersionInForce", (Gauge<Integer>) () -> ruleVersion);
    sizes.forEach((pool, byStatus) -> {
      MetricGroup poolGroup = enterprise.addGroup("pool", pool);
      changesByPool.put(pool, poolGroup.counter("changes"));
      byStatus.forEach((status, n) ->
          poolGroup.addGroup("status", status).gauge("enterprises", (Gauge<Long>) () -> n[0]));
    });
  }

  void firstSight() {
    enterprises++;
  }

  /** An enterprise's state was cleared: it leaves every pool count it was in. */
  void cleared(EnterprisePools pools) {
    enterprises--;
    if (pools != null) {
      for (Map.Entry<String, PoolState> e : pools.pools.entrySet()) {
        if (e.getValue().status != null) {
          add(e.getKey(), e.getValue().status.code(), -1);
        }
      }
    }
  }

  void changed(PoolChange change) {
    if (change.fromStatus != null) {
      add(change.pool, change.fromStatus, -1);
    }
    add(change.pool, change.toStatus, 1);
    Counter c = changesByPool.get(change.pool);
    if (c != null) {
      c.inc();
    }
  }

  /**
   * The rule set an evaluation used; the gauge follows the latest decision time seen (0 until the
   * first evaluation after a start).
   */
  void evaluatedUnder(Instant asOf, RuleSet ruleSet) {
    long t = asOf.toEpochMilli();
    if (t >= latestEventTime) {
      latestEventTime = t;
      ruleVersion = ruleSet.version();
    }
  }

  /** After a rule update, the version in force at the latest time seen may change. */
  void rulesChanged(RuleBook book) {
    if (latestEventTime != Long.MIN_VALUE) {
      RuleSet inForce = book.inForce(Instant.ofEpochMilli(latestEventTime));
      ruleVersion = inForce == null ? 0 : inForce.version();
    }
  }

  private void add(String pool, String status, long delta) {
    long[] cell = cell(pool, status);
    if (cell != null) {
      cell[0] += delta;
    }
  }

  private long[] cell(String pool, String status) {
    Map<String, long[]> byStatus = sizes.get(pool);
    return byStatus == null ? null : byStatus.get(status);
  }
}
