package io.seedbed.indicator;

import static io.seedbed.ledger.Fixtures.USCC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.seedbed.feed.AnnualReturn;
import io.seedbed.feed.Award;
import io.seedbed.feed.Coded;
import io.seedbed.feed.CreditRating;
import io.seedbed.feed.EnergyCarrier;
import io.seedbed.feed.EnergyUnit;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.Financing;
import io.seedbed.feed.IpEvent;
import io.seedbed.feed.Json;
import io.seedbed.feed.MeterReading;
import io.seedbed.feed.Profile;
import io.seedbed.feed.TitleEvent;
import io.seedbed.feed.VatReturn;
import io.seedbed.ledger.AnnualFigures;
import io.seedbed.ledger.IpEventFact;
import io.seedbed.ledger.Ledger;
import io.seedbed.ledger.LedgerChange;
import io.seedbed.ledger.MeterFact;
import io.seedbed.ledger.Months;
import io.seedbed.ledger.ProfileField;
import io.seedbed.ledger.ProfileValue;
import io.seedbed.ledger.RatingFact;
import io.seedbed.ledger.TitleFact;
import io.seedbed.ledger.VatMonth;
import io.seedbed.ledger.Versioned;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import io.seedbed.testing.LedgerViews;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A ledger restored from the first state form (maps under feeds.md identities, USCC included, as
 * in savepoint v1) is moved to the packed form on first touch and then shows what a ledger folded
 * in the current form shows, before and after pruning and further records; the first form's
 * fields are gone and the financing and award keys lose the USCC.
 */
class FirstFormMigrationTest {
  private static final IndicatorSettings SETTINGS = IndicatorSettings.load(Path.of("config"));
  private static final ObjectWriter CANONICAL =
      Json.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  @Test
  void aFirstFormLedgerShowsWhatTheCurrentFormShows() {
    for (int seed = 1; seed <= 60; seed++) {
      Random rnd = new Random(seed);
      List<FeedRecord> records = new ArrayList<>(LedgerOrderPropertyTest.generate(rnd));
      records.addAll(moreMeters(rnd));
      Collections.shuffle(records, rnd);
      int restoredAt = records.size() * 3 / 4;
      Ledger current = new Ledger();
      Ledger firstForm = firstForm();
      for (FeedRecord r : records.subList(0, restoredAt)) {
        if (current.apply(r, SETTINGS.ledger) != LedgerChange.OUTSIDE_WINDOW) {
          foldFirstForm(firstForm, r);
        }
      }
      firstForm.latestEventTime = current.latestEventTime;
      firstForm.latestMonth = current.latestMonth;
      Set<String> financingKeys = Set.copyOf(current.financing.keySet());

      String as = "seed " + seed;
      assertThat(views(firstForm)).as(as).isEqualTo(views(current));
      assertThat(firstForm.vat).isNull();
      assertThat(firstForm.meters).isNull();
      assertThat(firstForm.ipEvents).isNull();
      assertThat(firstForm.profile).isNull();
      assertThat(firstForm.financing.keySet()).as(as).isEqualTo(financingKeys)
          .allSatisfy(k -> assertThat(k).doesNotContain(USCC));
      for (Ledger l : List.of(current, firstForm)) {
        l.prune(SETTINGS.ledger);
      }
      assertThat(views(firstForm)).as(as).isEqualTo(views(current));
      for (FeedRecord r : records.subList(restoredAt, records.size())) {
        assertThat(firstForm.apply(r, SETTINGS.ledger)).as(as).isEqualTo(current.apply(r, SETTINGS.ledger));
        firstForm.prune(SETTINGS.ledger);
        current.prune(SETTINGS.ledger);
      }
      assertThat(views(firstForm)).as(as).isEqualTo(views(current));
    }
  }

  /** Readings of several meters, one without an id and one whose id holds the separator. */
  private static List<FeedRecord> moreMeters(Random rnd) {
    List<FeedRecord> out = new ArrayList<>();
    String[] ids = {null, "A|B", "RZE1000426-D"};
    for (int i = 0; i < 40; i++) {
      LocalDate from = LocalDate.of(2023, 1, 1).plusDays(rnd.nextInt(1000));
      out.add(new MeterReading(USCC, i % 2 == 0 ? EnergyCarrier.COAL : EnergyCarrier.NATURAL_GAS,
          rnd.nextInt(100_000) / 100.0, i % 2 == 0 ? EnergyUnit.T : EnergyUnit.M3, from,
          from.plusDays(rnd.nextInt(40)), ids[rnd.nextInt(ids.length)]));
    }
    return out;
  }

  private static String views(Ledger l) {
    List<Object> views = LedgerViews.of(l, SETTINGS.ledger);
    views.add(l.entryCount());
    views.add(IndicatorCalculator.compute(USCC, l, l.latestEventTime(), SETTINGS));
    try {
      return CANONICAL.writeValueAsString(views);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ the first form

  private static Ledger firstForm() {
    Ledger l = new Ledger();
    l.vat = new HashMap<>();
    l.annual = new HashMap<>();
    l.ratings = new HashMap<>();
    l.meters = new HashMap<>();
    l.ipEvents = new HashMap<>();
    l.profile = new HashMap<>();
    l.titles = new HashMap<>();
    return l;
  }

  /** What the first form's apply stored for a record inside the windows (keys: feeds.md identities). */
  private static void foldFirstForm(Ledger l, FeedRecord r) {
    if (r instanceof VatReturn v) {
      put(l.vat, Months.of(v.period()), new VatMonth(Months.of(v.period()), v.sales(), v.taxPaid(), v.filedAt()));
    } else if (r instanceof AnnualReturn a) {
      AnnualFigures f = new AnnualFigures();
      f.year = a.year();
      f.operatingRevenue = a.operatingRevenue();
      f.mainBusinessRevenue = a.mainBusinessRevenue();
      f.netProfit = a.netProfit();
      f.totalAssets = a.totalAssets();
      f.totalLiabilities = a.totalLiabilities();
      f.rdExpense = a.rdExpense();
      f.employees = a.employees();
      f.rdStaff = a.rdStaff();
      f.filedAt = a.filedAt();
      put(l.annual, a.year(), f);
    } else if (r instanceof CreditRating c) {
      put(l.ratings, c.year(), new RatingFact(c.year(), c.level().code(), c.publishedAt()));
    } else if (r instanceof MeterReading m) {
      put(l.meters, m.identity(), new MeterFact(m.carrier().code(), m.unit().code(), m.amount(),
          (int) m.from().toEpochDay(), (int) m.to().toEpochDay(),
          SETTINGS.ledger.energy.tce(m.carrier(), m.unit(), m.amount())));
    } else if (r instanceof IpEvent e) {
      put(l.ipEvents, e.identity(), new IpEventFact(e.ipNo(), e.ipType().code(), e.event().code(), e.at()));
    } else if (r instanceof Profile p) {
      profileField(l, ProfileField.REGISTERED_AT, p.registeredAt(), p);
      profileField(l, ProfileField.DISTRICT, p.district(), p);
      profileField(l, ProfileField.INDUSTRY, p.industry(), p);
      profileField(l, ProfileField.LAND_AREA_MU, p.landAreaMu(), p);
      profileField(l, ProfileField.CERTIFICATIONS, p.certifications(), p);
    } else if (r instanceof TitleEvent t) {
      put(l.titles, t.identity(), new TitleFact(t.title().code(), t.action().code(), t.at(),
          t.validUntil() == null ? null : (int) t.validUntil().toEpochDay()));
    } else if (r instanceof Financing || r instanceof Award) {
      // the current form's fact, under the first form's key
      Ledger one = new Ledger();
      one.apply(r, SETTINGS.ledger);
      if (r instanceof Financing) {
        put(l.financing, r.identity(), one.financing.values().iterator().next());
      } else {
        put(l.awards, r.identity(), one.awards.values().iterator().next());
      }
    } else {
      // listings, bank, incidents: the same maps in both forms
      Ledger one = new Ledger();
      one.apply(r, SETTINGS.ledger);
      one.listings.forEach((k, f) -> put(l.listings, k, f));
      one.incidents.forEach((k, f) -> put(l.incidents, k, f));
      if (one.bank != null && (l.bank == null || Versioned.compare(one.bank, l.bank) > 0)) {
        l.bank = one.bank;
      }
    }
  }

  private static void profileField(Ledger l, ProfileField field, Object value, Profile p) {
    if (value == null) {
      return;
    }
    String text;
    if (value instanceof Collection<?> list) {
      Set<String> sorted = new TreeSet<>();
      list.forEach(o -> sorted.add(o instanceof Coded c ? c.code() : String.valueOf(o)));
      try {
        text = Json.MAPPER.writeValueAsString(sorted);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    } else {
      text = value instanceof Coded c ? c.code() : value.toString();
    }
    put(l.profile, field.name(), new ProfileValue(text, p.at()));
  }

  private static <K, F extends Versioned> void put(Map<K, F> map, K key, F fact) {
    F current = map.get(key);
    if (current == null || Versioned.compare(fact, current) > 0) {
      map.put(key, fact);
    }
  }
}
