package io.seedbed.io;

import io.seedbed.pipeline.SeedbedSinks;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.CheckpointConfig;

/**
 * Every output table to PostgreSQL, in one of two ways (docs/reliability.md):
 * <ul>
 *   <li>direct ({@link ResilientJdbcSink}, at-least-once): for BATCH runs, the bounded default.
 *       A re-executed BATCH task reads the same sorted input and writes the same rows, so the
 *       tables end up as in a run without failures; rows appear within {@code flushInterval}.</li>
 *   <li>transactional ({@link TransactionalJdbcSink}, two-phase commit): for STREAMING jobs, where
 *       a replay after a failure may emit a different order-dependent history than the failed
 *       attempt. Rows appear when the checkpoint that produced them completes, so the checkpoint
 *       interval is the visibility delay. Needs exactly-once checkpointing; checked here.</li>
 * </ul>
 * {@code seedbed run} picks transactional for {@code --follow} and streaming job files.
 */
public final class DatabaseSinks implements SeedbedSinks {
  private static final long serialVersionUID = 1L;

  private final Database db;
  private final ResilientJdbcSink.Settings settings;
  private final boolean transactional;

  /** Direct sinks with the default settings (BATCH runs). */
  public DatabaseSinks(Database db) {
    this(db, ResilientJdbcSink.Settings.defaults(), false);
  }

  /** Direct sinks (BATCH runs). */
  public DatabaseSinks(Database db, ResilientJdbcSink.Settings settings) {
    this(db, settings, false);
  }

  /** Transactional sinks when {@code transactional} (STREAMING with checkpointing), else direct. */
  public DatabaseSinks(Database db, ResilientJdbcSink.Settings settings, boolean transactional) {
    this.db = db;
    this.settings = settings;
    this.transactional = transactional;
  }

  /** Transactional sinks with the default settings (STREAMING jobs with checkpointing). */
  public static DatabaseSinks transactional(Database db) {
    return new DatabaseSinks(db, ResilientJdbcSink.Settings.defaults(), true);
  }

  @Override
  public <T> void write(OutputTable<T> table, DataStream<T> rows) {
    if (transactional) {
      requireExactlyOnceStreaming(rows, table);
      rows.sinkTo(new TransactionalJdbcSink<>(table, rows.getType(), db, settings))
          .uid("sink-jdbc-" + table.name)
          .name("PostgreSQL " + table.name + " (on checkpoint)");
    } else {
      rows.sinkTo(new ResilientJdbcSink<>(table, db, settings))
          .uid("sink-jdbc-" + table.name)
          .name("PostgreSQL " + table.name);
    }
  }

  /**
   * Without checkpoints nothing would be committed before the end of input (never, for a following
   * job); with at-least-once checkpoints a committed batch can hold rows that the restore replays
   * and re-derives differently; in BATCH mode every row would wait in memory for the end.
   */
  private static void requireExactlyOnceStreaming(DataStream<?> rows, OutputTable<?> table) {
    CheckpointConfig checkpoints = rows.getExecutionEnvironment().getCheckpointConfig();
    String problem = null;
    if (rows.getExecutionEnvironment().getConfiguration().get(ExecutionOptions.RUNTIME_MODE)
        == RuntimeExecutionMode.BATCH) {
      problem = "the job runs in BATCH mode; use the direct sinks there";
    } else if (!checkpoints.isCheckpointingEnabled()) {
      problem = "checkpointing is off (set execution.checkpointing.interval)";
    } else if (checkpoints.getCheckpointingConsistencyMode() != CheckpointingMode.EXACTLY_ONCE) {
      problem = "execution.checkpointing.mode is "
          + checkpoints.getCheckpointingConsistencyMode() + ", not EXACTLY_ONCE";
    }
    if (problem != null) {
      throw new IllegalStateException("PostgreSQL sink for " + table.name
          + " commits on checkpoints, but " + problem);
    }
  }
}
