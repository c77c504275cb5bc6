package io.seedbed.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns one line of a feed into a {@link FeedRecord} or a {@link RejectedRecord}, applying every
 * rule of contract/feeds.md. Immutable and thread-safe; meant to be called once per line.
 *
 * <p>Checks run in this order and the first failure decides the reason: line length
 * ({@code line_too_long}, before any parsing), JSON syntax ({@code malformed_json}), {@code kind}
 * ({@code unknown_kind}), {@code uscc} ({@code missing_field}, {@code wrong_type},
 * {@code invalid_uscc}), then the kind's fields in the contract's order.
 *
 * <p>Decisions where the contract is silent:
 * <ul>
 *   <li>An empty or blank line is rejected as {@code malformed_json} ("empty line"), never skipped:
 *       nothing is dropped silently. A single leading byte-order mark (U+FEFF) is ignored, because
 *       editors put one at the start of files.</li>
 *   <li>Duplicate keys in one object and anything after the object (a second object, a comment)
 *       are {@code malformed_json}: the line would mean different things to different readers.</li>
 *   <li>{@code kind} absent, null, not a string or not a kind of this feed are all
 *       {@code unknown_kind}; a kind of another feed (a {@code meter} line in {@code tax}) too.</li>
 *   <li>A required string (caseId, ipNo) or an optional one that is present must not be empty or
 *       blank, and must not hold an unpaired UTF-16 surrogate ({@code invalid_value}).</li>
 *   <li>{@code year} is accepted as a JSON integer ({@code 2024}) or a {@code "YYYY"} string; it
 *       must lie in 1949 .. the clock's year + 1 ({@code invalid_value}) and its 1 January must not
 *       be in the future ({@code future_date}).</li>
 *   <li>Counts accept a number with a zero fraction ({@code 12.0}); {@code 12.5} is
 *       {@code wrong_type}. A number too large for its type is {@code invalid_value}.</li>
 *   <li>Dates are exactly {@code YYYY-MM-DD}, months {@code YYYY-MM}, instants start with a 4-digit
 *       year and carry an offset ({@code Z} included).</li>
 *   <li>{@code validUntil} of a title is an expiry date and may lie in the future; every other date
 *       and instant more than one day after the clock is {@code future_date}.</li>
 *   <li>A unit that is not one of {@code kWh m3 t GJ} is {@code invalid_value}; a known unit that
 *       does not fit the carrier is {@code unit_mismatch}.</li>
 *   <li>Ranks ({@code rank}, {@code marketRank}) below 1 and shares or scores outside their range
 *       are {@code invalid_value} (a range), not {@code negative_amount} (money and counts).</li>
 *   <li>{@code district} must be a JSON string of 6 digits; {@code industry} a GB/T 4754 code (a
 *       letter A-T alone or with 2, 3 or 4 digits). Lists keep their order and duplicates.</li>
 * </ul>
 */
public final class FeedDecoder {
  /** Strict parsing: no trailing content after the object, no duplicate keys. */
  private static final ObjectReader READER = Json.MAPPER.reader()
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final Clock clock;
  private final RecordReaders readers;
  private final Map<Feed, String> kindLists = new EnumMap<>(Feed.class);

  /** A decoder with {@link #defaultUnits()}. */
  public FeedDecoder(Clock clock) {
    this(clock, defaultUnits());
  }

  /**
   * A decoder that accepts, for each carrier, the units in {@code unitsByCarrier} (the pipeline
   * derives them from config/energy-factors.yaml). A carrier absent from the map accepts no unit.
   */
  public FeedDecoder(Clock clock, Map<EnergyCarrier, Set<EnergyUnit>> unitsByCarrier) {
    if (clock == null || unitsByCarrier == null) {
      throw new IllegalArgumentException("clock and unitsByCarrier are required");
    }
    this.clock = clock;
    Map<EnergyCarrier, Set<EnergyUnit>> units = new EnumMap<>(EnergyCarrier.class);
    unitsByCarrier.forEach((carrier, set) -> {
      if (carrier == null || set == null) {
        throw new IllegalArgumentException("unitsByCarrier has a null carrier or unit set");
      }
      EnumSet<EnergyUnit> copy = EnumSet.noneOf(EnergyUnit.class);
      for (EnergyUnit unit : set) {
        if (unit == null) {
          throw new IllegalArgumentException("unitsByCarrier has a null unit for " + carrier.code());
        }
        copy.add(unit);
      }
      units.put(carrier, Collections.unmodifiableSet(copy));
    });
    this.readers = new RecordReaders(Collections.unmodifiableMap(units));
    for (Feed feed : Feed.values()) {
      kindLists.put(feed, String.join(" ", readers.kinds(feed).keySet()));
    }
  }

  /**
   * The units each carrier is metered in when no configuration is given: electricity kWh, natural
   * gas m3, coal t, steam GJ or t, diesel t, heat GJ. The pipeline passes the set derived from
   * config/energy-factors.yaml instead.
   */
  public static Map<EnergyCarrier, Set<EnergyUnit>> defaultUnits() {
    Map<EnergyCarrier, Set<EnergyUnit>> m = new EnumMap<>(EnergyCarrier.class);
    m.put(EnergyCarrier.ELECTRICITY, EnumSet.of(EnergyUnit.KWH));
    m.put(EnergyCarrier.NATURAL_GAS, EnumSet.of(EnergyUnit.M3));
    m.put(EnergyCarrier.COAL, EnumSet.of(EnergyUnit.T));
    m.put(EnergyCarrier.STEAM, EnumSet.of(EnergyUnit.GJ, EnergyUnit.T));
    m.put(EnergyCarrier.DIESEL, EnumSet.of(EnergyUnit.T));
    m.put(EnergyCarrier.HEAT, EnumSet.of(EnergyUnit.GJ));
    return m;
  }

  /**
   * Decodes one line of {@code feed}. Never throws for any line content; a null line counts as
   * empty.
   *
   * @throws IllegalArgumentException if {@code feed} is {@link Feed#RULES} (not a data feed)
   */
  public Decoded decode(Feed feed, String line) {
    if (feed == null || feed == Feed.RULES) {
      throw new IllegalArgumentException("not a data feed: " + feed);
    }
    Instant now = clock.instant();
    String text = line == null ? "" : line;
    if (text.length() > Json.MAX_LINE_CHARS) {
      return reject(feed, RejectReason.LINE_TOO_LONG, "line has " + text.length()
          + " characters, more than the limit of " + Json.MAX_LINE_CHARS, text, now);
    }
    if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      return reject(feed, RejectReason.MALFORMED_JSON, "empty line", line, now);
    }
    JsonNode root;
    try {
      root = READER.readTree(text);
    } catch (JsonProcessingException | RuntimeException e) {
      // RuntimeException too: a number beyond what BigDecimal takes must not stop the job.
      return reject(feed, RejectReason.MALFORMED_JSON, "not valid JSON: " + firstLine(e), line, now);
    }
    if (!(root instanceof ObjectNode object)) {
      return reject(feed, RejectReason.MALFORMED_JSON,
          "line must be a JSON object, got " + FieldReader.typeOf(root), line, now);
    }
    JsonNode kindNode = object.get("kind");
    RecordReaders.KindReader reader = kindNode != null && kindNode.isTextual()
        ? readers.kinds(feed).get(kindNode.textValue()) : null;
    if (reader == null) {
      String got = kindNode == null ? "nothing" : FieldReader.show(kindNode);
      return reject(feed, RejectReason.UNKNOWN_KIND, "field 'kind' must be one of "
          + kindLists.get(feed) + " for feed " + feed.id() + ", got " + got, line, now);
    }
    FieldReader fields = new FieldReader(object, now);
    try {
      return Decoded.accepted(reader.read(fields.uscc(), fields));
    } catch (InvalidField e) {
      return reject(feed, e.reason, e.getMessage(), line, now);
    }
  }

  private static Decoded reject(Feed feed, RejectReason reason, String message, String line,
      Instant now) {
    return Decoded.rejection(RejectedRecord.of(feed, reason, message, line, now));
  }

  /** Jackson's message without its source excerpt (the raw line is kept in the rejection). */
  private static String firstLine(Exception e) {
    String m = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.toString();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    String first = nl < 0 ? m : m.substring(0, nl);
    return first.length() <= 200 ? first : first.substring(0, 200) + "...";
  }
}
