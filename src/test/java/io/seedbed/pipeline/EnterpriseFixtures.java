package io.seedbed.pipeline;

import io.seedbed.feed.Accident;
import io.seedbed.feed.AccidentCategory;
import io.seedbed.feed.AnnualReturn;
import io.seedbed.feed.CreditRating;
import io.seedbed.feed.EnterpriseStatus;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.FeedTime;
import io.seedbed.feed.Profile;
import io.seedbed.feed.Severity;
import io.seedbed.feed.TaxCreditLevel;
import io.seedbed.feed.Title;
import io.seedbed.feed.TitleAction;
import io.seedbed.feed.TitleEvent;
import io.seedbed.feed.Uscc;
import io.seedbed.feed.VatReturn;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

/**
 * Feed records for the harness tests, built with the record constructors; times are China local
 * times. The qualifying firm is PoolScenariosIT's: under the 2022 rules it enters the
 * {@code innovative} tier on 2022-08-20 (an independent legal person, a small industrial SME by its
 * 2021 return, tax credit A, and a valid 高新技术企业 title: criteria.md §2.1 direct route 2).
 */
final class EnterpriseFixtures {
  private EnterpriseFixtures() {}

  /** A valid USCC of Donggang district (371102) whose organisation code ends in {@code n}. */
  static String uscc(int n) {
    String first17 = String.format("91371102MA%07d", n);
    return first17 + Uscc.checkCharacter(first17);
  }

  /** {@code "2022-08-05T09:00"} in China. */
  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(FeedTime.ZONE).toInstant();
  }

  static Profile profile(String uscc) {
    return new Profile(uscc, at("2022-08-05T09:00"), "日照测试科技有限公司", LocalDate.parse("2015-03-01"),
        "371102", "C3311", true, EnterpriseStatus.ACTIVE, null, null, null, null, null, null, null,
        null, null, null, null, null);
  }

  /** 50 staff and 30 M revenue in 2021: small (criteria.md §8); R&D 1.2 M (4%). */
  static AnnualReturn annualReturn2021(String uscc) {
    return annualReturn(uscc, 2021, 30_000_000, "2022-08-10T10:00");
  }

  static AnnualReturn annualReturn(String uscc, int year, double revenue, String filedAt) {
    return new AnnualReturn(uscc, year, revenue, revenue * 0.9, 2_000_000, revenue * 0.7,
        8_000_000, 1_200_000, 50, 10, at(filedAt));
  }

  static CreditRating ratingA2021(String uscc) {
    return new CreditRating(uscc, 2021, TaxCreditLevel.A, at("2022-08-15T10:00"));
  }

  static TitleEvent title(String uscc, Title title) {
    return new TitleEvent(uscc, title, TitleAction.GRANTED, at("2022-08-20T10:00"),
        LocalDate.parse("2026-08-19"));
  }

  /** The four records of a firm that enters {@code innovative} at 2022-08-20 10:00 (China). */
  static List<FeedRecord> qualifyingFirm(String uscc) {
    return List.of(profile(uscc), annualReturn2021(uscc), ratingA2021(uscc),
        title(uscc, Title.HIGH_TECH));
  }

  /** The same firm with a 科技型中小企业 title instead: no direct route under the shipped rules. */
  static List<FeedRecord> firmWithTechSmeTitle(String uscc) {
    return List.of(profile(uscc), annualReturn2021(uscc), ratingA2021(uscc),
        title(uscc, Title.TECH_SME));
  }

  /** A major safety accident: suspends the MIIT tiers for 3 years (criteria.md §1 #5, §7). */
  static Accident majorAccident(String uscc, String occurredAt) {
    return new Accident(uscc, "ACC-1", AccidentCategory.SAFETY, Severity.MAJOR, at(occurredAt));
  }

  /** The VAT return of {@code period}, filed on the 10th of the next month at 10:00. */
  static VatReturn vat(String uscc, YearMonth period, double sales) {
    return new VatReturn(uscc, period, sales, sales * 0.06,
        at(period.plusMonths(1).atDay(10) + "T10:00"));
  }
}
