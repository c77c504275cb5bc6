package io.seedbed.indicator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.seedbed.feed.IpType;
import io.seedbed.feed.Json;
import io.seedbed.feed.ListName;
import io.seedbed.ledger.AnnualFigures;
import io.seedbed.ledger.ChinaCalendar;
import io.seedbed.ledger.FinancingFact;
import io.seedbed.ledger.IpItem;
import io.seedbed.ledger.Ledger;
import io.seedbed.ledger.LedgerSettings;
import io.seedbed.ledger.Months;
import io.seedbed.ledger.ProfileField;
import io.seedbed.ledger.RatingFact;
import io.seedbed.ledger.VatMonth;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Ledger → {@link Indicators}: pure functions, one per group of indicators. docs/indicators.md
 * gives every formula and its criteria.md section. A value whose inputs are missing is null.
 */
public final class IndicatorCalculator {
  private static final int TTM_MONTHS = 12;
  private static final double DAYS_PER_YEAR = 365.25;

  private IndicatorCalculator() {}

  /** The indicators of {@code uscc} as of {@code asOf} (normally the ledger's latest event time). */
  public static Indicators compute(String uscc, Ledger ledger, Instant asOf, IndicatorSettings s) {
    Indicators in = new Indicators();
    in.uscc = uscc;
    in.asOf = asOf;
    profile(in, ledger, asOf, s);
    annual(in, ledger, asOf, s.ledger);
    in.smeClass = s.sme.classify(in.industry, in.employees, in.operatingRevenueLastYear,
        in.totalAssetsLastYear);
    monthly(in, ledger, s.ledger);
    ip(in, ledger, asOf, s);
    credit(in, ledger, s.ledger);
    financing(in, ledger, asOf, s);
    in.titles = ledger.titlesHeldAt(asOf);
    in.awards = ledger.awardsInLookback(s.ledger);
    return in;
  }

  // ------------------------------------------------------------------ registry profile

  private static void profile(Indicators in, Ledger l, Instant asOf, IndicatorSettings s) {
    LocalDate asOfDate = ChinaCalendar.dateOf(asOf);
    in.name = l.profileValue(ProfileField.NAME);
    in.district = l.profileValue(ProfileField.DISTRICT);
    in.industry = l.profileValue(ProfileField.INDUSTRY);
    in.industrySection = s.sme.section(in.industry);
    in.legalPerson = l.profileValue(ProfileField.LEGAL_PERSON, Boolean::valueOf);
    in.status = l.profileValue(ProfileField.STATUS);
    in.registeredAt = l.profileValue(ProfileField.REGISTERED_AT, LocalDate::parse);
    in.yearsRegistered = yearsBetween(in.registeredAt, asOfDate, s.yearsDecimals);
    in.nicheSince = l.profileValue(ProfileField.NICHE_SINCE, LocalDate::parse);
    in.yearsInNiche = yearsBetween(in.nicheSince, asOfDate, s.yearsDecimals);
    LocalDate lastYearEnd = LocalDate.of(asOfDate.getYear() - 1, 12, 31);
    in.yearsInNicheLastYearEnd = yearsBetween(in.nicheSince, lastYearEnd, s.yearsDecimals);
    in.landAreaMu = l.profileValue(ProfileField.LAND_AREA_MU, Double::valueOf);
    in.certifications = textSet(l.profileValue(ProfileField.CERTIFICATIONS, IndicatorCalculator::parseTextSet));
    in.productTags = textSet(l.profileValue(ProfileField.PRODUCT_TAGS, IndicatorCalculator::parseTextSet));
    in.rdInstitution = l.profileValue(ProfileField.RD_INSTITUTION);
    in.digitalLevel = l.profileValue(ProfileField.DIGITAL_LEVEL, Integer::valueOf);
    in.ownBrand = l.profileValue(ProfileField.OWN_BRAND, Boolean::valueOf);
    in.listingStage = l.profileValue(ProfileField.LISTING);
    in.valuationUsd = l.profileValue(ProfileField.VALUATION_USD, Double::valueOf);
    in.marketShare = l.profileValue(ProfileField.MARKET_SHARE, Double::valueOf);
    in.marketRank = l.profileValue(ProfileField.MARKET_RANK, Integer::valueOf);
    in.developmentScore = l.profileValue(ProfileField.DEVELOPMENT_SCORE, Double::valueOf);
  }

  /**
   * Fractional years from {@code from} to {@code to} (days ÷ 365.25), rounded half-up to
   * {@code decimals}: a new event a few hours later does not rewrite the snapshot.
   */
  static Double yearsBetween(LocalDate from, LocalDate to, int decimals) {
    if (from == null) {
      return null;
    }
    long days = to.toEpochDay() - from.toEpochDay();
    YearsMemo memo = yearsMemo;
    if (memo.decimals != decimals) {
      memo = new YearsMemo(decimals);
      yearsMemo = memo;
    }
    if (days < 0 || days >= memo.byDays.length) {
      return years(days, decimals);
    }
    Double years = memo.byDays[(int) days];
    if (years == null) {
      years = years(days, decimals);
      memo.byDays[(int) days] = years;
    }
    return years;
  }

  private static Double years(long days, int decimals) {
    return BigDecimal.valueOf(days / DAYS_PER_YEAR).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * {@link #yearsBetween} by day count (up to 179 years), for one number of decimals: the rounding
   * goes through a decimal string, and three of these per record cost more than all the other
   * profile fields. Shared by the operator threads without locks: a slot holds null or a Double,
   * whose final field makes it safe to read from any thread, and a lost write is computed again.
   */
  private static final class YearsMemo {
    final int decimals;
    final Double[] byDays = new Double[1 << 16];

    YearsMemo(int decimals) {
      this.decimals = decimals;
    }
  }

  private static volatile YearsMemo yearsMemo = new YearsMemo(2);

  // ------------------------------------------------------------------ annual returns

  private static void annual(Indicators in, Ledger l, Instant asOf, LedgerSettings ls) {
    SortedMap<Integer, AnnualFigures> years = l.annualReturns(ls).headMap(ChinaCalendar.dateOf(asOf).getYear());
    if (years.isEmpty()) {
      return;
    }
    int last = years.lastKey();
    AnnualFigures y0 = years.get(last);
    AnnualFigures y1 = years.get(last - 1);
    AnnualFigures y2 = years.get(last - 2);
    in.lastYear = last;
    in.employees = y0.employees;
    in.rdStaff = y0.rdStaff;
    in.operatingRevenueLastYear = y0.operatingRevenue;
    in.mainBusinessRevenueLastYear = y0.mainBusinessRevenue;
    in.mainBusinessShare = ratio(y0.mainBusinessRevenue, y0.operatingRevenue);
    in.netProfitLastYear = y0.netProfit;
    in.netMargin = ratio(y0.netProfit, y0.operatingRevenue);
    in.totalAssetsLastYear = y0.totalAssets;
    in.debtRatio = ratio(y0.totalLiabilities, y0.totalAssets);
    in.rdExpenseLastYear = y0.rdExpense;
    in.rdIntensityLastYear = ratio(y0.rdExpense, y0.operatingRevenue);
    in.rdStaffShare = ratio(y0.rdStaff, y0.employees);
    if (y1 == null) {
      return;
    }
    in.operatingRevenuePrevYear = y1.operatingRevenue;
    in.mainBusinessRevenuePrevYear = y1.mainBusinessRevenue;
    in.rdExpensePrevYear = y1.rdExpense;
    in.rdIntensityPrevYear = ratio(y1.rdExpense, y1.operatingRevenue);
    in.revenueGrowthLastYear = growth(y0.operatingRevenue, y1.operatingRevenue);
    in.mainRevenueGrowthLastYear = growth(y0.mainBusinessRevenue, y1.mainBusinessRevenue);
    if (y2 == null) {
      return;
    }
    Double mainGrowthPrev = growth(y1.mainBusinessRevenue, y2.mainBusinessRevenue);
    if (in.mainRevenueGrowthLastYear != null && mainGrowthPrev != null) {
      in.mainRevenueGrowthAvg2y = (in.mainRevenueGrowthLastYear + mainGrowthPrev) / 2;
    }
    Double revenueGrowthPrev = growth(y1.operatingRevenue, y2.operatingRevenue);
    if (in.revenueGrowthLastYear != null && revenueGrowthPrev != null) {
      in.revenueGrowthMin2y = Math.min(in.revenueGrowthLastYear, revenueGrowthPrev);
    }
    in.revenueCagr2y = cagr2(y0.operatingRevenue, y2.operatingRevenue);
    if (y0.netProfit > 0 && y2.netProfit > 0) {
      in.netProfitCagr2y = cagr2(y0.netProfit, y2.netProfit);
    }
  }

  // ------------------------------------------------------------------ VAT and energy months

  private static void monthly(Indicators in, Ledger l, LedgerSettings ls) {
    int latest = l.latestVatMonth(ls);
    if (latest != 0) {
      int prevEnd = Months.plus(latest, -TTM_MONTHS);
      in.latestVatMonth = Months.text(latest);
      List<VatMonth> ttm = l.vatMonths(latest, TTM_MONTHS, ls); // once for sales and tax
      in.salesTtm = sum12(ttm, true);
      in.salesPrevTtm = sum12(l.vatMonths(prevEnd, TTM_MONTHS, ls), true);
      in.taxPaidTtm = sum12(ttm, false);
      in.energyTceTtm = energy12(l, ls, latest);
      in.energyTcePrevTtm = energy12(l, ls, prevEnd);
    }
    in.salesGrowthYoy = growth(in.salesTtm, in.salesPrevTtm);
    in.energyGrowthYoy = growth(in.energyTceTtm, in.energyTcePrevTtm);
    in.salesPerTce = ratio(in.salesTtm, in.energyTceTtm);
    in.taxPerMu = ratio(in.taxPaidTtm, in.landAreaMu);
    in.salesPerMu = ratio(in.salesTtm, in.landAreaMu);
  }

  /** Sales (or tax) of {@code months} (a run of 12 from {@link Ledger#vatMonths}); null if none. */
  private static Double sum12(List<VatMonth> months, boolean sales) {
    if (months == null) {
      return null;
    }
    double sum = 0;
    for (VatMonth v : months) {
      sum += sales ? v.sales : v.taxPaid;
    }
    return sum;
  }

  /** Energy of the 12 months ending {@code end}; null unless readings cover every one of them. */
  private static Double energy12(Ledger l, LedgerSettings ls, int end) {
    double[] tce = l.energyTce(end, TTM_MONTHS, ls);
    if (tce == null) {
      return null;
    }
    double sum = 0;
    for (double v : tce) {
      sum += v;
    }
    return sum;
  }

  // ------------------------------------------------------------------ IP portfolio (§11)

  private static void ip(Indicators in, Ledger l, Instant asOf, IndicatorSettings s) {
    Instant yearAgo = plusYears(asOf, -1);
    List<IpItem> items = l.ipItems(s.ledger, asOf);
    IpCounts c = l.indicatorMemo() instanceof IpCounts m && m.holdFor(items, s, asOf, yearAgo)
        ? m : null;
    if (c == null) {
      c = IpCounts.of(items, s, asOf, yearAgo);
      l.indicatorMemo(c);
    }
    in.class1Ip = c.class1;
    in.class2Ip = c.class2;
    in.inventionPatents = c.inventions;
    in.highValueClass1Ip = c.highValue;
    in.selfDevelopedClass1Ip = c.selfDeveloped;
    in.utilityModels = c.utilityModels;
    in.softwareCopyrights = c.software;
    in.newClass1IpLast12m = c.newClass1;
    in.abnormalIpFilings = c.abnormal;
  }

  /**
   * The IP counts of one list of items, and the times they stay right for: every count depends on
   * the as-of time only through comparisons of it (and of a year before it) with times of the
   * items, so they hold while both stay on the same side of every such time. Most records move the
   * as-of time by little and touch no IP: they reuse the counts instead of visiting every item.
   */
  private static final class IpCounts {
    final List<IpItem> items;
    final IndicatorSettings settings;
    int class1;
    int class2;
    int inventions;
    int highValue;
    int selfDeveloped;
    int utilityModels;
    int software;
    int newClass1;
    int abnormal;
    /** asOf in [asOfFrom, asOfUntil) and yearAgo in [yearFrom, yearUntil); null = unbounded. */
    private Instant asOfFrom;
    private Instant asOfUntil;
    private Instant yearFrom;
    private Instant yearUntil;

    private IpCounts(List<IpItem> items, IndicatorSettings settings) {
      this.items = items;
      this.settings = settings;
    }

    boolean holdFor(List<IpItem> items, IndicatorSettings s, Instant asOf, Instant yearAgo) {
      return this.items == items && settings == s && within(asOf, asOfFrom, asOfUntil)
          && within(yearAgo, yearFrom, yearUntil);
    }

    private static boolean within(Instant t, Instant from, Instant until) {
      return (from == null || !t.isBefore(from)) && (until == null || t.isBefore(until));
    }

    /** Records that the counts used {@code asOf < b} (its answer flips at {@code b}). */
    private void asOfBefore(Instant asOf, Instant b) {
      if (asOf.isBefore(b)) {
        asOfUntil = asOfUntil == null || b.isBefore(asOfUntil) ? b : asOfUntil;
      } else {
        asOfFrom = asOfFrom == null || b.isAfter(asOfFrom) ? b : asOfFrom;
      }
    }

    /** {@code asOf.isAfter(x)}, recorded: it flips between {@code x} and the next instant. */
    private boolean asOfAfter(Instant asOf, Instant x) {
      if (!x.equals(Instant.MAX)) { // else never after, whatever asOf
        asOfBefore(asOf, x.plusNanos(1));
      }
      return asOf.isAfter(x);
    }

    /** {@code t.isAfter(yearAgo)}, recorded: it flips when yearAgo reaches {@code t}. */
    private boolean afterYearAgo(Instant yearAgo, Instant t) {
      if (yearAgo.isBefore(t)) {
        yearUntil = yearUntil == null || t.isBefore(yearUntil) ? t : yearUntil;
      } else {
        yearFrom = yearFrom == null || t.isAfter(yearFrom) ? t : yearFrom;
      }
      return t.isAfter(yearAgo);
    }

    static IpCounts of(List<IpItem> items, IndicatorSettings s, Instant asOf, Instant yearAgo) {
      IpCounts c = new IpCounts(items, s);
      for (IpItem item : items) {
        if (item.abnormalAt != null) {
          c.abnormal++;
        }
        Instant countsSince = countsSince(item, s);
        if (!item.valid || countsSince == null) {
          continue;
        }
        c.asOfBefore(asOf, countsSince); // countsSince.isAfter(asOf) ⇔ asOf < countsSince
        if (countsSince.isAfter(asOf)) {
          continue;
        }
        if (item.classOne()) {
          c.class1++;
          if (item.selfDeveloped) {
            c.selfDeveloped++;
          }
          if (c.afterYearAgo(yearAgo, countsSince)) {
            c.newClass1++;
          }
        }
        switch (item.type) {
          case INVENTION -> {
            c.inventions++;
            if (item.foreignGranted || item.pledged || item.awarded
                || c.maintainedMoreThan(item, item.grantedAt, s.highValueMinYearsSinceGrant, asOf)) {
              c.highValue++;
            }
          }
          case SOFTWARE_COPYRIGHT -> {
            c.software++;
            c.class2++;
          }
          case UTILITY_MODEL, DESIGN -> {
            if (item.type == IpType.UTILITY_MODEL) {
              c.utilityModels++;
            }
            Instant grant = item.grantedAt != null ? item.grantedAt : item.transferredInAt;
            if (c.maintainedMoreThan(item, grant, s.class2MinYearsSinceGrant, asOf)) {
              c.class2++;
            }
          }
          default -> { }
        }
      }
      return c;
    }

    private boolean maintainedMoreThan(IpItem item, Instant grantedAt, int years, Instant asOf) {
      return grantedAt != null && asOfAfter(asOf, item.plusYears(grantedAt, years));
    }
  }

  /**
   * When a valid item starts to count: its grant, or for an item transferred in, the transfer plus
   * the waiting time of §11; null if neither is known.
   */
  private static Instant countsSince(IpItem item, IndicatorSettings s) {
    if (item.transferredInAt != null) {
      return item.plusYears(item.transferredInAt, s.transferredInMinYears);
    }
    return item.grantedAt;
  }


  // ------------------------------------------------------------------ credit

  private static void credit(Indicators in, Ledger l, LedgerSettings ls) {
    SortedMap<Integer, RatingFact> ratings = l.creditRatings(ls);
    if (!ratings.isEmpty()) {
      RatingFact latest = ratings.get(ratings.lastKey());
      in.taxCreditLevel = latest.level;
      in.taxCreditYear = latest.year;
    }
    if (l.bank != null) {
      in.bankOverdueDays = l.bank.overdueDays;
      in.creditScore = l.bank.creditScore;
    }
    in.onAbnormalOperationList = l.onList(ListName.ABNORMAL_OPERATION);
    in.onSeriousDishonestyList = l.onList(ListName.SERIOUS_DISHONESTY);
    in.onDishonestDebtorList = l.onList(ListName.DISHONEST_DEBTOR);
    in.incidents = l.incidentsInLookback(ls);
  }

  // ------------------------------------------------------------------ financing

  private static void financing(Indicators in, Ledger l, Instant asOf, IndicatorSettings s) {
    Instant shortStart = plusYears(asOf, -s.financingShortYears);
    Instant longStart = plusYears(asOf, -s.financingLongYears);
    double all2 = 0;
    double qualified2 = 0;
    double qualified3 = 0;
    List<FinancingFact> facts = l.financingInLookback(s.ledger);
    for (FinancingFact f : facts) {
      if (f.at.isAfter(asOf)) {
        continue;
      }
      boolean inShort = !f.at.isBefore(shortStart);
      if (inShort) {
        all2 += f.amount;
      }
      if (f.qualifiedInvestor && inShort) {
        qualified2 += f.amount;
      }
      if (f.qualifiedInvestor && !f.at.isBefore(longStart)) {
        qualified3 += f.amount;
      }
    }
    in.equityFinancing2y = all2;
    in.qualifiedFinancing2y = qualified2;
    in.qualifiedFinancing3y = qualified3;
  }

  // ------------------------------------------------------------------ helpers

  /** {@code t} moved by whole years in China's calendar (29 Feb → 28 Feb). */
  private static Instant plusYears(Instant t, int years) {
    return ChinaCalendar.plusYears(t, years);
  }

  /** {@code a ÷ b}, null if either is unknown or {@code b} is 0. */
  static Double ratio(Double a, Double b) {
    return a == null || b == null || b == 0 ? null : a / b;
  }

  private static Double ratio(double a, double b) {
    return ratio(Double.valueOf(a), Double.valueOf(b));
  }

  /** {@code (current − previous) ÷ previous}, null if unknown or previous is 0. */
  static Double growth(Double current, Double previous) {
    return current == null || previous == null || previous == 0 ? null : (current - previous) / previous;
  }

  /** Compound annual growth over 2 years, null unless the start is positive and the end not negative. */
  private static Double cagr2(double end, double start) {
    return start > 0 && end >= 0 ? Math.sqrt(end / start) - 1 : null;
  }

  /** A stored profile list (a JSON array of strings) as a read-only sorted set. */
  private static Set<String> parseTextSet(String json) {
    try {
      return Collections.unmodifiableSet(
          new TreeSet<>(Json.MAPPER.readValue(json, new TypeReference<List<String>>() {})));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored profile list is not a JSON array: " + json, e);
    }
  }

  /** A fresh sorted set of {@code parsed}, empty if the field was never reported. */
  private static Set<String> textSet(Set<String> parsed) {
    return parsed == null ? new TreeSet<>() : new TreeSet<>(parsed);
  }
}
