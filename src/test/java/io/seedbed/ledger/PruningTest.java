package io.seedbed.ledger;

import static io.seedbed.ledger.Fixtures.USCC;
import static io.seedbed.ledger.Fixtures.annual;
import static io.seedbed.ledger.Fixtures.at;
import static io.seedbed.ledger.Fixtures.ip;
import static io.seedbed.ledger.Fixtures.vat;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.feed.CreditRating;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.Financing;
import io.seedbed.feed.IpEventType;
import io.seedbed.feed.IpType;
import io.seedbed.feed.Penalty;
import io.seedbed.feed.PenaltyCategory;
import io.seedbed.feed.Severity;
import io.seedbed.feed.TaxCreditLevel;
import io.seedbed.feed.Title;
import io.seedbed.feed.TitleAction;
import io.seedbed.feed.TitleEvent;
import io.seedbed.indicator.IndicatorCalculator;
import io.seedbed.indicator.IndicatorSettings;
import io.seedbed.indicator.Indicators;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Five years of history fed in time order (so every record is inside the window when it arrives),
 * then pruned as an event-time timer would: the ledger shrinks to the windows and every indicator
 * stays the same. Latest event: the VAT return for 2025-12, filed 2026-01-10 10:00.
 */
class PruningTest {
  private static final IndicatorSettings SETTINGS = IndicatorSettings.load(Path.of("config"));

  private static List<FeedRecord> fiveYears() {
    List<FeedRecord> r = new ArrayList<>();
    // 60 VAT months 2021-01..2025-12
    for (YearMonth m = YearMonth.of(2021, 1); !m.isAfter(YearMonth.of(2025, 12)); m = m.plusMonths(1)) {
      r.add(vat(m.toString(), 1e6, 6e4, m.plusMonths(1).atDay(10) + "T10:00"));
    }
    // 6 annual returns and 6 ratings, 2019..2024
    for (int y = 2019; y <= 2024; y++) {
      r.add(annual(y, 1e7 * (y - 2017), 9e6 * (y - 2017), 1e6, 2e7, 8e6, 5e5, 80, 12, (y + 1) + "-05-20T09:00"));
      r.add(new CreditRating(USCC, y, TaxCreditLevel.B, at((y + 1) + "-04-20T00:00")));
    }
    // 7 financing rounds, each 1 July 2019..2025
    for (int y = 2019; y <= 2025; y++) {
      r.add(new Financing(USCC, 1e6, true, at(y + "-07-01T00:00")));
    }
    // a design that lapsed on 2023-01-01 (invalid for 3 years at the end) and a valid invention
    r.add(ip("D1", IpType.DESIGN, IpEventType.GRANTED, "2015-01-01T00:00"));
    r.add(ip("D1", IpType.DESIGN, IpEventType.LAPSED, "2023-01-01T00:00"));
    r.add(ip("ZL1", IpType.INVENTION, IpEventType.GRANTED, "2016-01-01T00:00"));
    // three title actions, all older than the look-back; the 2020 grant is the latest
    r.add(new TitleEvent(USCC, Title.SRDI_CITY, TitleAction.GRANTED, at("2018-01-01T00:00"), null));
    r.add(new TitleEvent(USCC, Title.SRDI_CITY, TitleAction.REVOKED, at("2019-01-01T00:00"), null));
    r.add(new TitleEvent(USCC, Title.SRDI_CITY, TitleAction.GRANTED, at("2020-01-01T00:00"), null));
    // two penalties, 2019 and 2024
    r.add(new Penalty(USCC, "P-2019", PenaltyCategory.SAFETY, Severity.MAJOR, at("2019-05-01T00:00"), null));
    r.add(new Penalty(USCC, "P-2024", PenaltyCategory.SAFETY, Severity.GENERAL, at("2024-05-01T00:00"), null));
    r.sort(Comparator.comparing(FeedRecord::eventTime));
    return r;
  }

  @Test
  void pruningDropsWhatTheWindowsNoLongerShowAndKeepsEveryIndicator() {
    Ledger ledger = new Ledger();
    for (FeedRecord r : fiveYears()) {
      assertThat(ledger.apply(r, SETTINGS.ledger)).isEqualTo(LedgerChange.CHANGED);
    }
    // 60 VAT + 6 annual + 6 ratings + 7 financing + 3 IP events + 3 title actions + 2 penalties
    assertThat(ledger.entryCount()).isEqualTo(87);
    Indicators before = IndicatorCalculator.compute(USCC, ledger, ledger.latestEventTime(), SETTINGS);

    ledger.prune(SETTINGS.ledger);

    // 36 VAT (2023-01..2025-12) + 4 annual (2021..2024) + 3 ratings (2022..2024)
    // + 3 financing (since 2023-01-10 10:00) + 3 IP events (ZL1; D1's grant and lapse: hidden
    // from the views, but a later restoration could revive D1) + 1 title action (the latest)
    // + 1 penalty (2024)
    assertThat(ledger.entryCount()).isEqualTo(51);
    Indicators after = IndicatorCalculator.compute(USCC, ledger, ledger.latestEventTime(), SETTINGS);
    assertThat(after).usingRecursiveComparison().isEqualTo(before);
    assertThat(after.titles).containsExactly("srdi_city");
  }

  @Test
  void oldRecordsRedeliveredAfterPruningStayOutOrChangeNothing() {
    Ledger ledger = new Ledger();
    fiveYears().forEach(r -> ledger.apply(r, SETTINGS.ledger));
    ledger.prune(SETTINGS.ledger);
    int entries = ledger.entryCount();
    assertThat(ledger.apply(ip("D1", IpType.DESIGN, IpEventType.GRANTED, "2015-01-01T00:00"), SETTINGS.ledger))
        .isEqualTo(LedgerChange.UNCHANGED);
    assertThat(ledger.apply(vat("2022-06", 1e6, 6e4, "2022-07-10T10:00"), SETTINGS.ledger))
        .isEqualTo(LedgerChange.OUTSIDE_WINDOW);
    assertThat(ledger.apply(new Financing(USCC, 1e6, true, at("2020-07-01T00:00")), SETTINGS.ledger))
        .isEqualTo(LedgerChange.OUTSIDE_WINDOW);
    assertThat(ledger.apply(new TitleEvent(USCC, Title.SRDI_CITY, TitleAction.REVOKED,
        at("2019-01-01T00:00"), null), SETTINGS.ledger)).isEqualTo(LedgerChange.OUTSIDE_WINDOW);
    assertThat(ledger.apply(annual(2020, 1, 1, 1, 1, 1, 1, 1, 1, "2021-05-20T09:00"), SETTINGS.ledger))
        .isEqualTo(LedgerChange.OUTSIDE_WINDOW);
    assertThat(ledger.entryCount()).isEqualTo(entries);
  }

  /**
   * D1 lapsed 2023-01-01, three years before the latest data, so the views hide it; a restoration
   * of 2023-03-01 arriving after pruning revives it from its kept grant of 2015 (a design
   * maintained more than 2 years: class II). Dropping D1 on pruning used to lose the grant, and
   * the lone restoration replayed as never valid.
   */
  @Test
  void aLapsedItemRestoredAfterPruningCountsAgain() {
    Ledger ledger = new Ledger();
    fiveYears().forEach(r -> {
      ledger.apply(r, SETTINGS.ledger);
      ledger.prune(SETTINGS.ledger);
    });
    assertThat(IndicatorCalculator.compute(USCC, ledger, ledger.latestEventTime(), SETTINGS).class2Ip)
        .isEqualTo(0);

    assertThat(ledger.apply(ip("D1", IpType.DESIGN, IpEventType.RESTORED, "2023-03-01T00:00"), SETTINGS.ledger))
        .isEqualTo(LedgerChange.CHANGED);
    ledger.prune(SETTINGS.ledger);

    Indicators after = IndicatorCalculator.compute(USCC, ledger, ledger.latestEventTime(), SETTINGS);
    assertThat(after.class2Ip).isEqualTo(1);
    assertThat(after.class1Ip).isEqualTo(1);
  }
}
