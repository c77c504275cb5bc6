package io.seedbed.io;

import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

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
 * <p>Not for BATCH jobs: there committables are committed only at end of input, so every row of
 * the run would be held in memory. Bounded runs use {@link ResilientJdbcSink} ({@link DatabaseSinks}).
 */
public final class TransactionalJdbcSink<T> implements Sink<T>, SupportsCommitter<List<T>> {
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

  /** For error messages and the job graph. */
  @Override
  public String toString() {
    return "TransactionalJdbcSink(" + table.name + " -> " + db + ")";
  }
}
