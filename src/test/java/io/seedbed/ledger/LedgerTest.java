package io.seedbed.ledger;

import static io.seedbed.ledger.Fixtures.SETTINGS;
import static io.seedbed.ledger.Fixtures.USCC;
import static io.seedbed.ledger.Fixtures.annual;
import static io.seedbed.ledger.Fixtures.at;
import static io.seedbed.ledger.Fixtures.electricity;
import static io.seedbed.ledger.Fixtures.ip;
import static io.seedbed.ledger.Fixtures.profile;
import static io.seedbed.ledger.Fixtures.vat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.seedbed.feed.BankCredit;
import io.seedbed.feed.CreditRating;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.IpEventType;
import io.seedbed.feed.IpType;
import io.seedbed.feed.ListAction;
import io.seedbed.feed.ListName;
import io.seedbed.feed.Listing;
import io.seedbed.feed.Penalty;
import io.seedbed.feed.PenaltyCategory;
import io.seedbed.feed.Profile;
import io.seedbed.feed.ProductTag;
import io.seedbed.feed.Severity;
import io.seedbed.feed.TaxCreditLevel;
import io.seedbed.feed.Title;
import io.seedbed.feed.TitleAction;
import io.seedbed.feed.TitleEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class LedgerTest {
  private final Ledger ledger = new Ledger();

  private LedgerChange apply(FeedRecord r) {
    return ledger.apply(r, SETTINGS);
  }

  // ---------------------------------------------------------------- Amendments
  @Test
  void aLaterFilingForTheSamePeriodReplacesTheEarlierOne() {
    assertThat(apply(vat("2025-01", 100_000, 6_000, "2025-02-15T10:00"))).isEqualTo(LedgerChange.CHANGED);
    assertThat(apply(vat("2025-01", 120_000, 7_000, "2025-03-01T10:00"))).isEqualTo(LedgerChange.CHANGED);
    // the original filing re-delivered late changes nothing
    assertThat(apply(vat("2025-01", 100_000, 6_000, "2025-02-15T10:00"))).isEqualTo(LedgerChange.UNCHANGED);
    VatMonth jan = ledger.vatMonths(SETTINGS).get(202501);
    assertThat(jan.sales).isEqualTo(120_000);
    assertThat(jan.taxPaid).isEqualTo(7_000);
    assertThat(ledger.entryCount()).isEqualTo(1);
  }

  @Test
  void anExactRepeatChangesNothing() {
    assertThat(apply(annual(2024, 5e7, 4.5e7, 5e6, 4e7, 2e7, 2.5e6, 120, 24, "2025-05-20T09:00")))
        .isEqualTo(LedgerChange.CHANGED);
    int entries = ledger.entryCount();
    assertThat(apply(annual(2024, 5e7, 4.5e7, 5e6, 4e7, 2e7, 2.5e6, 120, 24, "2025-05-20T09:00")))
        .isEqualTo(LedgerChange.UNCHANGED);
    assertThat(ledger.entryCount()).isEqualTo(entries);
  }

  @Test
  void sameEventTimeWithDifferentContentKeepsTheSameVersionInEitherOrder() {
    FeedRecord a = vat("2025-01", 100_000, 5_000, "2025-02-15T10:00");
    FeedRecord b = vat("2025-01", 90_000, 5_000, "2025-02-15T10:00");
    Ledger ab = new Ledger();
    ab.apply(a, SETTINGS);
    ab.apply(b, SETTINGS);
    Ledger ba = new Ledger();
    ba.apply(b, SETTINGS);
    ba.apply(a, SETTINGS);
    // canonical "90000.0|5000.0" > "100000.0|5000.0" lexicographically, so 90,000 is kept
    assertThat(ab.vatMonths(SETTINGS).get(202501).sales).isEqualTo(90_000);
    assertThat(ba.vatMonths(SETTINGS).get(202501).sales).isEqualTo(90_000);
  }

  @Test
  void aPenaltyCaseRedecidedLaterReplacesTheFirstDecision() {
    apply(new Penalty(USCC, "P-1", PenaltyCategory.SAFETY, Severity.MAJOR, at("2024-03-01T00:00"), null));
    apply(new Penalty(USCC, "P-1", PenaltyCategory.SAFETY, Severity.GENERAL, at("2024-05-01T00:00"), 1e4));
    assertThat(ledger.incidentsInLookback(SETTINGS)).singleElement().satisfies(f -> {
      assertThat(f.id).isEqualTo("credit/penalty/P-1");
      assertThat(f.severity).isEqualTo("general");
      assertThat(f.occurredAt).isEqualTo(at("2024-05-01T00:00"));
    });
  }

  // ---------------------------------------------------------------- Windows
  @Test
  void aVatMonthOlderThan36MonthsBeforeTheLatestIsOutsideTheWindow() {
    apply(vat("2025-12", 1, 1, "2026-01-15T10:00"));
    // 2025-12 minus 36 months = 2022-12: that month and older are outside
    assertThat(apply(vat("2022-12", 1, 1, "2026-01-20T10:00"))).isEqualTo(LedgerChange.OUTSIDE_WINDOW);
    assertThat(apply(vat("2023-01", 1, 1, "2023-02-15T10:00"))).isEqualTo(LedgerChange.CHANGED);
    // the outside record was still the latest event seen
    assertThat(ledger.latestEventTime()).isEqualTo(at("2026-01-20T10:00"));
    assertThat(ledger.vatMonths(SETTINGS).keySet()).containsExactly(202301, 202512);
  }

  @Test
  void onlyTheLatestFourAnnualReturnsAreKept() {
    for (int year = 2021; year <= 2024; year++) {
      apply(annual(year, 1e7, 1e7, 1e6, 1e7, 5e6, 1e5, 50, 5, (year + 1) + "-05-01T09:00"));
    }
    assertThat(apply(annual(2020, 1e7, 1e7, 1e6, 1e7, 5e6, 1e5, 50, 5, "2021-05-01T09:00")))
        .isEqualTo(LedgerChange.OUTSIDE_WINDOW);
    assertThat(ledger.annualReturns(SETTINGS).keySet()).containsExactly(2021, 2022, 2023, 2024);
  }

  @Test
  void creditEventsOlderThanTheLookBackAreOutsideTheWindow() {
    apply(vat("2025-05", 1, 1, "2025-06-10T10:00"));
    // look-back 3 years from 2025-06-10T10:00
    assertThat(apply(new Penalty(USCC, "old", PenaltyCategory.QUALITY, Severity.MAJOR,
        at("2022-06-10T09:59"), null))).isEqualTo(LedgerChange.OUTSIDE_WINDOW);
    assertThat(apply(new Penalty(USCC, "edge", PenaltyCategory.QUALITY, Severity.MAJOR,
        at("2022-06-10T10:00"), null))).isEqualTo(LedgerChange.CHANGED);
  }

  // ---------------------------------------------------------------- Energy
  @Test
  void aReadingIsSpreadOverTheMonthsItCoversByDays() {
    // 31,000 kWh × 0.1229 kgce = 3.8099 tce over 31 days: 17 in January (15..31), 14 in February
    apply(electricity("2025-01-15", "2025-02-14", 31_000));
    SortedMap<Integer, Double> tce = ledger.energyTceByMonth(SETTINGS);
    assertThat(tce.keySet()).containsExactly(202501, 202502);
    assertThat(tce.get(202501)).isCloseTo(3.8099 * 17 / 31, within(1e-12));
    assertThat(tce.get(202502)).isCloseTo(3.8099 * 14 / 31, within(1e-12));
  }

  @Test
  void aCorrectedReadingReplacesItsEarlierContribution() {
    apply(electricity("2025-01-01", "2025-01-31", 10_000));
    // same identity (carrier, meter, from, to), so the same event time: the greater canonical
    // content "kWh|20000.0" wins over "kWh|10000.0" in either order
    assertThat(apply(electricity("2025-01-01", "2025-01-31", 20_000))).isEqualTo(LedgerChange.CHANGED);
    assertThat(apply(electricity("2025-01-01", "2025-01-31", 10_000))).isEqualTo(LedgerChange.UNCHANGED);
    assertThat(ledger.energyTceByMonth(SETTINGS).get(202501)).isCloseTo(2.458, within(1e-12));
  }

  // ---------------------------------------------------------------- IpLifecycle
  private IpItem item(String ipNo) {
    return ledger.ipItems(SETTINGS, ledger.latestEventTime()).stream()
        .filter(i -> i.ipNo.equals(ipNo)).findFirst().orElseThrow();
  }

  @Test
  void filedOnlyIsNotValidButSelfDeveloped() {
    apply(ip("ZL1", IpType.INVENTION, IpEventType.FILED, "2020-01-01T00:00"));
    assertThat(item("ZL1").valid).isFalse();
    assertThat(item("ZL1").selfDeveloped).isTrue();
  }

  @Test
  void grantedThenLapsedThenRestored() {
    apply(ip("ZL1", IpType.INVENTION, IpEventType.FILED, "2018-01-01T00:00"));
    apply(ip("ZL1", IpType.INVENTION, IpEventType.GRANTED, "2020-01-01T00:00"));
    assertThat(item("ZL1").valid).isTrue();
    assertThat(item("ZL1").grantedAt).isEqualTo(at("2020-01-01T00:00"));
    apply(ip("ZL1", IpType.INVENTION, IpEventType.LAPSED, "2023-01-01T00:00"));
    assertThat(item("ZL1").valid).isFalse();
    assertThat(item("ZL1").endedAt).isEqualTo(at("2023-01-01T00:00"));
    apply(ip("ZL1", IpType.INVENTION, IpEventType.RESTORED, "2023-02-01T00:00"));
    assertThat(item("ZL1").valid).isTrue();
    assertThat(item("ZL1").endedAt).isNull();
    assertThat(item("ZL1").selfDeveloped).isTrue();
  }

  @Test
  void restoredWithoutEverBeingValidStaysInvalid() {
    apply(ip("ZL1", IpType.INVENTION, IpEventType.FILED, "2018-01-01T00:00"));
    apply(ip("ZL1", IpType.INVENTION, IpEventType.RESTORED, "2019-01-01T00:00"));
    assertThat(item("ZL1").valid).isFalse();
  }

  @Test
  void invalidatedAndTransferredOutEndValidity() {
    apply(ip("ZL1", IpType.INVENTION, IpEventType.GRANTED, "2020-01-01T00:00"));
    apply(ip("ZL1", IpType.INVENTION, IpEventType.INVALIDATED, "2021-01-01T00:00"));
    apply(ip("ZL2", IpType.UTILITY_MODEL, IpEventType.GRANTED, "2020-01-01T00:00"));
    apply(ip("ZL2", IpType.UTILITY_MODEL, IpEventType.TRANSFERRED_OUT, "2021-06-01T00:00"));
    assertThat(item("ZL1").valid).isFalse();
    assertThat(item("ZL2").valid).isFalse();
    assertThat(item("ZL2").endedAt).isEqualTo(at("2021-06-01T00:00"));
  }

  @Test
  void transferredInIsValidButNotSelfDeveloped() {
    apply(ip("ZL1", IpType.INVENTION, IpEventType.FILED, "2018-01-01T00:00"));
    apply(ip("ZL1", IpType.INVENTION, IpEventType.TRANSFERRED_IN, "2021-01-01T00:00"));
    assertThat(item("ZL1").valid).isTrue();
    assertThat(item("ZL1").transferredInAt).isEqualTo(at("2021-01-01T00:00"));
    assertThat(item("ZL1").selfDeveloped).isFalse();
  }

  @Test
  void flagsForHighValue() {
    apply(ip("ZL1", IpType.INVENTION, IpEventType.GRANTED, "2020-01-01T00:00"));
    apply(ip("ZL1", IpType.INVENTION, IpEventType.PLEDGED, "2021-01-01T00:00"));
    apply(ip("ZL1", IpType.INVENTION, IpEventType.FOREIGN_GRANTED, "2022-01-01T00:00"));
    apply(ip("ZL1", IpType.INVENTION, IpEventType.AWARDED, "2023-01-01T00:00"));
    IpItem zl1 = item("ZL1");
    assertThat(zl1.valid).isTrue();
    assertThat(zl1.pledged).isTrue();
    assertThat(zl1.foreignGranted).isTrue();
    assertThat(zl1.awarded).isTrue();
    assertThat(zl1.classOne()).isTrue();
  }

  @Test
  void grantedAndLapsedAtTheSameInstantIsInvalid() {
    apply(ip("ZL1", IpType.INVENTION, IpEventType.LAPSED, "2020-01-01T00:00"));
    apply(ip("ZL1", IpType.INVENTION, IpEventType.GRANTED, "2020-01-01T00:00"));
    assertThat(item("ZL1").valid).isFalse();
  }

  @Test
  void eventsArrivingInReverseOrderGiveTheSameState() {
    List<FeedRecord> events = new ArrayList<>(List.of(
        ip("ZL1", IpType.INVENTION, IpEventType.FILED, "2018-01-01T00:00"),
        ip("ZL1", IpType.INVENTION, IpEventType.GRANTED, "2020-01-01T00:00"),
        ip("ZL1", IpType.INVENTION, IpEventType.LAPSED, "2023-01-01T00:00"),
        ip("ZL1", IpType.INVENTION, IpEventType.RESTORED, "2023-02-01T00:00")));
    Collections.reverse(events);
    events.forEach(this::apply);
    assertThat(item("ZL1").valid).isTrue();
    assertThat(item("ZL1").grantedAt).isEqualTo(at("2020-01-01T00:00"));
  }

  @Test
  void anAbnormalFilingIsAnIncident() {
    apply(ip("ZL9", IpType.UTILITY_MODEL, IpEventType.FILED, "2024-01-01T00:00"));
    apply(ip("ZL9", IpType.UTILITY_MODEL, IpEventType.ABNORMAL, "2024-03-01T00:00"));
    assertThat(item("ZL9").abnormalAt).isEqualTo(at("2024-03-01T00:00"));
    assertThat(ledger.incidentsInLookback(SETTINGS)).singleElement().satisfies(f -> {
      assertThat(f.type).isEqualTo("abnormal_ip");
      assertThat(f.id).isEqualTo("patent/ip_event/ZL9");
    });
  }

  // ---------------------------------------------------------------- Lists
  private Listing listing(ListAction action, String at) {
    return new Listing(USCC, ListName.ABNORMAL_OPERATION, action, at(at));
  }

  @Test
  void theLatestActionDecidesMembership() {
    apply(listing(ListAction.ADD, "2024-01-01T00:00"));
    assertThat(ledger.onList(ListName.ABNORMAL_OPERATION)).isTrue();
    assertThat(apply(listing(ListAction.REMOVE, "2024-06-01T00:00"))).isEqualTo(LedgerChange.CHANGED);
    assertThat(ledger.onList(ListName.ABNORMAL_OPERATION)).isFalse();
    // an older add arriving late changes nothing
    assertThat(apply(listing(ListAction.ADD, "2024-03-01T00:00"))).isEqualTo(LedgerChange.UNCHANGED);
    assertThat(ledger.onList(ListName.ABNORMAL_OPERATION)).isFalse();
    apply(listing(ListAction.ADD, "2025-01-01T00:00"));
    assertThat(ledger.onList(ListName.ABNORMAL_OPERATION)).isTrue();
    assertThat(ledger.onList(ListName.DISHONEST_DEBTOR)).isFalse();
  }

  // ---------------------------------------------------------------- ProfilePatches
  @Test
  void anOlderPatchArrivingLateDoesNotOverrideNewerFieldsButFillsOthers() {
    apply(profile("2025-03-01T00:00", null, "C3311", null, 50.0, null));
    LedgerChange late = apply(profile("2024-01-01T00:00", "371102", "F5111", LocalDate.of(2015, 3, 1), 40.0, null));
    assertThat(late).isEqualTo(LedgerChange.CHANGED);
    assertThat(ledger.profileValue(ProfileField.INDUSTRY)).isEqualTo("C3311");
    assertThat(ledger.profileValue(ProfileField.LAND_AREA_MU)).isEqualTo("50.0");
    assertThat(ledger.profileValue(ProfileField.DISTRICT)).isEqualTo("371102");
    assertThat(ledger.profileValue(ProfileField.REGISTERED_AT)).isEqualTo("2015-03-01");
    // the same late patch again: nothing new
    assertThat(apply(profile("2024-01-01T00:00", "371102", "F5111", LocalDate.of(2015, 3, 1), 40.0, null)))
        .isEqualTo(LedgerChange.UNCHANGED);
  }

  @Test
  void listsAreStoredSortedSoTheirOrderDoesNotMatter() {
    apply(new Profile(USCC, at("2025-01-01T00:00"), null, null, null, null, null, null, null,
        List.of("ISO9001", "ISO14001"), null, List.of(ProductTag.SIX_FOUNDATIONS, ProductTag.KEY_CHAIN),
        null, null, null, null, null, null, null, null));
    assertThat(ledger.profileValue(ProfileField.CERTIFICATIONS)).isEqualTo("[\"ISO14001\",\"ISO9001\"]");
    assertThat(ledger.profileValue(ProfileField.PRODUCT_TAGS)).isEqualTo("[\"key_chain\",\"six_foundations\"]");
  }

  // ---------------------------------------------------------------- Titles
  private TitleEvent title(TitleAction action, String at, String validUntil) {
    return new TitleEvent(USCC, Title.SRDI_PROVINCIAL, action, at(at),
        validUntil == null ? null : LocalDate.parse(validUntil));
  }

  @Test
  void heldFromGrantUntilValidUntilInclusive() {
    apply(title(TitleAction.GRANTED, "2023-01-01T00:00", "2025-12-31"));
    assertThat(ledger.titleHeldAt("srdi_provincial", at("2022-12-31T23:59"))).isFalse();
    assertThat(ledger.titleHeldAt("srdi_provincial", at("2023-01-01T00:00"))).isTrue();
    assertThat(ledger.titleHeldAt("srdi_provincial", at("2025-12-31T23:59"))).isTrue();
    assertThat(ledger.titleHeldAt("srdi_provincial", at("2026-01-01T00:00"))).isFalse();
  }

  @Test
  void revocationEndsItAndARegrantRestartsIt() {
    apply(title(TitleAction.GRANTED, "2023-01-01T00:00", null));
    apply(title(TitleAction.REVOKED, "2024-06-01T00:00", null));
    apply(title(TitleAction.GRANTED, "2025-01-01T00:00", null));
    assertThat(ledger.titleHeldAt("srdi_provincial", at("2024-05-31T00:00"))).isTrue();
    assertThat(ledger.titleHeldAt("srdi_provincial", at("2024-07-01T00:00"))).isFalse();
    assertThat(ledger.titleHeldAt("srdi_provincial", at("2025-02-01T00:00"))).isTrue();
    assertThat(ledger.titlesHeldAt(at("2025-02-01T00:00"))).containsExactly("srdi_provincial");
  }

  @Test
  void grantedAndExpiredAtTheSameInstantIsNotHeld() {
    apply(title(TitleAction.EXPIRED, "2024-01-01T00:00", null));
    apply(title(TitleAction.GRANTED, "2024-01-01T00:00", null));
    assertThat(ledger.titleHeldAt("srdi_provincial", at("2024-02-01T00:00"))).isFalse();
  }

  // ---------------------------------------------------------------- Credit
  @Test
  void aDRatingIsAnIncidentUntilItIsAmended() {
    apply(new CreditRating(USCC, 2024, TaxCreditLevel.D, at("2025-04-20T00:00")));
    assertThat(ledger.incidentsInLookback(SETTINGS)).extracting(f -> f.type).containsExactly("tax_credit_d");
    apply(new CreditRating(USCC, 2024, TaxCreditLevel.B, at("2025-05-20T00:00")));
    assertThat(ledger.incidentsInLookback(SETTINGS)).isEmpty();
  }

  @Test
  void theLatestBankStatusWins() {
    apply(new BankCredit(USCC, LocalDate.of(2025, 3, 1), 0, 80.0));
    assertThat(apply(new BankCredit(USCC, LocalDate.of(2025, 1, 1), 30, 60.0))).isEqualTo(LedgerChange.UNCHANGED);
    assertThat(ledger.bank.overdueDays).isZero();
    assertThat(ledger.bank.creditScore).isEqualTo(80.0);
  }
}
