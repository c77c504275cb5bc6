package io.seedbed.ledger;

import static io.seedbed.ledger.Fixtures.SETTINGS;
import static io.seedbed.ledger.Fixtures.at;
import static io.seedbed.ledger.Fixtures.electricity;
import static io.seedbed.ledger.Fixtures.ip;
import static io.seedbed.ledger.Fixtures.vat;
import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.feed.IpEventType;
import io.seedbed.feed.IpType;
import io.seedbed.feed.VatReturn;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Hostile volumes for one enterprise: state grows with the distinct facts that can still count,
 * never with the number of events. (The ledger must keep each distinct fact in its window, so that
 * an amendment can replace exactly the fact it names.)
 */
class LedgerAtScaleTest {

  @Test
  void aHundredThousandEventsInOneMonthKeepTheFootprintOfOneMonth() {
    Ledger ledger = new Ledger();
    ledger.apply(vat("2026-01", 1_000_000, 50_000, "2026-02-15T09:00"), SETTINGS);
    ledger.apply(electricity("2026-01-01", "2026-01-31", 10_000), SETTINGS);
    int footprint = ledger.entryCount();
    Instant base = at("2026-02-15T09:00");
    for (int i = 1; i <= 50_000; i++) {
      // 50,000 amendments of January's return, each filed a second later with other figures ...
      ledger.apply(new VatReturn(Fixtures.USCC, java.time.YearMonth.of(2026, 1), 1_000_000 + i, 50_000,
          base.plus(Duration.ofSeconds(i))), SETTINGS);
      // ... and 50,000 redeliveries of the same meter reading.
      ledger.apply(electricity("2026-01-01", "2026-01-31", 10_000), SETTINGS);
      if (i % 1000 == 0) {
        ledger.prune(SETTINGS);
      }
    }
    ledger.prune(SETTINGS);
    assertThat(ledger.entryCount()).isEqualTo(footprint);
    assertThat(ledger.vatMonths(SETTINGS).get(202601).sales).isEqualTo(1_050_000.0);
  }

  @Test
  void tenThousandIpItemsCostTheirEventsAndNothingMore() {
    Ledger ledger = new Ledger();
    for (int i = 0; i < 10_000; i++) {
      String no = "ZL2015" + String.format("%06d", i);
      ledger.apply(ip(no, IpType.UTILITY_MODEL, IpEventType.GRANTED, "2015-06-01T10:00"), SETTINGS);
      ledger.apply(ip(no, IpType.UTILITY_MODEL, IpEventType.LAPSED, "2019-06-01T10:00"), SETTINGS);
    }
    // IP events are never pruned: a later restoration or transfer can revive any item, and
    // replaying it needs its history (docs/indicators.md, "Pruning is order-free"). So state is
    // bounded by the portfolio: its events, nothing per evaluation or per redelivery.
    assertThat(ledger.entryCount()).isEqualTo(20_000);
    for (int i = 0; i < 10_000; i++) {
      ledger.apply(ip("ZL2015" + String.format("%06d", i), IpType.UTILITY_MODEL, IpEventType.GRANTED,
          "2015-06-01T10:00"), SETTINGS); // redelivered
    }
    ledger.apply(vat("2026-01", 1_000_000, 50_000, "2026-02-15T09:00"), SETTINGS);
    ledger.prune(SETTINGS);
    assertThat(ledger.entryCount()).isEqualTo(20_001);
    // Items invalid for longer than invalidIpKeptYears (config/indicators.yaml) leave the views.
    assertThat(ledger.ipItems(SETTINGS, at("2026-02-15T09:00"))).isEmpty();
  }
}
