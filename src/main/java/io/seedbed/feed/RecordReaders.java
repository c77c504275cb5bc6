package io.seedbed.feed;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One reader per record kind (contract/feeds.md tables): which fields each kind has, which are
 * required, and their ranges. The ranges here are the contract's value formats (a 0-100 score, a
 * 0-1 share, digital level 1-4), not policy thresholds; those live in config/.
 */
final class RecordReaders {
  /** Builds one record from a line whose kind and USCC are already checked. */
  @FunctionalInterface
  interface KindReader {
    FeedRecord read(String uscc, FieldReader f);
  }

  private static final CodeTable<TaxCreditLevel> TAX_CREDIT_LEVEL = CodeTable.of(TaxCreditLevel.class);
  private static final CodeTable<ViolationCategory> VIOLATION_CATEGORY = CodeTable.of(ViolationCategory.class);
  private static final CodeTable<PenaltyCategory> PENALTY_CATEGORY = CodeTable.of(PenaltyCategory.class);
  private static final CodeTable<AccidentCategory> ACCIDENT_CATEGORY = CodeTable.of(AccidentCategory.class);
  private static final CodeTable<Severity> SEVERITY = CodeTable.of(Severity.class);
  private static final CodeTable<ListName> LIST_NAME = CodeTable.of(ListName.class);
  private static final CodeTable<ListAction> LIST_ACTION = CodeTable.of(ListAction.class);
  private static final CodeTable<EnergyCarrier> CARRIER = CodeTable.of(EnergyCarrier.class);
  private static final CodeTable<EnergyUnit> UNIT = CodeTable.of(EnergyUnit.class);
  private static final CodeTable<IpType> IP_TYPE = CodeTable.of(IpType.class);
  private static final CodeTable<IpEventType> IP_EVENT = CodeTable.of(IpEventType.class);
  private static final CodeTable<EnterpriseStatus> STATUS = CodeTable.of(EnterpriseStatus.class);
  private static final CodeTable<ProductTag> PRODUCT_TAG = CodeTable.of(ProductTag.class);
  private static final CodeTable<RdInstitution> RD_INSTITUTION = CodeTable.of(RdInstitution.class);
  private static final CodeTable<ListingStage> LISTING_STAGE = CodeTable.of(ListingStage.class);
  private static final CodeTable<Title> TITLE = CodeTable.of(Title.class);
  private static final CodeTable<TitleAction> TITLE_ACTION = CodeTable.of(TitleAction.class);
  private static final CodeTable<AwardLevel> AWARD_LEVEL = CodeTable.of(AwardLevel.class);

  private final Map<EnergyCarrier, Set<EnergyUnit>> unitsByCarrier;
  private final Map<Feed, Map<String, KindReader>> byFeed = new EnumMap<>(Feed.class);

  RecordReaders(Map<EnergyCarrier, Set<EnergyUnit>> unitsByCarrier) {
    this.unitsByCarrier = unitsByCarrier;
    add(Feed.TAX, VatReturn.KIND, RecordReaders::vatReturn);
    add(Feed.TAX, AnnualReturn.KIND, RecordReaders::annualReturn);
    add(Feed.TAX, CreditRating.KIND, RecordReaders::creditRating);
    add(Feed.TAX, TaxViolation.KIND, RecordReaders::taxViolation);
    add(Feed.CREDIT, Penalty.KIND, RecordReaders::penalty);
    add(Feed.CREDIT, Accident.KIND, RecordReaders::accident);
    add(Feed.CREDIT, Listing.KIND, RecordReaders::listing);
    add(Feed.CREDIT, BankCredit.KIND, RecordReaders::bankCredit);
    add(Feed.CREDIT, Falsification.KIND, RecordReaders::falsification);
    add(Feed.ENERGY, MeterReading.KIND, this::meterReading);
    add(Feed.PATENT, IpEvent.KIND, RecordReaders::ipEvent);
    add(Feed.REGISTRY, Profile.KIND, RecordReaders::profile);
    add(Feed.REGISTRY, TitleEvent.KIND, RecordReaders::titleEvent);
    add(Feed.REGISTRY, Financing.KIND, RecordReaders::financing);
    add(Feed.REGISTRY, Award.KIND, RecordReaders::award);
    byFeed.replaceAll((feed, kinds) -> Collections.unmodifiableMap(kinds));
  }

  private void add(Feed feed, String kind, KindReader reader) {
    byFeed.computeIfAbsent(feed, f -> new LinkedHashMap<>()).put(kind, reader);
  }

  /** The kinds of a feed in contract order, each with its reader; empty for {@link Feed#RULES}. */
  Map<String, KindReader> kinds(Feed feed) {
    return byFeed.getOrDefault(feed, Map.of());
  }

  // ---- tax

  private static VatReturn vatReturn(String uscc, FieldReader f) {
    return new VatReturn(uscc, f.month("period"), f.amount("sales"), f.amount("taxPaid"),
        f.instant("filedAt"));
  }

  private static AnnualReturn annualReturn(String uscc, FieldReader f) {
    return new AnnualReturn(uscc, f.year("year"), f.amount("operatingRevenue"),
        f.amount("mainBusinessRevenue"), f.signedMoney("netProfit"), f.amount("totalAssets"),
        f.amount("totalLiabilities"), f.amount("rdExpense"), f.count("employees"),
        f.count("rdStaff"), f.instant("filedAt"));
  }

  private static CreditRating creditRating(String uscc, FieldReader f) {
    return new CreditRating(uscc, f.year("year"), f.code("level", TAX_CREDIT_LEVEL),
        f.instant("publishedAt"));
  }

  private static TaxViolation taxViolation(String uscc, FieldReader f) {
    return new TaxViolation(uscc, f.string("caseId"), f.code("category", VIOLATION_CATEGORY),
        f.instant("decidedAt"));
  }

  // ---- credit

  private static Penalty penalty(String uscc, FieldReader f) {
    return new Penalty(uscc, f.string("caseId"), f.code("category", PENALTY_CATEGORY),
        f.code("severity", SEVERITY), f.instant("decidedAt"), f.optionalAmount("amount"));
  }

  private static Accident accident(String uscc, FieldReader f) {
    return new Accident(uscc, f.string("caseId"), f.code("category", ACCIDENT_CATEGORY),
        f.code("severity", SEVERITY), f.instant("occurredAt"));
  }

  private static Listing listing(String uscc, FieldReader f) {
    return new Listing(uscc, f.code("list", LIST_NAME), f.code("action", LIST_ACTION),
        f.instant("at"));
  }

  private static BankCredit bankCredit(String uscc, FieldReader f) {
    return new BankCredit(uscc, f.date("asOf"), f.count("overdueDays"),
        f.optionalNumberIn("creditScore", 0, 100));
  }

  private static Falsification falsification(String uscc, FieldReader f) {
    return new Falsification(uscc, f.string("caseId"), f.instant("at"));
  }

  // ---- energy

  private MeterReading meterReading(String uscc, FieldReader f) {
    EnergyCarrier carrier = f.code("carrier", CARRIER);
    double amount = f.amount("amount");
    EnergyUnit unit = f.code("unit", UNIT);
    Set<EnergyUnit> fitting = unitsByCarrier.getOrDefault(carrier, Set.of());
    if (!fitting.contains(unit)) {
      throw new InvalidField(RejectReason.UNIT_MISMATCH, "field 'unit' \"" + unit.code()
          + "\" does not fit carrier \"" + carrier.code() + "\" (allowed: "
          + (fitting.isEmpty() ? "none configured" : codes(fitting)) + ")");
    }
    LocalDate from = f.date("from");
    LocalDate to = f.date("to");
    if (to.isBefore(from)) {
      throw new InvalidField(RejectReason.INVALID_DATE,
          "field 'to' (" + to + ") is before field 'from' (" + from + ")");
    }
    return new MeterReading(uscc, carrier, amount, unit, from, to, f.optionalString("meterId"));
  }

  private static String codes(Set<EnergyUnit> units) {
    StringBuilder sb = new StringBuilder();
    for (EnergyUnit u : EnergyUnit.values()) {
      if (units.contains(u)) {
        sb.append(sb.length() == 0 ? "" : " ").append(u.code());
      }
    }
    return sb.toString();
  }

  // ---- patent

  private static IpEvent ipEvent(String uscc, FieldReader f) {
    return new IpEvent(uscc, f.string("ipNo"), f.code("ipType", IP_TYPE),
        f.code("event", IP_EVENT), f.instant("at"));
  }

  // ---- registry

  private static Profile profile(String uscc, FieldReader f) {
    return new Profile(uscc,
        f.instant("at"),
        f.optionalString("name"),
        f.optionalDate("registeredAt"),
        f.optionalDistrict("district"),
        f.optionalIndustry("industry"),
        f.optionalBool("legalPerson"),
        f.optionalCode("status", STATUS),
        f.optionalAmount("landAreaMu"),
        f.optionalStringList("certifications"),
        f.optionalDate("nicheSince"),
        f.optionalCodeList("productTags", PRODUCT_TAG),
        f.optionalCode("rdInstitution", RD_INSTITUTION),
        f.optionalIntIn("digitalLevel", 1, 4),
        f.optionalBool("ownBrand"),
        f.optionalCode("listing", LISTING_STAGE),
        f.optionalAmount("valuationUsd"),
        f.optionalNumberIn("marketShare", 0, 1),
        f.optionalIntIn("marketRank", 1, Integer.MAX_VALUE),
        f.optionalNumberIn("developmentScore", 0, 100));
  }

  private static TitleEvent titleEvent(String uscc, FieldReader f) {
    return new TitleEvent(uscc, f.code("title", TITLE), f.code("action", TITLE_ACTION),
        f.instant("at"), f.optionalDateAnyTime("validUntil"));
  }

  private static Financing financing(String uscc, FieldReader f) {
    return new Financing(uscc, f.amount("amount"), f.bool("qualifiedInvestor"), f.instant("at"));
  }

  private static Award award(String uscc, FieldReader f) {
    return new Award(uscc, f.code("level", AWARD_LEVEL), f.intIn("rank", 1, Integer.MAX_VALUE),
        f.instant("at"));
  }
}
