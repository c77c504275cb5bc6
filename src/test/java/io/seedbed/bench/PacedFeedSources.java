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
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Bounded, rate-limited feeds for the latency bench: the first {@code count} lines of each feed
 * file of a generated city, emitted at a fixed rate per feed (Flink's DataGeneratorSource with a
 * per-second rate limiter). Every emitted line is logged with its wall-clock injection time under
 * its enterprise in {@link #INJECTED}: the bench runs on a local MiniCluster, in this JVM.
 */
final class PacedFeedSources implements FeedSources {
  private static final long serialVersionUID = 1L;

  /** One injected record: wall-clock millis when it left the source, and its event time (millis). */
  record Injection(long injectedAt, long eventTime) {}

  /** Per USCC, the injections in order. */
  static final Map<String, List<Injection>> INJECTED = new ConcurrentHashMap<>();

  private final String feedsDir;
  private final Map<Feed, Long> counts;
  private final Map<Feed, Double> ratesPerSecond;

  PacedFeedSources(Path feedsDir, Map<Feed, Long> counts, Map<Feed, Double> ratesPerSecond) {
    this.feedsDir = feedsDir.toAbsolutePath().toString();
    this.counts = Map.copyOf(counts);
    this.ratesPerSecond = Map.copyOf(ratesPerSecond);
  }

  @Override
  public DataStream<RawLine> lines(StreamExecutionEnvironment env, Feed feed) {
    Long count = counts.get(feed);
    if (count == null || count == 0) {
      return null;
    }
    DataGeneratorSource<RawLine> source = new DataGeneratorSource<>(new Lines(feedsDir, feed, count), count,
        RateLimiterStrategy.perSecond(ratesPerSecond.get(feed)), TypeInformation.of(RawLine.class));
    return env.fromSource(source, WatermarkStrategy.noWatermarks(), feed.id() + " paced lines")
        .setParallelism(1)
        .uid("source-" + feed.id());
  }

  /** Line {@code i} of the feed; logs its injection. The lines are read once, when the reader opens. */
  private static final class Lines implements GeneratorFunction<Long, RawLine> {
    private static final long serialVersionUID = 1L;
    private final String feedsDir;
    private final Feed feed;
    private final long count;
    private transient List<String> lines;
    private transient List<String> usccs;
    private transient long[] eventTimes;

    Lines(String feedsDir, Feed feed, long count) {
      this.feedsDir = feedsDir;
      this.feed = feed;
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
      if (uscc != null) {
        List<Injection> log = INJECTED.computeIfAbsent(uscc, k -> new ArrayList<>());
        synchronized (log) {
          log.add(new Injection(System.currentTimeMillis(), eventTimes[i]));
        }
      }
      return new RawLine(line, line.getBytes(StandardCharsets.UTF_8).length, false);
    }
  }
}
