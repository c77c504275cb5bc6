package io.seedbed.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seedbed.feed.SampleLines.Sample;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deterministic mutations of the valid sample lines: whatever arrives, the decoder returns a record
 * or a rejection with a reason and a message, never an exception; and every record it accepts is
 * well-formed and survives the binary codec.
 */
class FeedDecoderFuzzTest {
  private static final int MUTATIONS_PER_SEED = 2_000;

  /** Replacement values for a field: every JSON type, edge numbers, bad dates, deep nesting. */
  private static final String[] VALUES = {
      "\"x\"", "\"\"", "\" \"", "1", "0", "-1", "1.5", "-0.0", "true", "false", "null", "[]", "{}",
      "1e400", "-1e400", "1e-400", "9".repeat(60), "-" + "9".repeat(60), "2147483648", "3e9",
      "\"2025-13-01\"", "\"2099-01-01T00:00:00Z\"", "\"2025-02-29\"", "\"2025-06\"", "\"2025\"",
      "[\"a\",1]", "[\"key_chain\",\"key_chain\"]", "\"91371100706285721X\"", "\"\\ud800\"",
      "{\"a\":{\"b\":[1,{\"c\":null}]}}", "\"electricity\"", "\"t\"", "100.0000001", "2024",
  };

  /** Characters for random replacement: JSON syntax, controls, CJK, surrogates, a BOM. */
  private static final String CHARS =
      "{}[]\":,\\ \t\n\r0123456789-+.eEabcxyzAFIOSVZtrufnl\u0000\u001f\u007f日照\uFEFF\uD800\uDC00\u2028";

  private final FeedDecoder decoder = new FeedDecoder(SampleLines.CLOCK);

  @ParameterizedTest
  @ValueSource(longs = {1L, 20250615L, 0x5EEDBEDL})
  void decodeNeverThrowsAndAlwaysAnswers(long seed) throws Exception {
    Random rnd = new Random(seed);
    Map<RejectReason, Integer> reasons = new EnumMap<>(RejectReason.class);
    int accepted = 0;
    for (int i = 0; i < MUTATIONS_PER_SEED; i++) {
      Sample s = SampleLines.ALL.get(rnd.nextInt(SampleLines.ALL.size()));
      int op = rnd.nextInt(12);
      String line = mutate(s, op, rnd);
      Decoded d;
      try {
        d = decoder.decode(s.feed(), line);
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("seed " + seed + " #" + i + " op " + op + " threw on: " + line, e);
      }
      if (d.ok()) {
        accepted++;
        checkRecord(s, d, line);
      } else {
        reasons.merge(checkRejection(s, d, line), 1, Integer::sum);
      }
    }
    // The mutations reach the decoder's rules, not only the JSON parser.
    assertThat(reasons.keySet()).contains(RejectReason.MALFORMED_JSON, RejectReason.UNKNOWN_KIND,
        RejectReason.MISSING_FIELD, RejectReason.WRONG_TYPE, RejectReason.INVALID_USCC,
        RejectReason.INVALID_VALUE, RejectReason.INVALID_DATE, RejectReason.LINE_TOO_LONG);
    assertThat(accepted).isGreaterThan(MUTATIONS_PER_SEED / 50);
  }

  private static void checkRecord(Sample s, Decoded d, String line) throws Exception {
    assertThat(d.rejected()).isNull();
    FeedRecord r = d.record();
    assertThat(r.feed()).as(line).isEqualTo(s.feed());
    assertThat(Uscc.isValid(r.uscc())).as(line).isTrue();
    assertThat(r.eventTime()).as(line).isNotNull()
        .isBeforeOrEqualTo(SampleLines.NOW.plusSeconds(86_400));
    assertThat(r.identity()).as(line).startsWith(r.kind() + "|");
    assertThat(FeedRecordCodecTest.roundTrip(r)).as(line).isEqualTo(r);
  }

  private static RejectReason checkRejection(Sample s, Decoded d, String line) {
    assertThat(d.record()).isNull();
    RejectedRecord r = d.rejected();
    assertThat(r).isNotNull();
    assertThat(r.feed).isEqualTo(s.feed().id());
    assertThat(r.message).as(line).isNotBlank();
    assertThat(r.raw).isEqualTo(line.length() > RejectedRecord.MAX_RAW_CHARS
        ? line.substring(0, RejectedRecord.MAX_RAW_CHARS) : line);
    assertThat(r.rejectedId).hasSize(64);
    for (RejectReason reason : RejectReason.values()) {
      if (reason.code().equals(r.reason) && reason != RejectReason.INVALID_RULES) {
        return reason;
      }
    }
    return fail("unexpected reason " + r.reason + " for " + line);
  }

  private static String mutate(Sample s, int op, Random rnd) throws Exception {
    String line = s.line();
    switch (op) {
      case 0: { // random characters replaced
        char[] c = line.toCharArray();
        for (int k = 1 + rnd.nextInt(4); k > 0; k--) {
          c[rnd.nextInt(c.length)] = CHARS.charAt(rnd.nextInt(CHARS.length()));
        }
        return new String(c);
      }
      case 1: // truncated
        return line.substring(0, rnd.nextInt(line.length()));
      case 2: { // random bytes of the UTF-8 form flipped, then read back (invalid UTF-8 included)
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
          b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
        }
        return new String(b, StandardCharsets.UTF_8);
      }
      case 3: case 4: { // one field's value swapped for another type or edge value
        ObjectNode o = object(line);
        o.set(randomField(o, rnd), Json.MAPPER.readTree(VALUES[rnd.nextInt(VALUES.length)]));
        return Json.MAPPER.writeValueAsString(o);
      }
      case 5: { // a field dropped
        ObjectNode o = object(line);
        o.remove(randomField(o, rnd));
        return Json.MAPPER.writeValueAsString(o);
      }
      case 6: { // a bad USCC: one character changed or lower-cased
        char[] u = SampleLines.USCC.toCharArray();
        int pos = rnd.nextInt(18);
        u[pos] = rnd.nextBoolean() ? Character.toLowerCase(u[pos])
            : Uscc.ALPHABET.charAt(rnd.nextInt(Uscc.ALPHABET.length()));
        return line.replace(SampleLines.USCC, new String(u));
      }
      case 7: { // huge or long numbers spliced in as raw text
        ObjectNode o = object(line);
        String field = randomField(o, rnd);
        String huge = rnd.nextBoolean() ? "1" + "0".repeat(rnd.nextInt(120)) : "1e" + rnd.nextInt(100_000);
        o.put(field, "@@");
        return Json.MAPPER.writeValueAsString(o).replace("\"@@\"", huge);
      }
      case 8: { // deep nesting as a field value
        int depth = 1 + rnd.nextInt(300);
        String open = rnd.nextBoolean() ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        ObjectNode o = object(line);
        o.put(randomField(o, rnd), "@@");
        return Json.MAPPER.writeValueAsString(o)
            .replace("\"@@\"", open.repeat(depth) + "1" + close.repeat(depth));
      }
      case 9: { // a duplicated field or a second object
        return rnd.nextBoolean() ? line.replaceFirst("\\{", "{\"kind\":\"x\",") : line + line;
      }
      case 10: { // a line over the limit, or a blank one
        return rnd.nextBoolean() ? line + " ".repeat(Json.MAX_LINE_CHARS) : " ".repeat(rnd.nextInt(3));
      }
      default: // unchanged, or with an extra field: must be accepted
        return rnd.nextBoolean() ? line : line.replaceFirst("\\{", "{\"extra\":[1,{\"b\":null}],");
    }
  }

  private static ObjectNode object(String line) throws Exception {
    return (ObjectNode) Json.MAPPER.readTree(line);
  }

  private static String randomField(ObjectNode o, Random rnd) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names.get(rnd.nextInt(names.size()));
  }
}
