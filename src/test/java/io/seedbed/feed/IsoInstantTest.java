package io.seedbed.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written path gives exactly what ISO_OFFSET_DATE_TIME gives, for valid and broken text. */
class IsoInstantTest {
  private static Instant formatter(String s) {
    try {
      return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  @Test
  void theFeedsShapesTakeTheFastPath() {
    assertThat(IsoInstant.fastPath("2025-04-12T09:30:00+08:00"))
        .isEqualTo(Instant.parse("2025-04-12T01:30:00Z"));
    assertThat(IsoInstant.fastPath("2024-02-29T23:59:59Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
    assertThat(IsoInstant.fastPath("2025-01-01T00:00:00-05:30"))
        .isEqualTo(Instant.parse("2025-01-01T05:30:00Z"));
    // Other shapes and impossible values leave it to the formatter.
    assertThat(IsoInstant.fastPath("2025-04-12T09:30+08:00")).isNull();
    assertThat(IsoInstant.fastPath("2025-02-29T09:30:00Z")).isNull();
    assertThat(IsoInstant.parse("2025-02-29T09:30:00Z")).isNull();
    assertThat(IsoInstant.parse("2025-04-12T09:30:00.5+08:00")).isEqualTo(Instant.parse("2025-04-12T01:30:00.5Z"));
  }

  /** Random mutations of valid instants, each compared with the formatter. */
  @Test
  void agreesWithTheFormatterOnRandomText() {
    Random random = new Random(11);
    String[] seeds = {"2025-04-12T09:30:00+08:00", "2026-12-31T23:59:59Z", "2024-02-29T00:00:00-18:00",
        "2023-06-30T12:00:00+18:00", "2025-04-12T09:30:00.123+08:00", "2025-04-12T09:30+08:00"};
    String alphabet = "0123456789-:+TZ.x ";
    int fast = 0;
    for (int i = 0; i < 200_000; i++) {
      char[] c = seeds[random.nextInt(seeds.length)].toCharArray();
      int edits = random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        c[random.nextInt(c.length)] = random.nextInt(3) == 0
            ? alphabet.charAt(random.nextInt(alphabet.length()))
            : (char) ('0' + random.nextInt(10));
      }
      String s = new String(c);
      assertThat(IsoInstant.parse(s)).as(s).isEqualTo(formatter(s));
      fast += IsoInstant.fastPath(s) != null ? 1 : 0;
    }
    assertThat(fast).as("inputs the fast path decided").isGreaterThan(50_000);
  }
}
