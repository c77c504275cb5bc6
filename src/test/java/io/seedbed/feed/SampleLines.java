package io.seedbed.feed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/** One valid line of every kind, the record it must decode to, and its required fields. */
final class SampleLines {
  /** The job's clock in every decoder test: 2025-06-15 10:00 in China. */
  static final Instant NOW = Instant.parse("2025-06-15T02:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** Valid codes; the check characters are computed in UsccTest. */
  static final String USCC = "91371100706285721Y";
  static final String USCC_2 = "91370000163446410B";

  record Sample(Feed feed, String kind, String line, FeedRecord expected, List<String> required) {}

  /** Single quotes stand for double quotes, so that the lines stay readable. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static final Sample VAT_RETURN = new Sample(Feed.TAX, "vat_return",
      json("{'kind':'vat_return','uscc':'" + USCC + "','period':'2025-03','sales':1250000.5,"
          + "'taxPaid':81234,'filedAt':'2025-04-12T09:30:00+08:00'}"),
      new VatReturn(USCC, YearMonth.of(2025, 3), 1_250_000.5, 81_234.0,
          Instant.parse("2025-04-12T01:30:00Z")),
      List.of("uscc", "period", "sales", "taxPaid", "filedAt"));

  static final Sample ANNUAL_RETURN = new Sample(Feed.TAX, "annual_return",
      json("{'kind':'annual_return','uscc':'" + USCC + "','year':2024,'operatingRevenue':52000000,"
          + "'mainBusinessRevenue':48000000,'netProfit':-1200000.75,'totalAssets':80000000,"
          + "'totalLiabilities':30000000,'rdExpense':2600000,'employees':180,'rdStaff':27,"
          + "'filedAt':'2025-05-20T16:00:00+08:00'}"),
      new AnnualReturn(USCC, 2024, 52_000_000, 48_000_000, -1_200_000.75, 80_000_000, 30_000_000,
          2_600_000, 180, 27, Instant.parse("2025-05-20T08:00:00Z")),
      List.of("uscc", "year", "operatingRevenue", "mainBusinessRevenue", "netProfit", "totalAssets",
          "totalLiabilities", "rdExpense", "employees", "rdStaff", "filedAt"));

  static final Sample CREDIT_RATING = new Sample(Feed.TAX, "credit_rating",
      json("{'kind':'credit_rating','uscc':'" + USCC + "','year':2024,'level':'A',"
          + "'publishedAt':'2025-04-01T00:00:00+08:00'}"),
      new CreditRating(USCC, 2024, TaxCreditLevel.A, Instant.parse("2025-03-31T16:00:00Z")),
      List.of("uscc", "year", "level", "publishedAt"));

  static final Sample VIOLATION = new Sample(Feed.TAX, "violation",
      json("{'kind':'violation','uscc':'" + USCC + "','caseId':'RZ-TAX-2024-017',"
          + "'category':'evasion','decidedAt':'2024-11-03T10:00:00+08:00'}"),
      new TaxViolation(USCC, "RZ-TAX-2024-017", ViolationCategory.EVASION,
          Instant.parse("2024-11-03T02:00:00Z")),
      List.of("uscc", "caseId", "category", "decidedAt"));

  static final Sample PENALTY = new Sample(Feed.CREDIT, "penalty",
      json("{'kind':'penalty','uscc':'" + USCC + "','caseId':'日环罚〔2024〕12号',"
          + "'category':'environment','severity':'general','decidedAt':'2024-08-01T09:00:00+08:00',"
          + "'amount':50000}"),
      new Penalty(USCC, "日环罚〔2024〕12号", PenaltyCategory.ENVIRONMENT, Severity.GENERAL,
          Instant.parse("2024-08-01T01:00:00Z"), 50_000.0),
      List.of("uscc", "caseId", "category", "severity", "decidedAt"));

  static final Sample ACCIDENT = new Sample(Feed.CREDIT, "accident",
      json("{'kind':'accident','uscc':'" + USCC + "','caseId':'ACC-7','category':'safety',"
          + "'severity':'major','occurredAt':'2023-12-24T22:15:00+08:00'}"),
      new Accident(USCC, "ACC-7", AccidentCategory.SAFETY, Severity.MAJOR,
          Instant.parse("2023-12-24T14:15:00Z")),
      List.of("uscc", "caseId", "category", "severity", "occurredAt"));

  static final Sample LISTING = new Sample(Feed.CREDIT, "listing",
      json("{'kind':'listing','uscc':'" + USCC + "','list':'abnormal_operation','action':'add',"
          + "'at':'2024-07-01T08:00:00Z'}"),
      new Listing(USCC, ListName.ABNORMAL_OPERATION, ListAction.ADD,
          Instant.parse("2024-07-01T08:00:00Z")),
      List.of("uscc", "list", "action", "at"));

  static final Sample BANK = new Sample(Feed.CREDIT, "bank",
      json("{'kind':'bank','uscc':'" + USCC + "','asOf':'2025-05-31','overdueDays':0,"
          + "'creditScore':87.5}"),
      new BankCredit(USCC, LocalDate.of(2025, 5, 31), 0, 87.5),
      List.of("uscc", "asOf", "overdueDays"));

  static final Sample FALSIFICATION = new Sample(Feed.CREDIT, "falsification",
      json("{'kind':'falsification','uscc':'" + USCC + "','caseId':'F-1',"
          + "'at':'2025-01-10T12:00:00+08:00'}"),
      new Falsification(USCC, "F-1", Instant.parse("2025-01-10T04:00:00Z")),
      List.of("uscc", "caseId", "at"));

  static final Sample METER = new Sample(Feed.ENERGY, "meter",
      json("{'kind':'meter','uscc':'" + USCC + "','carrier':'electricity','amount':123456.7,"
          + "'unit':'kWh','from':'2025-04-01','to':'2025-04-30','meterId':'M-001'}"),
      new MeterReading(USCC, EnergyCarrier.ELECTRICITY, 123_456.7, EnergyUnit.KWH,
          LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30), "M-001"),
      List.of("uscc", "carrier", "amount", "unit", "from", "to"));

  static final Sample IP_EVENT = new Sample(Feed.PATENT, "ip_event",
      json("{'kind':'ip_event','uscc':'" + USCC + "','ipNo':'ZL202310123456.7','ipType':'invention',"
          + "'event':'granted','at':'2024-09-10T00:00:00+08:00'}"),
      new IpEvent(USCC, "ZL202310123456.7", IpType.INVENTION, IpEventType.GRANTED,
          Instant.parse("2024-09-09T16:00:00Z")),
      List.of("uscc", "ipNo", "ipType", "event", "at"));

  static final Sample PROFILE = new Sample(Feed.REGISTRY, "profile",
      json("{'kind':'profile','uscc':'" + USCC + "','at':'2025-01-02T09:00:00+08:00',"
          + "'name':'日照市精工机械有限公司','registeredAt':'2008-03-15','district':'371102',"
          + "'industry':'C3311','legalPerson':true,'status':'active','landAreaMu':35.5,"
          + "'certifications':['ISO9001','ISO14001'],'nicheSince':'2012-06-01',"
          + "'productTags':['six_foundations','key_chain'],'rdInstitution':'city','digitalLevel':3,"
          + "'ownBrand':true,'listing':'neeq','valuationUsd':120000000,'marketShare':0.12,"
          + "'marketRank':3,'developmentScore':78.5}"),
      new Profile(USCC, Instant.parse("2025-01-02T01:00:00Z"), "日照市精工机械有限公司",
          LocalDate.of(2008, 3, 15), "371102", "C3311", true, EnterpriseStatus.ACTIVE, 35.5,
          List.of("ISO9001", "ISO14001"), LocalDate.of(2012, 6, 1),
          List.of(ProductTag.SIX_FOUNDATIONS, ProductTag.KEY_CHAIN), RdInstitution.CITY, 3, true,
          ListingStage.NEEQ, 120_000_000.0, 0.12, 3, 78.5),
      List.of("uscc", "at"));

  static final Sample TITLE = new Sample(Feed.REGISTRY, "title",
      json("{'kind':'title','uscc':'" + USCC + "','title':'srdi_provincial','action':'granted',"
          + "'at':'2024-12-20T00:00:00+08:00','validUntil':'2027-12-19'}"),
      new TitleEvent(USCC, Title.SRDI_PROVINCIAL, TitleAction.GRANTED,
          Instant.parse("2024-12-19T16:00:00Z"), LocalDate.of(2027, 12, 19)),
      List.of("uscc", "title", "action", "at"));

  static final Sample FINANCING = new Sample(Feed.REGISTRY, "financing",
      json("{'kind':'financing','uscc':'" + USCC + "','amount':20000000,'qualifiedInvestor':true,"
          + "'at':'2025-03-01T00:00:00+08:00'}"),
      new Financing(USCC, 20_000_000, true, Instant.parse("2025-02-28T16:00:00Z")),
      List.of("uscc", "amount", "qualifiedInvestor", "at"));

  static final Sample AWARD = new Sample(Feed.REGISTRY, "award",
      json("{'kind':'award','uscc':'" + USCC + "','level':'provincial','rank':2,"
          + "'at':'2024-06-01T00:00:00+08:00'}"),
      new Award(USCC, AwardLevel.PROVINCIAL, 2, Instant.parse("2024-05-31T16:00:00Z")),
      List.of("uscc", "level", "rank", "at"));

  /** Every kind of the contract, in its order. */
  static final List<Sample> ALL = List.of(VAT_RETURN, ANNUAL_RETURN, CREDIT_RATING, VIOLATION,
      PENALTY, ACCIDENT, LISTING, BANK, FALSIFICATION, METER, IP_EVENT, PROFILE, TITLE, FINANCING,
      AWARD);

  private SampleLines() {}
}
