package io.seedbed.indicator;

import static io.seedbed.ledger.Fixtures.USCC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.seedbed.feed.AnnualReturn;
import io.seedbed.feed.Award;
import io.seedbed.feed.AwardLevel;
import io.seedbed.feed.CreditRating;
import io.seedbed.feed.EnergyCarrier;
import io.seedbed.feed.EnergyUnit;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.FeedTime;
import io.seedbed.feed.Financing;
import io.seedbed.feed.IpEvent;
import io.seedbed.feed.IpEventType;
import io.seedbed.feed.IpType;
import io.seedbed.feed.Json;
import io.seedbed.feed.ListAction;
import io.seedbed.feed.ListName;
import io.seedbed.feed.Listing;
import io.seedbed.feed.MeterReading;
import io.seedbed.feed.Penalty;
import io.seedbed.feed.PenaltyCategory;
import io.seedbed.feed.Profile;
import io.seedbed.feed.Severity;
import io.seedbed.feed.TaxCreditLevel;
import io.seedbed.feed.Title;
import io.seedbed.feed.TitleAction;
import io.seedbed.feed.TitleEvent;
import io.seedbed.feed.VatReturn;
import io.seedbed.ledger.Fixtures;
import io.seedbed.ledger.Ledger;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import io.seedbed.testing.LedgerViews;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Property: for random event sets (with duplicates, amendments, records outside the windows and IP
 * items that lapse long before the latest data and are restored or touched again later), any
 * arrival order gives the same indicators, whether the ledger is only folded or also pruned after
 * every record (as {@code EnterpriseProcessor} does), and they equal a reference computed from
 * scratch, by a separate simple implementation, from the final set of facts.
 */
class LedgerOrderPropertyTest {
  private static final IndicatorSettings SETTINGS = IndicatorSettings.load(Path.of("config"));
  private static final int CASES = 200;
  private static final double KGCE_PER_KWH = 0.1229;
  private static final IpEventType[] IP_EVENTS = {IpEventType.FILED, IpEventType.GRANTED,
      IpEventType.LAPSED, IpEventType.RESTORED, IpEventType.TRANSFERRED_IN,
      IpEventType.TRANSFERRED_OUT, IpEventType.INVALIDATED, IpEventType.PLEDGED,
      IpEventType.ABNORMAL};
  private static final IpType[] IP_TYPES = {IpType.INVENTION, IpType.UTILITY_MODEL, IpType.DESIGN,
      IpType.SOFTWARE_COPYRIGHT};

  @Test
  void anyArrivalOrderGivesTheIndicatorsOfTheFinalFacts() {
    for (int seed = 1; seed <= CASES; seed++) {
      Random rnd = new Random(seed);
      List<FeedRecord> records = generate(rnd);
      List<List<FeedRecord>> orders = new ArrayList<>();
      List<FeedRecord> byTime = new ArrayList<>(records);
      byTime.sort(Comparator.comparing(FeedRecord::eventTime));
      orders.add(byTime);
      List<FeedRecord> reversed = new ArrayList<>(byTime);
      Collections.reverse(reversed);
      orders.add(reversed);
      for (int i = 0; i < 2; i++) {
        List<FeedRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, rnd);
        orders.add(shuffled);
      }
      orders.add(lateArrivals(byTime, rnd));
      Ledger reference = ledger(orders.get(0), false);
      Indicators first = indicators(reference);
      String firstIndicators = canonical(first);
      String firstViews = views(reference);
      String firstPruned = canonical(ledger(orders.get(0), true));
      for (int o = 0; o < orders.size(); o++) {
        for (boolean prune : new boolean[] {false, true}) {
          String as = "seed " + seed + ", order " + o + ", prune after each " + prune;
          Ledger ledger = ledger(orders.get(o), prune);
          assertThat(canonical(indicators(ledger))).as(as).isEqualTo(firstIndicators);
          assertThat(views(ledger)).as(as).isEqualTo(firstViews);
          if (prune) { // pruned after the last record too: the stored facts themselves are equal
            assertThat(canonical(ledger)).as(as).isEqualTo(firstPruned);
          }
        }
      }
      assertMatchesReference(seed, first, new Reference(records));
    }
  }

  /**
   * A ledger read back from state before every record (as RocksDB hands the operator a new object
   * per record, which sums energy and replays IP items straight from its facts) gives, after every
   * record, the indicators of one kept on the heap (which keeps its per-month energy and IP book up
   * to date between records), to the last bit.
   */
  @Test
  void aLedgerReadBackBeforeEveryRecordComputesWhatAKeptOneDoes() {
    org.apache.flink.api.common.typeutils.TypeSerializer<Ledger> serializer =
        org.apache.flink.api.common.typeinfo.TypeInformation.of(Ledger.class)
            .createSerializer(new org.apache.flink.api.common.serialization.SerializerConfigImpl());
    for (int seed = 1; seed <= 40; seed++) {
      Random rnd = new Random(seed);
      List<FeedRecord> records = lateArrivals(sortedByTime(generate(rnd)), rnd);
      Ledger kept = new Ledger();
      Ledger readBack = new Ledger();
      for (int i = 0; i < records.size(); i++) {
        kept.apply(records.get(i), SETTINGS.ledger);
        kept.prune(SETTINGS.ledger);
        readBack = serializer.copy(readBack); // a new object, its working copies gone
        readBack.apply(records.get(i), SETTINGS.ledger);
        readBack.prune(SETTINGS.ledger);
        assertThat(canonical(indicators(readBack))).as("seed %d, record %d", seed, i)
            .isEqualTo(canonical(indicators(kept)));
      }
    }
  }

  private static List<FeedRecord> sortedByTime(List<FeedRecord> records) {
    List<FeedRecord> byTime = new ArrayList<>(records);
    byTime.sort(Comparator.comparing(FeedRecord::eventTime));
    return byTime;
  }

  /** Every view of the ledger the indicators may read, as of its latest event, as canonical JSON. */
  private static String views(Ledger l) {
    List<Object> views = LedgerViews.of(l, SETTINGS.ledger);
    return canonical(views);
  }

  /** JSON with map entries sorted by key: equal strings iff equal content (doubles exactly). */
  private static String canonical(Object o) {
    try {
      return CANONICAL.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final ObjectWriter CANONICAL =
      Json.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /**
   * Regression (found in a generated city, enterprise 91371103MAPY00011L): a utility model granted
   * 2019-09-11, lapsed 2024-03-11 and restored 2024-06-11, with data up to 2026-01. Pruned after
   * every record, the ledger used to drop the item as "invalid for more than a year" whenever the
   * restoration arrived after the 2026 data, and then either replayed the lone restoration (never
   * valid, so not counted) or refused the grant. It is valid and counts in every order.
   */
  @Test
  void aLapsedItemRestoredLaterCountsWhateverTheOrderAndThePruning() {
    FeedRecord filed = Fixtures.ip("UM1", IpType.UTILITY_MODEL, IpEventType.FILED, "2019-02-11T17:47");
    FeedRecord granted = Fixtures.ip("UM1", IpType.UTILITY_MODEL, IpEventType.GRANTED, "2019-09-11T17:47");
    FeedRecord lapsed = Fixtures.ip("UM1", IpType.UTILITY_MODEL, IpEventType.LAPSED, "2024-03-11T17:47");
    FeedRecord restored = Fixtures.ip("UM1", IpType.UTILITY_MODEL, IpEventType.RESTORED, "2024-06-11T17:47");
    FeedRecord latest = Fixtures.vat("2025-12", 1e6, 6e4, "2026-01-10T10:00");
    List<List<FeedRecord>> orders = List.of(
        List.of(filed, granted, lapsed, restored, latest),
        List.of(filed, granted, lapsed, latest, restored),
        List.of(latest, restored, lapsed, granted, filed),
        List.of(latest, lapsed, filed, restored, granted));
    for (List<FeedRecord> order : orders) {
      for (boolean prune : new boolean[] {false, true}) {
        Indicators in = indicators(ledger(order, prune));
        assertThat(in.class2Ip).as("%s, prune after each %s", order, prune).isEqualTo(1);
        assertThat(in.utilityModels).as("%s, prune after each %s", order, prune).isEqualTo(1);
      }
    }
  }

  /**
   * The pattern of a live stream: records in time order, except a fifth of them held back and
   * delivered at the end in random order (late re-deliveries, a feed that catches up).
   */
  private static List<FeedRecord> lateArrivals(List<FeedRecord> byTime, Random rnd) {
    List<FeedRecord> onTime = new ArrayList<>();
    List<FeedRecord> late = new ArrayList<>();
    for (FeedRecord r : byTime) {
      (rnd.nextDouble() < 0.2 ? late : onTime).add(r);
    }
    Collections.shuffle(late, rnd);
    onTime.addAll(late);
    return onTime;
  }

  /** Folds the records in the given order; with {@code prune}, prunes after every record like the operator. */
  private static Ledger ledger(List<FeedRecord> order, boolean prune) {
    Ledger ledger = new Ledger();
    for (FeedRecord r : order) {
      ledger.apply(r, SETTINGS.ledger);
      if (prune) {
        ledger.prune(SETTINGS.ledger);
      }
    }
    return ledger;
  }

  private static Indicators indicators(Ledger ledger) {
    return IndicatorCalculator.compute(USCC, ledger, ledger.latestEventTime(), SETTINGS);
  }

  // ------------------------------------------------------------------ generator

  private static Instant day(LocalDate d, Random rnd) {
    return FeedTime.startOf(d).plus(Duration.ofMinutes(rnd.nextInt(24 * 60)));
  }

  static List<FeedRecord> generate(Random rnd) {
    List<FeedRecord> out = new ArrayList<>();
    for (YearMonth m = YearMonth.of(2022, 1); !m.isAfter(YearMonth.of(2025, 12)); m = m.plusMonths(1)) {
      if (rnd.nextDouble() < 0.93) {
        Instant filed = day(m.plusMonths(1).atDay(1 + rnd.nextInt(20)), rnd);
        double sales = 1e5 * (1 + rnd.nextInt(100));
        out.add(new VatReturn(USCC, m, sales, sales * 0.06, filed));
        if (rnd.nextDouble() < 0.2) { // amended later
          double amended = 1e5 * (1 + rnd.nextInt(100));
          out.add(new VatReturn(USCC, m, amended, amended * 0.05, filed.plus(Duration.ofDays(1 + rnd.nextInt(60)))));
        }
        if (rnd.nextDouble() < 0.05) { // a conflicting version with the same filing time
          double other = 1e5 * (1 + rnd.nextInt(100));
          out.add(new VatReturn(USCC, m, other, other * 0.06, filed));
        }
      }
    }
    if (rnd.nextDouble() < 0.5) { // far outside the 36-month window
      out.add(new VatReturn(USCC, YearMonth.of(2018, 1 + rnd.nextInt(12)), 9e9, 9e8,
          day(LocalDate.of(2018, 12, 20), rnd)));
    }
    for (int year = 2019; year <= 2024; year++) {
      if (rnd.nextDouble() < 0.85) {
        Instant filed = day(LocalDate.of(year + 1, 5, 1 + rnd.nextInt(28)), rnd);
        out.add(randomAnnual(rnd, year, filed));
        if (rnd.nextDouble() < 0.2) {
          out.add(randomAnnual(rnd, year, filed.plus(Duration.ofDays(1 + rnd.nextInt(90)))));
        }
      }
    }
    for (int year = 2020; year <= 2024; year++) {
      if (rnd.nextDouble() < 0.8) {
        Instant published = day(LocalDate.of(year + 1, 4, 20), rnd);
        out.add(new CreditRating(USCC, year, randomLevel(rnd), published));
        if (rnd.nextDouble() < 0.2) {
          out.add(new CreditRating(USCC, year, randomLevel(rnd), published.plus(Duration.ofDays(30))));
        }
      }
    }
    for (YearMonth m = YearMonth.of(2022, 1); !m.isAfter(YearMonth.of(2025, 12)); m = m.plusMonths(1)) {
      if (rnd.nextDouble() < 0.9) {
        int offset = rnd.nextInt(10);
        LocalDate from = m.atDay(1 + offset);
        LocalDate to = offset == 0 ? m.atEndOfMonth() : m.plusMonths(1).atDay(offset);
        out.add(meter(from, to, 1000.0 * (1 + rnd.nextInt(500))));
        if (rnd.nextDouble() < 0.1) { // a corrected reading: same identity, same event time
          out.add(meter(from, to, 1000.0 * (1 + rnd.nextInt(500))));
        }
      }
    }
    for (int i = 0; i < 6; i++) {
      IpType type = IP_TYPES[rnd.nextInt(IP_TYPES.length)];
      LocalDate t = LocalDate.of(2012 + rnd.nextInt(13), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
      int events = 1 + rnd.nextInt(5);
      for (int e = 0; e < events; e++) {
        out.add(new IpEvent(USCC, "IP" + i, type, IP_EVENTS[rnd.nextInt(IP_EVENTS.length)], day(t, rnd)));
        t = t.plusDays(1 + rnd.nextInt(700));
        if (t.isAfter(LocalDate.of(2025, 12, 31))) {
          break;
        }
      }
    }
    for (int i = 0; i < 3; i++) {
      // granted, lapsed long before the latest data, then restored within the year (or, for the
      // last one, only much later): pruning must not lose the grant the restoration revives
      IpType type = IP_TYPES[rnd.nextInt(IP_TYPES.length)];
      LocalDate granted = LocalDate.of(2012 + rnd.nextInt(8), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
      LocalDate lapsed = granted.plusDays(365 + rnd.nextInt(1500));
      LocalDate restored = lapsed.plusDays(1 + rnd.nextInt(i == 2 ? 1500 : 330));
      out.add(new IpEvent(USCC, "LR" + i, type, IpEventType.FILED, day(granted.minusDays(200), rnd)));
      out.add(new IpEvent(USCC, "LR" + i, type, IpEventType.GRANTED, day(granted, rnd)));
      out.add(new IpEvent(USCC, "LR" + i, type, IpEventType.LAPSED, day(lapsed, rnd)));
      if (rnd.nextDouble() < 0.8 && restored.isBefore(LocalDate.of(2026, 1, 1))) {
        out.add(new IpEvent(USCC, "LR" + i, type, IpEventType.RESTORED, day(restored, rnd)));
      }
      if (rnd.nextDouble() < 0.3) {
        out.add(new IpEvent(USCC, "LR" + i, type, IpEventType.ABNORMAL, day(restored.plusDays(10), rnd)));
      }
    }
    int penalties = rnd.nextInt(5);
    for (int i = 0; i < penalties; i++) {
      Instant decided = day(LocalDate.of(2019, 1, 1).plusDays(rnd.nextInt(2550)), rnd);
      out.add(new Penalty(USCC, "P" + i, PenaltyCategory.SAFETY,
          rnd.nextBoolean() ? Severity.MAJOR : Severity.GENERAL, decided, null));
    }
    int awards = rnd.nextInt(4);
    for (int i = 0; i < awards; i++) {
      out.add(new Award(USCC, rnd.nextBoolean() ? AwardLevel.NATIONAL : AwardLevel.PROVINCIAL,
          1 + rnd.nextInt(5), day(LocalDate.of(2019, 1, 1).plusDays(rnd.nextInt(2550)), rnd)));
    }
    int rounds = rnd.nextInt(5);
    for (int i = 0; i < rounds; i++) {
      out.add(new Financing(USCC, 1e5 * (1 + rnd.nextInt(100)), rnd.nextBoolean(),
          day(LocalDate.of(2021, 1, 1).plusDays(rnd.nextInt(1800)), rnd)));
    }
    for (ListName list : ListName.values()) {
      LocalDate t = LocalDate.of(2020, 1, 1);
      int actions = rnd.nextInt(4);
      for (int i = 0; i < actions; i++) {
        t = t.plusDays(1 + rnd.nextInt(500));
        out.add(new Listing(USCC, list, rnd.nextBoolean() ? ListAction.ADD : ListAction.REMOVE, day(t, rnd)));
      }
    }
    LocalDate patchDay = LocalDate.of(2021, 1, 1);
    for (int i = 0; i < 3; i++) {
      patchDay = patchDay.plusDays(1 + rnd.nextInt(600));
      out.add(new Profile(USCC, day(patchDay, rnd), null,
          rnd.nextBoolean() ? LocalDate.of(2005 + rnd.nextInt(15), 1 + rnd.nextInt(12), 1 + rnd.nextInt(28)) : null,
          rnd.nextBoolean() ? "37110" + rnd.nextInt(4) : null,
          rnd.nextBoolean() ? new String[] {"C3311", "F5111", "I6510"}[rnd.nextInt(3)] : null,
          null, null, rnd.nextBoolean() ? 10.0 + rnd.nextInt(90) : null,
          null, null, null, null, null, null, null, null, null, null, null));
    }
    LocalDate titleDay = LocalDate.of(2020, 1, 1);
    int titleActions = rnd.nextInt(4);
    for (int i = 0; i < titleActions; i++) {
      titleDay = titleDay.plusDays(1 + rnd.nextInt(700));
      TitleAction action = TitleAction.values()[rnd.nextInt(3)];
      LocalDate validUntil = rnd.nextBoolean() ? titleDay.plusYears(1 + rnd.nextInt(4)) : null;
      out.add(new TitleEvent(USCC, Title.SRDI_CITY, action, day(titleDay, rnd), validUntil));
    }
    int n = out.size();
    for (int i = 0; i < n; i++) {
      if (rnd.nextDouble() < 0.3) {
        out.add(out.get(i)); // re-delivery
      }
    }
    return out;
  }

  private static AnnualReturn randomAnnual(Random rnd, int year, Instant filed) {
    double revenue = 1e6 * (10 + rnd.nextInt(90));
    double assets = revenue * (0.5 + rnd.nextDouble());
    int employees = 10 + rnd.nextInt(300);
    return new AnnualReturn(USCC, year, revenue, revenue * (0.5 + 0.5 * rnd.nextDouble()),
        revenue * (rnd.nextDouble() * 0.2 - 0.05), assets, assets * rnd.nextDouble(),
        revenue * 0.1 * rnd.nextDouble(), employees, rnd.nextInt(employees / 2 + 1), filed);
  }

  private static TaxCreditLevel randomLevel(Random rnd) {
    return TaxCreditLevel.values()[rnd.nextInt(TaxCreditLevel.values().length)];
  }

  private static MeterReading meter(LocalDate from, LocalDate to, double kwh) {
    return new MeterReading(USCC, EnergyCarrier.ELECTRICITY, kwh, EnergyUnit.KWH, from, to, "M1");
  }

  // ------------------------------------------------------------------ reference

  /**
   * The indicators computed straight from the final facts: each identity resolved to its winning
   * version (later event time; at the same time the greater canonical content, which the generator
   * only produces for VAT returns and meter readings), then every formula of docs/indicators.md
   * applied directly, with energy spread day by day.
   */
  static final class Reference {
    final Instant asOf;
    final Map<String, FeedRecord> facts = new TreeMap<>();
    Double salesTtm;
    Double salesPrevTtm;
    Double taxPaidTtm;
    Double energyTtm;
    Double energyPrevTtm;
    AnnualReturn last;
    AnnualReturn prev;
    AnnualReturn prev2;
    int class1;
    int class2;
    int inventions;
    String creditLevel;
    double financing2y;
    Map<ListName, Boolean> onList = new HashMap<>();
    Map<String, Object> profile = new HashMap<>();
    boolean titleHeld;

    Reference(List<FeedRecord> records) {
      asOf = records.stream().map(FeedRecord::eventTime).max(Comparator.naturalOrder()).orElseThrow();
      for (FeedRecord r : records) {
        facts.merge(r.identity(), r, (a, b) -> newer(b, a) ? b : a);
      }
      monthly();
      annual();
      ip();
      credit();
    }

    private static String canonical(FeedRecord r) {
      if (r instanceof VatReturn v) {
        return v.sales() + "|" + v.taxPaid();
      }
      if (r instanceof MeterReading m) {
        return m.unit().code() + "|" + m.amount();
      }
      return "";
    }

    private static boolean newer(FeedRecord a, FeedRecord b) {
      int c = a.eventTime().compareTo(b.eventTime());
      return c > 0 || (c == 0 && canonical(a).compareTo(canonical(b)) > 0);
    }

    private <T> List<T> all(Class<T> type) {
      List<T> out = new ArrayList<>();
      for (FeedRecord r : facts.values()) {
        if (type.isInstance(r)) {
          out.add(type.cast(r));
        }
      }
      return out;
    }

    private void monthly() {
      YearMonth latest = null;
      for (VatReturn v : all(VatReturn.class)) {
        latest = latest == null || v.period().isAfter(latest) ? v.period() : latest;
      }
      for (MeterReading m : all(MeterReading.class)) {
        YearMonth to = YearMonth.from(m.to());
        latest = latest == null || to.isAfter(latest) ? to : latest;
      }
      YearMonth oldestKept = latest.minusMonths(35);
      Map<YearMonth, VatReturn> vat = new HashMap<>();
      YearMonth latestVat = null;
      for (VatReturn v : all(VatReturn.class)) {
        if (!v.period().isBefore(oldestKept)) {
          vat.put(v.period(), v);
          latestVat = latestVat == null || v.period().isAfter(latestVat) ? v.period() : latestVat;
        }
      }
      Map<YearMonth, Double> energy = new HashMap<>();
      for (MeterReading m : all(MeterReading.class)) {
        long days = m.to().toEpochDay() - m.from().toEpochDay() + 1;
        double tcePerDay = m.amount() * KGCE_PER_KWH / 1000 / days;
        for (LocalDate d = m.from(); !d.isAfter(m.to()); d = d.plusDays(1)) {
          if (!YearMonth.from(d).isBefore(oldestKept)) {
            energy.merge(YearMonth.from(d), tcePerDay, Double::sum);
          }
        }
      }
      if (latestVat == null) {
        return;
      }
      salesTtm = sumVat(vat, latestVat, true);
      salesPrevTtm = sumVat(vat, latestVat.minusMonths(12), true);
      taxPaidTtm = sumVat(vat, latestVat, false);
      energyTtm = sumEnergy(energy, latestVat);
      energyPrevTtm = sumEnergy(energy, latestVat.minusMonths(12));
    }

    private static Double sumVat(Map<YearMonth, VatReturn> vat, YearMonth end, boolean sales) {
      double sum = 0;
      for (int i = 0; i < 12; i++) {
        VatReturn v = vat.get(end.minusMonths(i));
        if (v == null) {
          return null;
        }
        sum += sales ? v.sales() : v.taxPaid();
      }
      return sum;
    }

    private static Double sumEnergy(Map<YearMonth, Double> energy, YearMonth end) {
      double sum = 0;
      for (int i = 0; i < 12; i++) {
        Double v = energy.get(end.minusMonths(i));
        if (v == null) {
          return null;
        }
        sum += v;
      }
      return sum;
    }

    private void annual() {
      Map<Integer, AnnualReturn> byYear = new HashMap<>();
      int maxYear = Integer.MIN_VALUE;
      for (AnnualReturn a : all(AnnualReturn.class)) {
        byYear.put(a.year(), a);
        maxYear = Math.max(maxYear, a.year());
      }
      int asOfYear = FeedTime.dateOf(asOf).getYear();
      for (int y = asOfYear - 1; y > maxYear - 4; y--) {
        if (byYear.containsKey(y)) {
          last = byYear.get(y);
          prev = byYear.get(y - 1);
          prev2 = y - 2 > maxYear - 4 ? byYear.get(y - 2) : null;
          return;
        }
      }
    }

    private void ip() {
      Map<String, List<IpEvent>> items = new TreeMap<>();
      for (IpEvent e : all(IpEvent.class)) {
        items.computeIfAbsent(e.ipNo(), k -> new ArrayList<>()).add(e);
      }
      for (List<IpEvent> events : items.values()) {
        // the generator never puts two events of one item at the same instant
        events.sort(Comparator.comparing(IpEvent::at));
        boolean valid = false;
        boolean everValid = false;
        Instant granted = null;
        Instant transferredIn = null;
        for (IpEvent e : events) {
          switch (e.event()) {
            case GRANTED -> {
              valid = true;
              granted = granted == null ? e.at() : granted;
            }
            case TRANSFERRED_IN -> {
              valid = true;
              transferredIn = e.at();
            }
            case RESTORED -> valid = everValid;
            case LAPSED, INVALIDATED, TRANSFERRED_OUT -> valid = false;
            default -> { }
          }
          everValid |= valid;
        }
        Instant counts = transferredIn != null ? plusYears(transferredIn, 1) : granted;
        if (!valid || counts == null || counts.isAfter(asOf)) {
          continue;
        }
        IpType type = events.get(0).ipType();
        if (type == IpType.INVENTION) {
          class1++;
          inventions++;
        } else if (type == IpType.SOFTWARE_COPYRIGHT) {
          class2++;
        } else if (asOf.isAfter(plusYears(granted != null ? granted : transferredIn, 2))) {
          class2++;
        }
      }
    }

    private void credit() {
      int maxYear = Integer.MIN_VALUE;
      for (CreditRating c : all(CreditRating.class)) {
        if (c.year() > maxYear) {
          maxYear = c.year();
          creditLevel = c.level().code();
        }
      }
      Instant twoYearsAgo = plusYears(asOf, -2);
      for (Financing f : all(Financing.class)) {
        if (!f.at().isBefore(twoYearsAgo)) {
          financing2y += f.amount();
        }
      }
      for (ListName list : ListName.values()) {
        Listing latest = null;
        for (Listing l : all(Listing.class)) {
          if (l.list() == list && (latest == null || l.at().isAfter(latest.at()))) {
            latest = l;
          }
        }
        onList.put(list, latest != null && latest.action() == ListAction.ADD);
      }
      List<Profile> patches = all(Profile.class);
      patches.sort(Comparator.comparing(Profile::at));
      for (Profile p : patches) {
        putIfPresent("registeredAt", p.registeredAt());
        putIfPresent("district", p.district());
        putIfPresent("industry", p.industry());
        putIfPresent("landAreaMu", p.landAreaMu());
      }
      TitleEvent latestTitle = null;
      for (TitleEvent t : all(TitleEvent.class)) {
        if (latestTitle == null || t.at().isAfter(latestTitle.at())) {
          latestTitle = t;
        }
      }
      titleHeld = latestTitle != null && latestTitle.action() == TitleAction.GRANTED
          && (latestTitle.validUntil() == null || !FeedTime.dateOf(asOf).isAfter(latestTitle.validUntil()));
    }

    private void putIfPresent(String field, Object value) {
      if (value != null) {
        profile.put(field, value);
      }
    }

    private static Instant plusYears(Instant t, int years) {
      return t.atZone(FeedTime.ZONE).plusYears(years).toInstant();
    }
  }

  private static void assertMatchesReference(int seed, Indicators in, Reference ref) {
    String as = "seed " + seed;
    assertThat(in.asOf).as(as).isEqualTo(ref.asOf);
    assertClose(as + " sales_ttm", in.salesTtm, ref.salesTtm);
    assertClose(as + " sales prev ttm", in.salesPrevTtm, ref.salesPrevTtm);
    assertClose(as + " sales_growth_yoy", in.salesGrowthYoy, growth(ref.salesTtm, ref.salesPrevTtm));
    assertClose(as + " tax_paid_ttm", in.taxPaidTtm, ref.taxPaidTtm);
    assertClose(as + " energy_tce_ttm", in.energyTceTtm, ref.energyTtm);
    assertClose(as + " energy prev ttm", in.energyTcePrevTtm, ref.energyPrevTtm);
    assertClose(as + " sales_per_tce", in.salesPerTce, ratio(ref.salesTtm, ref.energyTtm));
    Double land = (Double) ref.profile.get("landAreaMu");
    assertClose(as + " tax_per_mu", in.taxPerMu, ratio(ref.taxPaidTtm, land));
    assertClose(as + " sales_per_mu", in.salesPerMu, ratio(ref.salesTtm, land));
    AnnualReturn y0 = ref.last;
    assertThat(in.lastYear).as(as).isEqualTo(y0 == null ? null : y0.year());
    if (y0 != null) {
      assertClose(as + " operating_revenue_last_year", in.operatingRevenueLastYear, y0.operatingRevenue());
      assertClose(as + " main_business_share", in.mainBusinessShare,
          y0.mainBusinessRevenue() / y0.operatingRevenue());
      assertClose(as + " net_margin", in.netMargin, y0.netProfit() / y0.operatingRevenue());
      assertClose(as + " debt_ratio", in.debtRatio, y0.totalLiabilities() / y0.totalAssets());
      assertClose(as + " rd_intensity_last_year", in.rdIntensityLastYear, y0.rdExpense() / y0.operatingRevenue());
      assertClose(as + " rd_staff_share", in.rdStaffShare, (double) y0.rdStaff() / y0.employees());
      assertThat(in.smeClass).as(as).isEqualTo(SETTINGS.sme.classify((String) ref.profile.get("industry"),
          y0.employees(), y0.operatingRevenue(), y0.totalAssets()));
    } else {
      assertThat(in.operatingRevenueLastYear).as(as).isNull();
      assertThat(in.smeClass).as(as).isNull();
    }
    AnnualReturn y1 = ref.prev;
    assertClose(as + " revenue_growth_last_year", in.revenueGrowthLastYear,
        y1 == null ? null : growth(y0.operatingRevenue(), y1.operatingRevenue()));
    assertClose(as + " rd_intensity_prev_year", in.rdIntensityPrevYear,
        y1 == null ? null : y1.rdExpense() / y1.operatingRevenue());
    AnnualReturn y2 = y1 == null ? null : ref.prev2;
    assertClose(as + " revenue_cagr_2y", in.revenueCagr2y,
        y2 == null ? null : Math.sqrt(y0.operatingRevenue() / y2.operatingRevenue()) - 1);
    assertThat(in.class1Ip).as(as + " class1").isEqualTo(ref.class1);
    assertThat(in.class2Ip).as(as + " class2").isEqualTo(ref.class2);
    assertThat(in.inventionPatents).as(as + " inventions").isEqualTo(ref.inventions);
    assertThat(in.taxCreditLevel).as(as).isEqualTo(ref.creditLevel);
    assertClose(as + " equity_financing_2y", in.equityFinancing2y, ref.financing2y);
    assertThat(in.onAbnormalOperationList).as(as).isEqualTo(ref.onList.get(ListName.ABNORMAL_OPERATION));
    assertThat(in.onSeriousDishonestyList).as(as).isEqualTo(ref.onList.get(ListName.SERIOUS_DISHONESTY));
    assertThat(in.onDishonestDebtorList).as(as).isEqualTo(ref.onList.get(ListName.DISHONEST_DEBTOR));
    assertThat(in.district).as(as).isEqualTo(ref.profile.get("district"));
    assertThat(in.industry).as(as).isEqualTo(ref.profile.get("industry"));
    LocalDate registered = (LocalDate) ref.profile.get("registeredAt");
    assertThat(in.yearsRegistered).as(as).isEqualTo(registered == null ? null
        : BigDecimal.valueOf((FeedTime.dateOf(ref.asOf).toEpochDay() - registered.toEpochDay()) / 365.25)
            .setScale(2, RoundingMode.HALF_UP).doubleValue());
    Set<String> titles = ref.titleHeld ? Set.of("srdi_city") : Set.of();
    assertThat(in.titles).as(as).isEqualTo(new TreeSet<>(titles));
  }

  private static Double growth(Double now, Double before) {
    return now == null || before == null || before == 0 ? null : (now - before) / before;
  }

  private static Double ratio(Double a, Double b) {
    return a == null || b == null || b == 0 ? null : a / b;
  }

  private static void assertClose(String what, Double actual, Double expected) {
    if (expected == null) {
      assertThat(actual).as(what).isNull();
    } else {
      assertThat(actual).as(what).isNotNull();
      assertThat(actual).as(what).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    }
  }
}
