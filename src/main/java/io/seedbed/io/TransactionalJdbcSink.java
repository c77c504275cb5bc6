package io.seedbed.io;

import java.util.List;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.SupportsPreCommitTopology;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Writes one {@link OutputTable} to PostgreSQL so that its rows become visible only when the
 * checkpoint that produced them completes (two-phase commit, Flink Sink V2): for STREAMING jobs
 * with checkpointing.
 *
 * <p>Why: after a task failure a streaming job replays from its last checkpoint, and the replay
 * can reach an enterprise in another feed interleaving than the failed attempt did, so the pool
 * history it emits can differ (docs/reliability.md). With the direct writer the failed attempt's
 * rows after that checkpoint stay in the tables and two histories mix (a first sight written
 * twice). Here the writer only buffers; at each checkpoint barrier it hands its buffer on as one
 * committable ({@link TransactionalJdbcWriter#prepareCommit}); Flink keeps the committables in the
 * committer's checkpointed state and, once the checkpoint is complete, {@link JdbcBatchCommitter}
 * writes each as one transaction. A failure before completion discards them: only the replay's
 * rows are written. A failure after completion re-commits them from the restored state, which the
 * table's SQL makes harmless (insert-once logs, upserts of the same values).
 *
 * <p><b>The committer runs in its own task.</b> Flink chains a sink's committer to its writer, and
 * the writer to the operator that feeds it: the enterprise operator. The commit then runs on that
 * operator's thread, which at 10^6 enterprises spent about a sixth of its time waiting for
 * PostgreSQL (docs/benchmarks.md, "Session 7"). A pre-commit topology
 * ({@link #addPreCommitTopology}) starts a new chain between writer and committer, so the writer
 * still only buffers on the enterprise thread, and the commits run on another thread while the
 * enterprise operator goes on with the next checkpoint's records. The order of commits and what a
 * restore does are unchanged: the committer keeps its committables in its state as before.
 *
 * <p>Not for BATCH jobs: there committables are committed only at end of input, so every row of
 * the run would be held in memory. Bounded runs use {@link ResilientJdbcSink} ({@link DatabaseSinks}).
 */
public final class TransactionalJdbcSink<T>
    implements Sink<T>, SupportsCommitter<List<T>>, SupportsPreCommitTopology<List<T>, List<T>> {
  private static final long serialVersionUID = 1L;

  private final OutputTable<T> table;
  private final TypeInformation<T> rowType;
  private final Database db;
  private final ResilientJdbcSink.Settings settings;

  /** {@code rowType} serializes the buffered rows into the committer's state. */
  public TransactionalJdbcSink(OutputTable<T> table, TypeInformation<T> rowType, Database db,
      ResilientJdbcSink.Settings settings) {
    this.table = table;
    this.rowType = rowType;
    this.db = db;
    this.settings = settings;
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    return new TransactionalJdbcWriter<>(table, context);
  }

  @Override
  public Committer<List<T>> createCommitter(CommitterInitContext context) {
    return new JdbcBatchCommitter<>(table, db, settings);
  }

  @Override
  public SimpleVersionedSerializer<List<T>> getCommittableSerializer() {
    return new RowBatchSerializer<>(rowType);
  }

  /** The batches the writer hands on travel to the committer's task in the committables' format. */
  @Override
  public SimpleVersionedSerializer<List<T>> getWriteResultSerializer() {
    return new RowBatchSerializer<>(rowType);
  }

  /** A chain boundary before the committer: see the class comment. */
  @Override
  public DataStream<CommittableMessage<List<T>>> addPreCommitTopology(
      DataStream<CommittableMessage<List<T>>> batches) {
    return batches.map(new HandOver<T>())
        .returns(batches.getType())
        .startNewChain() // chained to the committer, not to the writer
        .uid("sink-jdbc-" + table.name + "-handover")
        .name("PostgreSQL " + table.name + ": batches to the committer");
  }

  /**
   * Passes each committable message on unchanged. It exists for where it runs: at the head of
   * the committer's chain, in a task of its own.
   */
  static final class HandOver<T>
      implements MapFunction<CommittableMessage<List<T>>, CommittableMessage<List<T>>> {
    private static final long serialVersionUID = 1L;

    @Override
    public CommittableMessage<List<T>> map(CommittableMessage<List<T>> message) {
      return message;
    }
  }

  /** For error messages and the job graph. */
  @Override
  public String toString() {
    return "TransactionalJdbcSink(" + table.name + " -> " + db + ")";
  }
}
