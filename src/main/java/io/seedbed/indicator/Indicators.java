package io.seedbed.indicator;

import io.seedbed.ledger.AwardFact;
import io.seedbed.ledger.IncidentFact;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the rules can ask about one enterprise, as of one evaluation time: the growth and
 * innovation indicators (a superset of the {@code indicator_snapshot} columns) and the facts the
 * criteria name (titles, awards, incidents, list memberships).
 *
 * <p>Every value whose inputs are missing is null, never 0: "unknown" must not pass a criterion.
 * Ratios are fractions (0.035 is 3.5%); money is in yuan. "Last year" is the latest year with an
 * annual return before the year of {@link #asOf}; "previous year" the year before it.
 */
public class Indicators {
  // ---- identity and profile (registry) ----
  public String uscc;
  /** Registered name, null if never reported. */
  public String name;
  /** The evaluation time: the enterprise's latest event time. */
  public Instant asOf;
  public String district;
  /** GB/T 4754 code, e.g. {@code C3311}. */
  public String industry;
  /** Section of the 2011 SME classification the industry falls in, e.g. {@code industry}, {@code software}. */
  public String industrySection;
  public Boolean legalPerson;
  /** {@code active deregistered revoked}. */
  public String status;
  public LocalDate registeredAt;
  public Double yearsRegistered;
  public LocalDate nicheSince;
  public Double yearsInNiche;
  /** Years in the niche at Dec 31 of the year before {@link #asOf} ("as of last year-end", §3.3 #2, §4.1). */
  public Double yearsInNicheLastYearEnd;
  public Double landAreaMu;
  public Set<String> certifications = new TreeSet<>();
  /** ProductTag codes. */
  public Set<String> productTags = new TreeSet<>();
  /** RdInstitution code, null if never reported. */
  public String rdInstitution;
  public Integer digitalLevel;
  public Boolean ownBrand;
  /** ListingStage code. */
  public String listingStage;
  public Double valuationUsd;
  public Double marketShare;
  public Integer marketRank;
  /** MIIT platform 专精特新发展评价 score of the year (ingested, not recomputed). */
  public Double developmentScore;

  // ---- size (中小企业划型) ----
  /** {@code large medium small micro}. */
  public String smeClass;
  public Integer employees;
  public Integer rdStaff;

  // ---- annual returns ----
  /** The year called "last year", null without an annual return. */
  public Integer lastYear;
  public Double operatingRevenueLastYear;
  public Double operatingRevenuePrevYear;
  public Double mainBusinessRevenueLastYear;
  public Double mainBusinessRevenuePrevYear;
  /** Main-business revenue ÷ operating revenue, last year. */
  public Double mainBusinessShare;
  /** Operating revenue growth, last year over previous year. */
  public Double revenueGrowthLastYear;
  /** Main-business revenue growth, last year over previous year (创新型 ③). */
  public Double mainRevenueGrowthLastYear;
  /** Mean of the last two yearly main-business revenue growth rates (专精特新 2022, 小巨人 2022). */
  public Double mainRevenueGrowthAvg2y;
  /** Compound annual growth of operating revenue over the last 2 years. */
  public Double revenueCagr2y;
  /** Compound annual growth of net profit over the last 2 years (null unless both ends positive). */
  public Double netProfitCagr2y;
  /** Lowest of the last two yearly operating revenue growth rates (瞪羚: "every year"). */
  public Double revenueGrowthMin2y;
  public Double netProfitLastYear;
  public Double netMargin;
  public Double totalAssetsLastYear;
  public Double debtRatio;
  public Double rdExpenseLastYear;
  public Double rdExpensePrevYear;
  public Double rdIntensityLastYear;
  public Double rdIntensityPrevYear;
  public Double rdStaffShare;

  // ---- monthly (VAT, energy) ----
  /** The latest month with a VAT return, "YYYY-MM". */
  public String latestVatMonth;
  public Double salesTtm;
  public Double salesPrevTtm;
  public Double salesGrowthYoy;
  public Double taxPaidTtm;
  public Double energyTceTtm;
  public Double energyTcePrevTtm;
  public Double energyGrowthYoy;
  public Double salesPerTce;
  public Double taxPerMu;
  public Double salesPerMu;

  // ---- IP portfolio (criteria.md §11), valid items only ----
  public Integer class1Ip;
  public Integer class2Ip;
  public Integer inventionPatents;
  public Integer highValueClass1Ip;
  public Integer selfDevelopedClass1Ip;
  public Integer utilityModels;
  public Integer softwareCopyrights;
  /** Class I items that became valid in the 12 months before {@link #asOf}. */
  public Integer newClass1IpLast12m;
  /** IP items in the kept portfolio marked as abnormal filings (非正常专利申请). */
  public Integer abnormalIpFilings;

  // ---- credit ----
  /** Latest published 纳税信用等级 (A B M C D). */
  public String taxCreditLevel;
  public Integer taxCreditYear;
  public Integer bankOverdueDays;
  public Double creditScore;
  public Boolean onAbnormalOperationList;
  public Boolean onSeriousDishonestyList;
  public Boolean onDishonestDebtorList;
  /** Disqualifying facts inside the longest look-back, oldest first. */
  public List<IncidentFact> incidents = new ArrayList<>();

  // ---- financing, titles, awards ----
  /** All equity financing paid in during the 2 years before {@link #asOf}. */
  public Double equityFinancing2y;
  /** Paid in by qualified institutional investors, last 2 years. */
  public Double qualifiedFinancing2y;
  /** Paid in by qualified institutional investors, last 3 years. */
  public Double qualifiedFinancing3y;
  /** Title codes held and valid at {@link #asOf}. */
  public Set<String> titles = new TreeSet<>();
  /** Awards inside the longest look-back. */
  public List<AwardFact> awards = new ArrayList<>();

  public Indicators() {}
}
