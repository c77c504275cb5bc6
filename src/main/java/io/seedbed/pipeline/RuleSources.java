package io.seedbed.pipeline;

import java.io.Serializable;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where rule updates come from while the job runs: a watched config folder, the Kafka topic
 * {@code seedbed.rules}, or a test's fixed list. The job starts with the rules shipped in its
 * {@link ConfigBundle}; updates are merged over them (see {@link EnterpriseProcessor}).
 */
public interface RuleSources extends Serializable {
  /** The updates, or null when there are none (the job runs on its shipped rules). */
  DataStream<RuleUpdate> updates(StreamExecutionEnvironment env);

  /** No updates: the shipped rules decide for the whole run (bounded runs, backtests). */
  static RuleSources none() {
    return env -> null;
  }

  /** A fixed, non-empty list of updates, delivered in order (tests). */
  static RuleSources of(List<RuleUpdate> updates) {
    List<RuleUpdate> copy = List.copyOf(updates);
    return env -> env.fromData(copy, TypeInformation.of(RuleUpdate.class)).name("rule updates");
  }
}
