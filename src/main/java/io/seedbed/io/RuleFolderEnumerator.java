package io.seedbed.io;

import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;

/**
 * Hands the folder split to one reader (the lowest registered subtask); the others stay idle.
 * Bounded (no split): every reader is told at once that there is nothing to read.
 */
final class RuleFolderEnumerator implements SplitEnumerator<RuleFolderSplit, Boolean> {
  private final SplitEnumeratorContext<RuleFolderSplit> context;
  private final boolean bounded;
  /** The split not yet assigned, or null. */
  private RuleFolderSplit pending;

  RuleFolderEnumerator(SplitEnumeratorContext<RuleFolderSplit> context, RuleFolderSplit pending,
      boolean bounded) {
    this.context = context;
    this.pending = pending;
    this.bounded = bounded;
  }

  @Override
  public void start() {}

  @Override
  public void handleSplitRequest(int subtaskId, String requesterHostname) {}

  @Override
  public void addSplitsBack(List<RuleFolderSplit> splits, int subtaskId) {
    if (!splits.isEmpty()) {
      pending = splits.get(0);
      assign();
    }
  }

  @Override
  public void addReader(int subtaskId) {
    if (bounded) {
      context.signalNoMoreSplits(subtaskId);
    } else {
      assign();
    }
  }

  private void assign() {
    if (pending == null || context.registeredReaders().isEmpty()) {
      return;
    }
    int reader = context.registeredReaders().keySet().stream().min(Integer::compare).orElseThrow();
    context.assignSplit(pending, reader);
    pending = null;
  }

  @Override
  public Boolean snapshotState(long checkpointId) {
    return pending != null;
  }

  @Override
  public void close() {}
}
