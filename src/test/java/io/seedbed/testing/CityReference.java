package io.seedbed.testing;

import io.seedbed.feed.Decoded;
import io.seedbed.feed.Feed;
import io.seedbed.feed.FeedDecoder;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.RejectedRecord;
import io.seedbed.indicator.IndicatorCalculator;
import io.seedbed.indicator.IndicatorSnapshot;
import io.seedbed.io.OutputTables;
import io.seedbed.ledger.Ledger;
import io.seedbed.pipeline.SeedbedConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a city's feed files must give, computed from scratch with the core only (no Flink): the
 * order-independent outputs, to compare with what a pipeline wrote however its input arrived.
 */
public final class CityReference {
  private CityReference() {}

  /**
   * The final {@code indicator_snapshot} rows (canonical, {@link TableDump}): each enterprise's
   * ledger folded from all its facts, indicators computed once as of its latest event.
   */
  public static List<String> indicatorRows(Path city) throws Exception {
    SeedbedConfig config = SeedbedConfig.load(ProjectFiles.path("config"));
    FeedDecoder decoder = decoder(config);
    Map<String, Ledger> ledgers = new TreeMap<>();
    for (Feed feed : Feed.DATA) {
      for (String line : lines(city, feed)) {
        Decoded d = decoder.decode(feed, line);
        if (d.ok()) {
          FeedRecord r = d.record();
          ledgers.computeIfAbsent(r.uscc(), k -> new Ledger()).apply(r, config.ledger());
        }
      }
    }
    List<IndicatorSnapshot> rows = new ArrayList<>();
    ledgers.forEach((uscc, ledger) -> {
      ledger.prune(config.ledger());
      rows.add(IndicatorSnapshot.of(
          IndicatorCalculator.compute(uscc, ledger, ledger.latestEventTime(), config.indicators())));
    });
    return TableDump.fromRows(OutputTables.INDICATOR_SNAPSHOT, rows);
  }

  /** The lines the decoder rejects, as "feed | reason | raw line", sorted and distinct. */
  public static List<String> rejected(Path city) throws Exception {
    SeedbedConfig config = SeedbedConfig.load(ProjectFiles.path("config"));
    FeedDecoder decoder = decoder(config);
    TreeSet<String> out = new TreeSet<>();
    for (Feed feed : Feed.DATA) {
      for (String line : lines(city, feed)) {
        Decoded d = decoder.decode(feed, line);
        if (!d.ok()) {
          RejectedRecord r = d.rejected();
          out.add(r.feed + " | " + r.reason + " | " + r.raw);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** A feed's lines in file (delivery) order. */
  public static List<String> lines(Path city, Feed feed) throws Exception {
    return Files.readAllLines(city.resolve(feed.id() + ".jsonl"), StandardCharsets.UTF_8);
  }

  private static FeedDecoder decoder(SeedbedConfig config) {
    return new FeedDecoder(Clock.fixed(PipelineRuns.NOW, ZoneOffset.UTC), config.unitsByCarrier());
  }
}
