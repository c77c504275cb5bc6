package io.seedbed.io;

import io.seedbed.feed.Hashes;
import io.seedbed.pipeline.RuleUpdate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;

/**
 * Scans the folder every interval and emits each YAML file that is new or whose text changed,
 * as one {@link RuleUpdate} with its relative name. Hidden ({@code .x}) and in-progress
 * ({@code _x}) names are skipped: write a file under such a name and rename it when complete.
 */
final class RuleFolderReader implements SourceReader<RuleUpdate, RuleFolderSplit> {
  private final long intervalMillis;
  private final Deque<Pending> queue = new ArrayDeque<>();
  private RuleFolderSplit split;
  private boolean noMoreSplits;
  private long nextScan;
  private CompletableFuture<Void> woken = new CompletableFuture<>();

  private record Pending(RuleUpdate update, String hash) {}

  RuleFolderReader(long intervalMillis) {
    this.intervalMillis = intervalMillis;
  }

  @Override
  public void start() {}

  @Override
  public InputStatus pollNext(ReaderOutput<RuleUpdate> output) {
    if (queue.isEmpty() && split != null && System.currentTimeMillis() >= nextScan) {
      scan();
      nextScan = System.currentTimeMillis() + intervalMillis;
    }
    Pending p = queue.poll();
    if (p != null) {
      output.collect(p.update());
      split.emitted.put(p.update().file, p.hash()); // only once emitted: a checkpoint never skips it
      return queue.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }
    return split == null && noMoreSplits ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
  }

  private void scan() {
    Path root = Path.of(split.folder);
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path f : (Iterable<Path>) walk.sorted()::iterator) {
        String name = f.getFileName().toString();
        if (!Files.isRegularFile(f) || name.startsWith(".") || name.startsWith("_")
            || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
          continue;
        }
        String rel = root.relativize(f).toString().replace('\\', '/');
        String text = Files.readString(f, StandardCharsets.UTF_8);
        String hash = Hashes.sha256Hex(text);
        if (!hash.equals(split.emitted.get(rel))) {
          queue.add(new Pending(new RuleUpdate(rel, text, f.toString()), hash));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan the rules folder " + root, e);
    }
  }

  @Override
  public List<RuleFolderSplit> snapshotState(long checkpointId) {
    return split == null ? List.of()
        : List.of(new RuleFolderSplit(split.folder, split.emitted));
  }

  @Override
  public CompletableFuture<Void> isAvailable() {
    if (!queue.isEmpty() || (split == null && noMoreSplits)) {
      return CompletableFuture.completedFuture(null);
    }
    if (woken.isDone()) {
      woken = new CompletableFuture<>();
    }
    if (split != null) {
      long wait = Math.max(0, nextScan - System.currentTimeMillis());
      CompletableFuture<Void> w = woken;
      CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS).execute(() -> w.complete(null));
    }
    return woken;
  }

  @Override
  public void addSplits(List<RuleFolderSplit> splits) {
    split = splits.get(0);
    nextScan = 0;
    woken.complete(null);
  }

  @Override
  public void notifyNoMoreSplits() {
    noMoreSplits = true;
    woken.complete(null);
  }

  @Override
  public void close() {}
}
