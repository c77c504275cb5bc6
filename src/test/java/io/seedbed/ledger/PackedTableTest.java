package io.seedbed.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.seedbed.feed.Json;
import io.seedbed.ledger.pack.Codec;
import io.seedbed.ledger.pack.PackedTable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The packed tables against a plain sorted map: after any sequence of puts and removals the table
 * holds the same facts in the same order, its bytes read back to them, and the bytes are those of
 * a table built from the final facts at once (so state bytes depend on the facts, not the history).
 */
class PackedTableTest {
  private static final String[] METERS = {"M1", "M1|X", "M1-", "null", "", "RZE1000426-D", "電表"};
  private static final String[] CARRIERS = {"electricity", "coal", "natural_gas", "hydrogen"};

  private static Reading reading(Random rnd) {
    String carrier = CARRIERS[rnd.nextInt(CARRIERS.length)];
    String meter = METERS[rnd.nextInt(METERS.length)];
    int from = (int) LocalDate.of(2023, 1, 1).toEpochDay() + rnd.nextInt(1200);
    if (rnd.nextInt(50) == 0) {
      from = (int) LocalDate.of(rnd.nextBoolean() ? 812 : 10_412, 3, 1).toEpochDay(); // not 4-digit years
    }
    int to = from + (rnd.nextInt(10) == 0 ? rnd.nextInt(3) : 28 + rnd.nextInt(4));
    double amount = rnd.nextInt(5) == 0 ? rnd.nextDouble() * 1e4 : rnd.nextInt(1_000_000) / 10.0;
    String unit = rnd.nextBoolean() ? "kWh" : "t";
    return rnd.nextInt(8) == 0
        ? Reading.ofTce(carrier, meter, unit, amount, from, to, rnd.nextDouble())
        : Reading.converted(carrier, meter, unit, amount, from, to, rnd.nextInt(3) == 0 ? 0.1229 : 714.3);
  }

  private static IpEventFact ipEvent(Random rnd) {
    String[] events = {"filed", "granted", "lapsed", "restored", "abnormal", "new_event"};
    String[] types = {"invention", "utility_model", "design", "future_type"};
    return new IpEventFact("CN2012" + rnd.nextInt(20), types[rnd.nextInt(types.length)],
        events[rnd.nextInt(events.length)],
        Instant.ofEpochSecond(1_300_000_000L + rnd.nextInt(400_000_000), rnd.nextInt(20) == 0 ? 5 : 0));
  }

  private static VatMonth vat(Random rnd) {
    int index = 2023 * 12 + rnd.nextInt(60);
    int month = index / 12 * 100 + index % 12 + 1;
    return new VatMonth(month, rnd.nextInt(100_000_000) / 100.0, rnd.nextInt(1_000_000) / 100.0,
        Instant.ofEpochSecond(1_700_000_000L + rnd.nextInt(100_000_000)));
  }

  private static TitleFact title(Random rnd) {
    String[] titles = {"high_tech", "srdi_city", "gazelle_city", "some_new_title"};
    String[] actions = {"granted", "revoked", "expired"};
    return new TitleFact(titles[rnd.nextInt(titles.length)], actions[rnd.nextInt(actions.length)],
        Instant.ofEpochSecond(1_500_000_000L + rnd.nextInt(300_000_000)),
        rnd.nextBoolean() ? null : 19_000 + rnd.nextInt(2000));
  }

  private static ProfileFact profile(Random rnd) {
    String[] fields = {"NAME", "DISTRICT", "CERTIFICATIONS", "A_FIELD_ADDED_LATER"};
    return new ProfileFact(fields[rnd.nextInt(fields.length)], "日照" + rnd.nextInt(1000),
        Instant.ofEpochSecond(1_600_000_000L + rnd.nextInt(3) * 86_400L));
  }

  @Test
  void readingsIpEventsVatTitlesAndProfile() {
    check(LedgerFormat.READINGS, PackedTableTest::reading);
    check(LedgerFormat.IP_EVENTS, PackedTableTest::ipEvent);
    check(LedgerFormat.VAT, PackedTableTest::vat);
    check(LedgerFormat.TITLES, PackedTableTest::title);
    check(LedgerFormat.PROFILE, PackedTableTest::profile);
  }

  private static <F> void check(Codec<F> codec, Function<Random, F> random) {
    for (int seed = 0; seed < 40; seed++) {
      Random rnd = new Random(seed);
      PackedTable<F> table = PackedTable.read(codec, null);
      TreeMap<F, F> model = new TreeMap<>(codec);
      for (int step = 0; step < 150; step++) {
        if (rnd.nextInt(10) == 0) {
          F pivot = random.apply(rnd);
          table.removeIf(f -> codec.compare(f, pivot) < 0 == rnd.nextBoolean() || rnd.nextInt(4) == 0
              ? dropFrom(model, f, codec) : false);
        } else {
          F f = random.apply(rnd);
          table.put(f);
          model.put(f, f);
        }
        assertThat(text(table.facts())).isEqualTo(text(new ArrayList<>(model.values())));
        assertThat(text(PackedTable.read(codec, table.bytes()).facts())).isEqualTo(text(table.facts()));
        assertThat(PackedTable.of(codec, model.values()).bytes()).isEqualTo(table.bytes());
      }
    }
  }

  private static <F> boolean dropFrom(TreeMap<F, F> model, F f, Codec<F> codec) {
    model.remove(f);
    return true;
  }

  private static String text(List<?> facts) {
    try {
      return Json.MAPPER.writeValueAsString(facts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The readings sort as their identity strings do, the order a month's shares are added in. */
  @Test
  void readingsSortAsTheirIdentities() {
    Random rnd = new Random(3);
    for (int i = 0; i < 100_000; i++) {
      Reading a = reading(rnd);
      Reading b = reading(rnd);
      assertThat(Integer.signum(LedgerFormat.READINGS.compare(a, b)))
          .as("%s vs %s", a.identity(), b.identity())
          .isEqualTo(Integer.signum(a.identity().compareTo(b.identity())));
    }
  }
}
