package io.seedbed.bench;

import io.seedbed.feed.Decoded;
import io.seedbed.feed.Feed;
import io.seedbed.feed.FeedDecoder;
import io.seedbed.io.RawLine;
import io.seedbed.pipeline.FeedSources;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Bounded feeds for the latency bench, in two phases per feed (Flink's DataGeneratorSource with
 * {@link WarmThenPaced}): the first {@code warm} lines of the feed file as fast as possible, to build
 * up the enterprises' history; then, once the bench says {@link #go}, the next {@code paced} lines
 * at a fixed rate. Every paced line is logged with its wall-clock injection time under its
 * enterprise in {@link #INJECTED}: the bench runs on a local MiniCluster, in this JVM.
 */
final class PacedFeedSources implements FeedSources {
  private static final long serialVersionUID = 1L;

  /** One injected record: wall-clock millis when it left the source, and its event time (millis). */
  record Injection(long injectedAt, long eventTime) {}

  /** Per USCC, the paced injections in order. */
  static final Map<String, List<Injection>> INJECTED = new ConcurrentHashMap<>();

  private final String feedsDir;
  private final Map<Feed, Long> warm;
  private final Map<Feed, Long> paced;
  private final Map<Feed, Double> ratesPerSecond;

  PacedFeedSources(Path feedsDir, Map<Feed, Long> warm, Map<Feed, Long> paced, Map<Feed, Double> ratesPerSecond) {
    this.feedsDir = feedsDir.toAbsolutePath().toString();
    this.warm = Map.copyOf(warm);
    this.paced = Map.copyOf(paced);
    this.ratesPerSecond = Map.copyOf(ratesPerSecond);
  }

  /** Starts the paced phase of every feed. */
  static void go() {
    WarmThenPaced.GO.set(true);
  }

  @Override
  public DataStream<RawLine> lines(StreamExecutionEnvironment env, Feed feed) {
    long count = warm.getOrDefault(feed, 0L) + paced.getOrDefault(feed, 0L);
    if (count == 0) {
      return null;
    }
    DataGeneratorSource<RawLine> source = new DataGeneratorSource<>(
        new Lines(feedsDir, feed, warm.getOrDefault(feed, 0L), count), count,
        new WarmThenPaced(warm.getOrDefault(feed, 0L), ratesPerSecond.get(feed)), TypeInformation.of(RawLine.class));
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), feed.id() + " paced lines")
        .setParallelism(1)
        .uid("source-" + feed.id());
  }

  /** Line {@code i} of the feed; logs its injection. The lines are read once, when the reader opens. */
  private static final class Lines implements GeneratorFunction<Long, RawLine> {
    private static final long serialVersionUID = 1L;
    private final String feedsDir;
    private final Feed feed;
    private final long warm;
    private final long count;
    private transient List<String> lines;
    private transient List<String> usccs;
    private transient long[] eventTimes;

    Lines(String feedsDir, Feed feed, long warm, long count) {
      this.feedsDir = feedsDir;
      this.feed = feed;
      this.warm = warm;
      this.count = count;
    }

    @Override
    public void open(SourceReaderContext context) throws Exception {
      lines = new ArrayList<>();
      usccs = new ArrayList<>();
      List<Long> times = new ArrayList<>();
      FeedDecoder decoder = new FeedDecoder(Clock.systemUTC());
      for (Path file : FeedLines.files(Path.of(feedsDir), feed)) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          for (String line = in.readLine(); line != null && lines.size() < count; line = in.readLine()) {
            Decoded d = decoder.decode(feed, line);
            lines.add(line);
            usccs.add(d.ok() ? d.record().uscc() : null);
            times.add(d.ok() ? d.record().eventTime().toEpochMilli() : 0L);
          }
        }
      }
      eventTimes = times.stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public RawLine map(Long index) {
      int i = index.intValue();
      String line = lines.get(i);
      String uscc = usccs.get(i);
      if (uscc != null && i >= warm) {
        List<Injection> log = INJECTED.computeIfAbsent(uscc, k -> new ArrayList<>());
        synchronized (log) {
          log.add(new Injection(System.currentTimeMillis(), eventTimes[i]));
        }
      }
      return new RawLine(line, line.getBytes(StandardCharsets.UTF_8).length, false);
    }
  }
}
