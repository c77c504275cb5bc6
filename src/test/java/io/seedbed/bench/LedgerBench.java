package io.seedbed.bench;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.seedbed.feed.Decoded;
import io.seedbed.feed.Feed;
import io.seedbed.feed.FeedDecoder;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.Json;
import io.seedbed.indicator.IndicatorCalculator;
import io.seedbed.indicator.IndicatorSettings;
import io.seedbed.indicator.Indicators;
import io.seedbed.ledger.Ledger;
import io.seedbed.ledger.LedgerChange;
import io.seedbed.ledger.LedgerSettings;
import io.seedbed.pipeline.SeedbedConfig;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import io.seedbed.testing.LedgerViews;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * The ledger and indicators of a city, outside Flink. Usage: LedgerBench CITY_DIR.
 *
 * <p>Prints (1) a digest of everything the ledger and indicator packages produce while the city is
 * folded record by record, in (enterprise, event time) order and in a per-enterprise shuffled order
 * (late and out-of-window records): every LedgerChange, the full {@link Indicators} after every
 * record (as of the latest event, and for some records as of other times, as wake-ups and
 * {@code rules explain --at} ask), and the ledger's views now and then. A change to the ledger's
 * internals must leave both digests as they were. (2) The state size: bytes per ledger with Flink's
 * own POJO serializer (what a savepoint holds per enterprise), over the ledgers folded from the city.
 */
public final class LedgerBench {
  private static final ObjectWriter CANONICAL =
      Json.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  public static void main(String[] args) throws Exception {
    Path city = Path.of(args[0]);
    SeedbedConfig config = SeedbedConfig.load(Path.of("config"));
    FeedDecoder decoder = new FeedDecoder(Clock.systemUTC(), config.unitsByCarrier());
    List<FeedRecord> records = new ArrayList<>();
    for (Feed feed : Feed.DATA) {
      Path file = city.resolve(feed.id() + ".jsonl");
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          Decoded d = decoder.decode(feed, line);
          if (d.ok()) {
            records.add(d.record());
          }
        }
      }
    }
    records.sort(Comparator.comparing(FeedRecord::uscc).thenComparing(FeedRecord::eventTime));
    Map<String, Ledger> ledgers = digest("time order", records, config.indicators());
    List<FeedRecord> shuffled = new ArrayList<>(records);
    // Per enterprise, a fixed pseudo-random order: late records, amendments before originals.
    shuffled.sort(Comparator.comparing(FeedRecord::uscc)
        .thenComparingInt(r -> mix(r.identity().hashCode() * 31 + r.eventTime().hashCode())));
    digest("shuffled", shuffled, config.indicators());
    size(ledgers);
  }

  private static int mix(int h) {
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return h;
  }

  private static Map<String, Ledger> digest(String name, List<FeedRecord> records,
      IndicatorSettings s) throws Exception {
    MessageDigest changes = MessageDigest.getInstance("SHA-256");
    MessageDigest indicators = MessageDigest.getInstance("SHA-256");
    MessageDigest views = MessageDigest.getInstance("SHA-256");
    Map<String, Ledger> ledgers = new HashMap<>();
    long n = 0;
    for (FeedRecord r : records) {
      Ledger ledger = ledgers.computeIfAbsent(r.uscc(), k -> new Ledger());
      LedgerChange change = ledger.apply(r, s.ledger);
      changes.update((byte) change.ordinal());
      if (change == LedgerChange.UNCHANGED) {
        continue;
      }
      ledger.prune(s.ledger);
      n++;
      Instant latest = ledger.latestEventTime();
      indicators.update(text(IndicatorCalculator.compute(r.uscc(), ledger, latest, s)));
      if (n % 7 == 0) { // a wake-up after the latest event, then an explain before it
        indicators.update(text(IndicatorCalculator.compute(r.uscc(), ledger,
            latest.plus(Duration.ofDays(400)), s)));
        indicators.update(text(IndicatorCalculator.compute(r.uscc(), ledger,
            latest.minus(Duration.ofDays(45)), s)));
        indicators.update(text(IndicatorCalculator.compute(r.uscc(), ledger, latest, s)));
      }
      if (n % 13 == 0) {
        views.update(text(views(ledger, s.ledger)));
      }
    }
    for (Ledger ledger : ledgers.values()) {
      views.update(text(views(ledger, s.ledger)));
    }
    HexFormat hex = HexFormat.of();
    System.out.printf("%s: %d records, %d folded; changes %s, indicators %s, views %s%n", name,
        records.size(), n, hex.formatHex(changes.digest()).substring(0, 16),
        hex.formatHex(indicators.digest()).substring(0, 16),
        hex.formatHex(views.digest()).substring(0, 16));
    return ledgers;
  }

  /** The ledger's views as the indicators read them, as of its latest event. */
  private static List<Object> views(Ledger l, LedgerSettings s) {
    List<Object> views = LedgerViews.of(l, s);
    views.add(l.entryCount());
    return views;
  }

  private static byte[] text(Object o) throws Exception {
    return CANONICAL.writeValueAsBytes(o);
  }

  /** Bytes per ledger with the POJO serializer the job's keyed state uses. */
  private static void size(Map<String, Ledger> ledgers) throws Exception {
    TypeSerializer<Ledger> serializer =
        TypeInformation.of(Ledger.class).createSerializer(new SerializerConfigImpl());
    DataOutputSerializer out = new DataOutputSerializer(64 * 1024);
    long total = 0;
    long max = 0;
    long entries = 0;
    for (Ledger ledger : ledgers.values()) {
      out.clear();
      serializer.serialize(ledger, out);
      total += out.length();
      max = Math.max(max, out.length());
      entries += ledger.entryCount();
    }
    System.out.printf("state: %d ledgers, %.0f bytes per ledger (max %d), %.1f entries per ledger%n",
        ledgers.size(), (double) total / ledgers.size(), max, (double) entries / ledgers.size());
    // By field: each serialized field's share (the ledger with only that field set, less an empty one).
    StringBuilder byField = new StringBuilder("  bytes per ledger by field:");
    out.clear();
    serializer.serialize(new Ledger(), out);
    int empty = out.length();
    for (java.lang.reflect.Field f : Ledger.class.getFields()) {
      int mods = f.getModifiers();
      if (java.lang.reflect.Modifier.isStatic(mods) || java.lang.reflect.Modifier.isTransient(mods)) {
        continue;
      }
      long bytes = 0;
      for (Ledger ledger : ledgers.values()) {
        Ledger only = new Ledger();
        for (java.lang.reflect.Field g : Ledger.class.getFields()) {
          if (!java.lang.reflect.Modifier.isStatic(g.getModifiers())
              && !java.lang.reflect.Modifier.isTransient(g.getModifiers())) {
            g.set(only, g.equals(f) ? f.get(ledger) : g.get(new Ledger()));
          }
        }
        out.clear();
        serializer.serialize(only, out);
        bytes += out.length() - empty;
      }
      byField.append(String.format(" %s %.0f,", f.getName(), (double) bytes / ledgers.size()));
    }
    System.out.println(byField.append(" empty ").append(empty));
  }
}
