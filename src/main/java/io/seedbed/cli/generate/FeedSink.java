package io.seedbed.cli.generate;

import io.seedbed.feed.Feed;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the lines of all enterprises and writes each feed file ordered by delivery time, then
 * USCC, then the line itself.
 *
 * <p>Design (memory stays bounded for any city size): enterprises are generated one at a time and
 * each line goes to a temporary bucket file for its feed and delivery month (one bucket per year
 * before {@code --from}, where only back-filled history lives). {@link #finish} then reads the
 * buckets in time order, sorts one bucket in memory and appends it to the feed file. The largest
 * bucket is one month of one feed.
 *
 * <p>It also injects the feed-export noise a reader must cope with: exact duplicates (re-delivered
 * a few days later), malformed copies and lines delivered late (after later-dated lines).
 */
final class FeedSink {
  private static final double DUPLICATE_SHARE = 0.005;
  private static final double MALFORMED_SHARE = 0.005;
  /** Share of credit and energy lines that reach the export late (a meter correction, a late court feed). */
  private static final double LATE_SHARE = 0.004;

  private final Path outDir;
  private final Path tmpDir;
  private final YearMonth from;
  private final LocalDateTime end;
  private final Map<Feed, TreeMap<Integer, BufferedWriter>> buckets = new EnumMap<>(Feed.class);
  private final GenerationSummary summary = new GenerationSummary();
  private Rng noise;

  FeedSink(Path outDir, YearMonth from, LocalDateTime end) throws IOException {
    this.outDir = outDir;
    this.tmpDir = outDir.resolve(".generate-tmp");
    this.from = from;
    this.end = end;
    Files.createDirectories(tmpDir);
    for (Feed feed : Feed.DATA) {
      buckets.put(feed, new TreeMap<>());
    }
  }

  /** Starts the lines of one enterprise; the injected noise is drawn from its own stream. */
  void startFirm(long noiseSeed) {
    noise = new Rng(noiseSeed);
  }

  /** A valid line whose event time is {@code eventTime} (China local time); never after the export's end. */
  void emit(Feed feed, String kind, LocalDateTime eventTime, String uscc, String json) {
    if (eventTime.isAfter(end)) {
      throw new IllegalStateException("event after the end of the range: " + json);
    }
    LocalDateTime delivered = eventTime;
    if ((feed == Feed.CREDIT || feed == Feed.ENERGY) && noise.chance(LATE_SHARE)) {
      delivered = min(eventTime.plusDays(noise.intIn(5, 75)), end);
      summary.countLate(feed.id());
    }
    write(feed, delivered, uscc, json);
    summary.countValid(feed.id(), kind);
    if (noise.chance(DUPLICATE_SHARE)) {
      write(feed, min(delivered.plusDays(noise.intIn(0, 20)), end), uscc, json);
      summary.countDuplicate(feed.id());
    }
    if (noise.chance(MALFORMED_SHARE)) {
      Corruptor.Defect defect = Corruptor.choose(json, noise);
      write(feed, delivered, uscc, Corruptor.apply(defect, json, noise));
      summary.countMalformed(feed.id(), defect.name().toLowerCase(java.util.Locale.ROOT));
    }
  }

  /** Writes every feed file from its buckets and removes the temporary files. */
  GenerationSummary finish() throws IOException {
    for (Feed feed : Feed.DATA) {
      Path file = outDir.resolve(feed.id() + ".jsonl");
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        for (Map.Entry<Integer, BufferedWriter> bucket : buckets.get(feed).entrySet()) {
          bucket.getValue().close();
          Path tmp = bucketFile(feed, bucket.getKey());
          for (String[] line : sortedBucket(tmp)) {
            out.write(line[2]);
            out.write('\n');
          }
          Files.delete(tmp);
        }
      }
    }
    Files.delete(tmpDir);
    return summary;
  }

  private static List<String[]> sortedBucket(Path tmp) throws IOException {
    List<String[]> lines = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(tmp, StandardCharsets.UTF_8)) {
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        lines.add(l.split("\t", 3));
      }
    }
    lines.sort(Comparator.<String[]>comparingLong(l -> Long.parseLong(l[0]))
        .thenComparing(l -> l[1])
        .thenComparing(l -> l[2]));
    return lines;
  }

  private void write(Feed feed, LocalDateTime delivered, String uscc, String json) {
    int key = delivered.isBefore(from.atDay(1).atStartOfDay())
        ? delivered.getYear() * 100
        : delivered.getYear() * 100 + delivered.getMonthValue();
    try {
      BufferedWriter w = buckets.get(feed).get(key);
      if (w == null) {
        w = Files.newBufferedWriter(bucketFile(feed, key), StandardCharsets.UTF_8);
        buckets.get(feed).put(key, w);
      }
      w.write(Long.toString(delivered.toEpochSecond(ZoneOffset.ofHours(8))));
      w.write('\t');
      w.write(uscc);
      w.write('\t');
      w.write(json);
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path bucketFile(Feed feed, int key) {
    return tmpDir.resolve(feed.id() + "-" + key + ".tmp");
  }

  private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }
}
