package io.seedbed.io;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer;

/**
 * The committer of {@link TransactionalJdbcSink}: Flink calls it once a checkpoint is complete (and
 * again, after a restore, for committables of a completed checkpoint whose commit may not have
 * happened). Each committable, one writer subtask's rows of one checkpoint, is written as one
 * transaction with the table's own SQL; checkpoints are committed in order, so the order of changes
 * to one key is kept. Re-committing a batch is harmless: the logs insert once by deterministic
 * key and the state tables upsert the same values.
 *
 * <p>A database outage is waited out as by the direct writer ({@link JdbcTransactions}); when the
 * retry window is spent or the error cannot heal, {@link #commit} throws, the task fails and the
 * batch, still in the committer's checkpointed state, is committed again after the restart. It is
 * never dropped.
 */
final class JdbcBatchCommitter<T> implements Committer<List<T>> {
  private final JdbcTransactions<T> transactions;

  JdbcBatchCommitter(OutputTable<T> table, Database db, ResilientJdbcSink.Settings settings) {
    this.transactions = new JdbcTransactions<>(table, db, settings);
  }

  @Override
  public void commit(Collection<CommitRequest<List<T>>> requests) throws IOException {
    for (CommitRequest<List<T>> request : requests) {
      transactions.write(request.getCommittable());
    }
  }

  @Override
  public void close() {
    transactions.close();
  }
}
