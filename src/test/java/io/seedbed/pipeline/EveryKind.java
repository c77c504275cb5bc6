package io.seedbed.pipeline;

import static io.seedbed.pipeline.EnterpriseFixtures.at;

import io.seedbed.feed.Accident;
import io.seedbed.feed.AccidentCategory;
import io.seedbed.feed.AnnualReturn;
import io.seedbed.feed.Award;
import io.seedbed.feed.AwardLevel;
import io.seedbed.feed.BankCredit;
import io.seedbed.feed.CreditRating;
import io.seedbed.feed.EnergyCarrier;
import io.seedbed.feed.EnergyUnit;
import io.seedbed.feed.EnterpriseStatus;
import io.seedbed.feed.Falsification;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.Financing;
import io.seedbed.feed.IpEvent;
import io.seedbed.feed.IpEventType;
import io.seedbed.feed.IpType;
import io.seedbed.feed.ListAction;
import io.seedbed.feed.ListName;
import io.seedbed.feed.Listing;
import io.seedbed.feed.ListingStage;
import io.seedbed.feed.MeterReading;
import io.seedbed.feed.Penalty;
import io.seedbed.feed.PenaltyCategory;
import io.seedbed.feed.ProductTag;
import io.seedbed.feed.Profile;
import io.seedbed.feed.RdInstitution;
import io.seedbed.feed.Severity;
import io.seedbed.feed.TaxCreditLevel;
import io.seedbed.feed.TaxViolation;
import io.seedbed.feed.Title;
import io.seedbed.feed.TitleAction;
import io.seedbed.feed.TitleEvent;
import io.seedbed.feed.VatReturn;
import io.seedbed.feed.ViolationCategory;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** One record of every {@link FeedRecord} kind, every optional field set, for serializer tests. */
final class EveryKind {
  static final String USCC = EnterpriseFixtures.uscc(7);

  private EveryKind() {}

  static List<FeedRecord> records() {
    return List.of(
        new VatReturn(USCC, YearMonth.of(2025, 3), 1_234_567.89, 74_074.07, at("2025-04-10T10:00")),
        new AnnualReturn(USCC, 2024, 3e7, 2.7e7, -1.5e6, 2.1e7, 8e6, 1.2e6, 50, 10,
            at("2025-05-20T09:00")),
        new CreditRating(USCC, 2024, TaxCreditLevel.M, at("2025-04-20T00:00")),
        new TaxViolation(USCC, "TV-1", ViolationCategory.EVASION, at("2024-03-01T09:00")),
        new Penalty(USCC, "P-1", PenaltyCategory.ENVIRONMENT, Severity.GENERAL,
            at("2024-06-01T09:00"), 50_000.0),
        new Accident(USCC, "ACC-1", AccidentCategory.QUALITY, Severity.MAJOR, at("2024-07-01T09:00")),
        new Listing(USCC, ListName.DISHONEST_DEBTOR, ListAction.REMOVE, at("2024-08-01T09:00")),
        new BankCredit(USCC, LocalDate.of(2025, 6, 30), 12, 88.5),
        new Falsification(USCC, "F-1", at("2023-02-01T09:00")),
        new MeterReading(USCC, EnergyCarrier.NATURAL_GAS, 1_500.25, EnergyUnit.M3,
            LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 31), "GAS-7"),
        new IpEvent(USCC, "ZL202410000001.X", IpType.INVENTION, IpEventType.TRANSFERRED_IN,
            at("2024-09-01T09:00")),
        new Profile(USCC, at("2025-01-02T09:00"), "日照测试科技有限公司", LocalDate.of(2015, 3, 1),
            "371102", "C3311", true, EnterpriseStatus.ACTIVE, 12.5, List.of("ISO9001", "IATF16949"),
            LocalDate.of(2018, 1, 1), List.of(ProductTag.STRATEGIC_EMERGING, ProductTag.KEY_CHAIN),
            RdInstitution.PROVINCIAL, 3, false, ListingStage.NEEQ, 1.2e9, 0.12, 2, 86.5),
        new TitleEvent(USCC, Title.LITTLE_GIANT, TitleAction.GRANTED, at("2024-10-01T09:00"),
            LocalDate.of(2027, 9, 30)),
        new Financing(USCC, 2e7, true, at("2024-11-01T09:00")),
        new Award(USCC, AwardLevel.PROVINCIAL, 2, at("2024-12-01T09:00")));
  }
}
