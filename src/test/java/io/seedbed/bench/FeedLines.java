package io.seedbed.bench;

import io.seedbed.feed.Feed;
import io.seedbed.io.FeedFiles;
import io.seedbed.pipeline.DecodeFunction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;

/** Lines in a feeds folder, and waiting until a running job has decoded them all. */
final class FeedLines {
  private FeedLines() {}

  /**
   * The files of {@code feed} in {@code feeds}: {@code FEED.jsonl} and the {@code *.jsonl} files of
   * the folder {@code FEED/} (hidden and in-progress {@code _x} names skipped, as the job does).
   */
  static List<Path> files(Path feeds, Feed feed) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : FeedFiles.paths(feeds, feed)) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> in = Files.list(p)) {
          in.filter(f -> f.getFileName().toString().endsWith(".jsonl"))
              .filter(f -> !f.getFileName().toString().startsWith(".") && !f.getFileName().toString().startsWith("_"))
              .sorted().forEach(out::add);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** Lines (newline characters) in every feed file of {@code feeds}. */
  static long count(Path feeds) throws IOException {
    long n = 0;
    for (Feed feed : Feed.DATA) {
      for (Path file : files(feeds, feed)) {
        n += lines(file);
      }
    }
    return n;
  }

  /** Lines (newline characters) in one file. */
  static long lines(Path file) throws IOException {
    long n = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int r = in.read(buf); r > 0; r = in.read(buf)) {
        for (int i = 0; i < r; i++) {
          if (buf[i] == '\n') {
            n++;
          }
        }
      }
    }
    return n;
  }

  /** Lines the decoders have taken in, from the job's accumulators. */
  static long decoded(Map<String, Object> accumulators) {
    return accumulators.entrySet().stream()
        .filter(e -> e.getKey().startsWith(DecodeFunction.RECORDS_PREFIX))
        .mapToLong(e -> ((Number) e.getValue()).longValue()).sum();
  }

  /**
   * Polls the job every 200 ms until its decoders have taken in {@code lines} lines. Gives up (and
   * says so on stderr) when the count has not moved for 60 s.
   */
  static void awaitDecoded(JobClient job, long lines) throws Exception {
    awaitDecoded(job, lines, decoded -> { });
  }

  /**
   * As {@link #awaitDecoded(JobClient, long)}, and calls {@code atHalf} once with the lines decoded
   * when half of them are (to time the warm second half apart from start-up and JIT compilation).
   */
  static void awaitDecoded(JobClient job, long lines, java.util.function.LongConsumer atHalf)
      throws Exception {
    boolean halfSeen = false;
    long last = -1;
    long lastMove = System.nanoTime();
    while (true) {
      long now;
      try {
        now = decoded(job.getAccumulators().get(10, TimeUnit.SECONDS));
      } catch (Exception notYet) {
        now = last; // before the job runs
      }
      if (!halfSeen && now >= lines / 2) {
        halfSeen = true;
        atHalf.accept(now);
      }
      if (now >= lines) {
        return;
      }
      if (now != last) {
        last = now;
        lastMove = System.nanoTime();
      } else if (System.nanoTime() - lastMove > TimeUnit.SECONDS.toNanos(60)) {
        System.err.println("decoded " + now + " of " + lines + " lines; no progress for 60 s, stopping");
        return;
      }
      Thread.sleep(200);
    }
  }
}
