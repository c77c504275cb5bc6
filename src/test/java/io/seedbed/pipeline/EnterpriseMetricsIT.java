package io.seedbed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.cli.generate.CityGenerator;
import io.seedbed.io.OutputTables;
import io.seedbed.pool.PoolMembership;
import io.seedbed.testing.CollectingSinks;
import io.seedbed.testing.PipelineRuns;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.groups.AbstractMetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The enterprise operator's metrics, read from Flink's metric registry (an in-memory reporter) after
 * a generated city ran in STREAMING mode at parallelism 2: summed over the subtasks, enterprises in
 * state, pool sizes and changes per pool equal what the operator wrote to its outputs; and every
 * metric docs/operations.md and jobs/prometheus.yaml name exists under that Prometheus name (the
 * name PrometheusReporter derives: "flink_" + logical scope + "_" + metric name).
 */
class EnterpriseMetricsIT {
  private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension MINI = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final String OPERATOR = "flink_taskmanager_job_task_operator_";

  @TempDir
  Path work;

  @Test
  void stateMetricsMatchTheOutputsAndCarryTheDocumentedNames() throws Exception {
    Path city = work.resolve("city");
    new CityGenerator(20, YearMonth.of(2025, 1), YearMonth.of(2026, 6), 3).generate(city);
    CollectingSinks sinks = new CollectingSinks();
    Configuration streaming = new Configuration();
    streaming.setString("execution.runtime-mode", "STREAMING");
    JobExecutionResult result = PipelineRuns.run(PipelineRuns.files(city), sinks, 2, streaming);

    // Prometheus name + its pool/status/feed/reason labels -> summed over subtasks (gauges, counters)
    Map<String, Long> sums = new TreeMap<>();
    Map<String, Integer> ruleVersions = new HashMap<>();
    REPORTER.getMetricsByGroup().forEach((group, metrics) -> {
      if (!result.getJobID().toString().equals(group.getAllVariables().get("<job_id>"))) {
        return;
      }
      metrics.forEach((name, metric) -> {
        String key = prometheusName(group, name) + labels(group);
        if (name.equals("ruleVersionInForce")) {
          ruleVersions.put(group.getAllVariables().get("<subtask_index>"), (Integer) value(metric));
        } else if (key.startsWith(OPERATOR + "enterprise_") || key.startsWith(OPERATOR + "feed_")) {
          sums.merge(key, ((Number) value(metric)).longValue(), Long::sum);
        }
      });
    });

    long enterprises = sinks.rows(OutputTables.INDICATOR_SNAPSHOT).stream()
        .map(s -> s.uscc).distinct().count();
    assertThat(enterprises).isPositive();
    assertThat(sums.get(OPERATOR + "enterprise_enterprisesInState")).isEqualTo(enterprises);

    Map<String, Long> changesByPool = sinks.rows(OutputTables.POOL_CHANGE).stream()
        .collect(Collectors.groupingBy(c -> c.pool, TreeMap::new, Collectors.counting()));
    assertThat(changesByPool).isNotEmpty();
    changesByPool.forEach((pool, n) -> assertThat(sums.get(
        OPERATOR + "enterprise_pool_changes{pool=" + pool + "}")).as(pool).isEqualTo(n));

    // the last membership row per enterprise and pool (one writer per key keeps their order)
    Map<String, PoolMembership> last = new LinkedHashMap<>();
    for (PoolMembership m : sinks.rows(OutputTables.POOL_MEMBERSHIP)) {
      last.put(m.uscc + "/" + m.pool, m);
    }
    Map<String, Long> sizes = last.values().stream().collect(Collectors.groupingBy(
        m -> OPERATOR + "enterprise_pool_status_enterprises{pool=" + m.pool + ",status=" + m.status + "}",
        TreeMap::new, Collectors.counting()));
    Map<String, Long> nonZeroGauges = new TreeMap<>(sums);
    nonZeroGauges.keySet().removeIf(k -> !k.contains("_pool_status_enterprises"));
    nonZeroGauges.values().removeIf(v -> v == 0);
    assertThat(nonZeroGauges).isEqualTo(sizes);

    assertThat(ruleVersions).hasSize(2).allSatisfy((subtask, version) -> assertThat(version).isEqualTo(1));
    TreeSet<String> names = sums.keySet().stream().map(k -> k.replaceAll("\\{.*", ""))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(names).contains(
        OPERATOR + "feed_recordsIn",
        OPERATOR + "feed_reason_rejected",
        OPERATOR + "enterprise_lateRecords",
        OPERATOR + "enterprise_poolChanges",
        OPERATOR + "enterprise_clearedEnterprises",
        OPERATOR + "enterprise_ruleUpdatesApplied");
    System.out.println("enterprise metrics (summed over subtasks):");
    sums.forEach((k, v) -> {
      if (v != 0) {
        System.out.println("  " + k + " " + v);
      }
    });
  }

  /** What PrometheusReporter names a metric: flink_ + the group's logical scope + _ + name. */
  private static String prometheusName(MetricGroup group, String name) {
    // the reporter sees the group wrapped in a FrontMetricGroup, whose logical scope is this one's
    return "flink_" + ((AbstractMetricGroup<?>) group)
        .getLogicalScope(s -> s.replaceAll("[^a-zA-Z0-9:_]", "_"), '_') + "_" + name;
  }

  /** The user-defined key/value labels (pool, status, feed, reason), in that order. */
  private static String labels(MetricGroup group) {
    StringBuilder sb = new StringBuilder();
    for (String key : new String[] {"pool", "status", "feed", "reason"}) {
      String value = group.getAllVariables().get("<" + key + ">");
      if (value != null) {
        sb.append(sb.length() == 0 ? "{" : ",").append(key).append('=').append(value);
      }
    }
    return sb.length() == 0 ? "" : sb.append('}').toString();
  }

  private static Object value(Metric metric) {
    if (metric instanceof Counter c) {
      return c.getCount();
    }
    if (metric instanceof Gauge<?> g) {
      return g.getValue();
    }
    return 0L;
  }
}
