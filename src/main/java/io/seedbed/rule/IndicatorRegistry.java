package io.seedbed.rule;

import io.seedbed.indicator.Indicators;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one place that maps the indicator names used in rule files to {@link Indicators}: name, kind,
 * getter and meaning. A few names are derived here from two fields (two-year minimums and totals),
 * because the criteria say "in each of the last 2 years" or "in total over 2 years"; a derived value
 * is null when either input is null. docs/rules.md lists this table.
 */
final class IndicatorRegistry {
  /**
   * One registered indicator. {@code codes} lists the allowed text values (empty = free text);
   * {@code index} is its position in the registry.
   */
  record Entry(String name, IndicatorKind kind, Function<Indicators, Object> getter, String meaning,
      Set<String> codes, int index) {}

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

  private static final Set<String> TITLES = Set.of("tech_sme", "innovative_sme", "high_tech",
      "srdi_city", "srdi_provincial", "little_giant", "gazelle_city", "gazelle_provincial", "unicorn",
      "champion_provincial", "champion_national");

  static {
    // registry / profile
    add("legal_person", IndicatorKind.BOOL, i -> i.legalPerson, "independent legal person (独立法人)");
    add("status", IndicatorKind.TEXT, i -> i.status, "registry status",
        Set.of("active", "deregistered", "revoked"));
    add("industry", IndicatorKind.TEXT, i -> i.industry, "GB/T 4754 industry code, e.g. C3311");
    add("industry_door", IndicatorKind.TEXT,
        i -> i.industry == null || i.industry.isEmpty() ? null : i.industry.substring(0, 1),
        "GB/T 4754 section letter (门类) of the industry code, e.g. C = manufacturing");
    add("industry_section", IndicatorKind.TEXT, i -> i.industrySection,
        "section of the 2011 SME classification, e.g. industry, software");
    add("sme_class", IndicatorKind.TEXT, i -> i.smeClass, "SME class (中小企业划型)",
        Set.of("large", "medium", "small", "micro"));
    add("years_registered", IndicatorKind.YEARS, i -> i.yearsRegistered, "years since registration");
    add("years_in_niche", IndicatorKind.YEARS, i -> i.yearsInNiche, "years in the niche market");
    add("certifications", IndicatorKind.SET, i -> i.certifications,
        "certifications held, e.g. ISO9001");
    add("product_tags", IndicatorKind.SET, i -> i.productTags, "product field tags",
        Set.of("strategic_emerging", "six_foundations", "key_chain", "time_honored",
            "leader_supplier"));
    add("rd_institution", IndicatorKind.TEXT, i -> i.rdInstitution, "level of own R&D institution",
        Set.of("national", "provincial", "city", "below_city", "none"));
    add("digital_level", IndicatorKind.COUNT, i -> i.digitalLevel, "digitalisation level 1-4");
    add("own_brand", IndicatorKind.BOOL, i -> i.ownBrand, "own market-facing brand (自主品牌)");
    add("listing_stage", IndicatorKind.TEXT, i -> i.listingStage, "capital-market stage",
        Set.of("none", "regional", "neeq", "listed"));
    add("valuation_usd", IndicatorKind.MONEY, i -> i.valuationUsd, "latest valuation, US dollars");
    add("market_share", IndicatorKind.SHARE, i -> i.marketShare,
        "niche market share of the main product (manual data)");
    add("market_rank", IndicatorKind.COUNT, i -> i.marketRank,
        "rank of the main product in its market (manual data)");
    add("development_score", IndicatorKind.SCORE, i -> i.developmentScore,
        "MIIT 专精特新发展评价 score of the year (ingested)");
    // size
    add("employees", IndicatorKind.COUNT, i -> i.employees, "employees (从业人员)");
    add("rd_staff", IndicatorKind.COUNT, i -> i.rdStaff, "R&D staff");
    add("rd_staff_share", IndicatorKind.SHARE, i -> i.rdStaffShare, "R&D staff ÷ employees");
    // annual returns
    add("operating_revenue_last_year", IndicatorKind.MONEY, i -> i.operatingRevenueLastYear,
        "operating revenue (营业收入), last year");
    add("operating_revenue_prev_year", IndicatorKind.MONEY, i -> i.operatingRevenuePrevYear,
        "operating revenue, previous year");
    add("main_business_revenue_last_year", IndicatorKind.MONEY,
        i -> i.mainBusinessRevenueLastYear, "main-business revenue (主营业务收入), last year");
    add("main_business_share", IndicatorKind.SHARE, i -> i.mainBusinessShare,
        "main-business revenue ÷ operating revenue, last year");
    add("revenue_growth_last_year", IndicatorKind.RATE, i -> i.revenueGrowthLastYear,
        "operating revenue growth, last year");
    add("main_revenue_growth_last_year", IndicatorKind.RATE, i -> i.mainRevenueGrowthLastYear,
        "main-business revenue growth, last year");
    add("main_revenue_growth_avg_2y", IndicatorKind.RATE, i -> i.mainRevenueGrowthAvg2y,
        "mean of the last two yearly main-business revenue growth rates");
    add("revenue_cagr_2y", IndicatorKind.RATE, i -> i.revenueCagr2y,
        "operating revenue CAGR over the last 2 years");
    add("net_profit_cagr_2y", IndicatorKind.RATE, i -> i.netProfitCagr2y,
        "net profit CAGR over the last 2 years");
    add("revenue_growth_min_2y", IndicatorKind.RATE, i -> i.revenueGrowthMin2y,
        "lowest of the last two yearly operating revenue growth rates");
    add("net_profit_last_year", IndicatorKind.SIGNED_MONEY, i -> i.netProfitLastYear,
        "net profit, last year");
    add("net_margin", IndicatorKind.RATE, i -> i.netMargin, "net profit ÷ operating revenue");
    add("debt_ratio", IndicatorKind.SHARE, i -> i.debtRatio, "liabilities ÷ assets, last year-end");
    add("rd_expense_last_year", IndicatorKind.MONEY, i -> i.rdExpenseLastYear, "R&D expense, last year");
    add("rd_expense_prev_year", IndicatorKind.MONEY, i -> i.rdExpensePrevYear,
        "R&D expense, previous year");
    add("rd_expense_min_2y", IndicatorKind.MONEY,
        i -> both(i.rdExpenseLastYear, i.rdExpensePrevYear, Math::min),
        "lower of the last two years' R&D expense (\"in each year\")");
    add("rd_expense_avg_2y", IndicatorKind.MONEY,
        i -> both(i.rdExpenseLastYear, i.rdExpensePrevYear, (a, b) -> (a + b) / 2),
        "mean R&D expense of the last two years");
    add("rd_expense_2y_total", IndicatorKind.MONEY,
        i -> both(i.rdExpenseLastYear, i.rdExpensePrevYear, Double::sum),
        "R&D expense of the last two years in total");
    add("rd_intensity_last_year", IndicatorKind.SHARE, i -> i.rdIntensityLastYear,
        "R&D expense ÷ operating revenue, last year");
    add("rd_intensity_prev_year", IndicatorKind.SHARE, i -> i.rdIntensityPrevYear,
        "R&D expense ÷ operating revenue, previous year");
    add("rd_intensity_min_2y", IndicatorKind.SHARE,
        i -> both(i.rdIntensityLastYear, i.rdIntensityPrevYear, Math::min),
        "lower of the last two years' R&D intensity (\"in each year\")");
    // monthly
    add("sales_ttm", IndicatorKind.MONEY, i -> i.salesTtm, "VAT sales, trailing 12 months");
    add("sales_growth_yoy", IndicatorKind.RATE, i -> i.salesGrowthYoy,
        "trailing-12-month sales over the 12 months before");
    add("tax_per_mu", IndicatorKind.MONEY, i -> i.taxPerMu, "taxes paid per mu of land, TTM");
    add("sales_per_tce", IndicatorKind.MONEY, i -> i.salesPerTce, "sales per tonne of standard coal");
    // IP (criteria.md §11)
    add("class1_ip", IndicatorKind.COUNT, i -> i.class1Ip, "valid class-I IP items");
    add("class2_ip", IndicatorKind.COUNT, i -> i.class2Ip, "valid class-II IP items");
    add("high_value_class1_ip", IndicatorKind.COUNT, i -> i.highValueClass1Ip,
        "valid high-value class-I IP items");
    add("self_developed_class1_ip", IndicatorKind.COUNT, i -> i.selfDevelopedClass1Ip,
        "valid self-developed class-I IP items");
    add("invention_patents", IndicatorKind.COUNT, i -> i.inventionPatents, "valid invention patents");
    add("utility_models_and_software", IndicatorKind.COUNT,
        i -> i.utilityModels == null || i.softwareCopyrights == null ? null
            : (Object) (double) (i.utilityModels + i.softwareCopyrights),
        "valid utility models + software copyrights");
    // credit
    add("tax_credit_level", IndicatorKind.TEXT, i -> i.taxCreditLevel, "latest 纳税信用等级",
        Set.of("A", "B", "M", "C", "D"));
    add("bank_overdue_days", IndicatorKind.COUNT, i -> i.bankOverdueDays, "longest current overdue");
    add("credit_score", IndicatorKind.SCORE, i -> i.creditScore, "composite credit score 0-100");
    add("on_abnormal_operation_list", IndicatorKind.BOOL, i -> i.onAbnormalOperationList,
        "on 经营异常名录");
    add("on_serious_dishonesty_list", IndicatorKind.BOOL, i -> i.onSeriousDishonestyList,
        "on 严重违法失信名单");
    add("on_dishonest_debtor_list", IndicatorKind.BOOL, i -> i.onDishonestDebtorList,
        "on 失信被执行人 list");
    // financing and titles
    add("equity_financing_2y", IndicatorKind.MONEY, i -> i.equityFinancing2y,
        "equity financing paid in, last 2 years");
    add("qualified_financing_2y", IndicatorKind.MONEY, i -> i.qualifiedFinancing2y,
        "paid in by qualified institutional investors, last 2 years");
    add("qualified_financing_3y", IndicatorKind.MONEY, i -> i.qualifiedFinancing3y,
        "paid in by qualified institutional investors, last 3 years");
    add("titles", IndicatorKind.SET, i -> i.titles, "titles held and valid", TITLES);
  }

  private IndicatorRegistry() {}

  private static void add(String name, IndicatorKind kind, Function<Indicators, Object> getter,
      String meaning) {
    add(name, kind, getter, meaning, Set.of());
  }

  private static void add(String name, IndicatorKind kind, Function<Indicators, Object> getter,
      String meaning, Set<String> codes) {
    ENTRIES.put(name, new Entry(name, kind, getter, meaning, codes, ENTRIES.size()));
  }

  private static Double both(Double a, Double b, java.util.function.BinaryOperator<Double> f) {
    return a == null || b == null ? null : f.apply(a, b);
  }

  /** The entry for {@code name}, or null. */
  static Entry find(String name) {
    return ENTRIES.get(name);
  }

  /** How many indicators there are: the {@link Entry#index}es run from 0 to this, exclusive. */
  static int size() {
    return ENTRIES.size();
  }

  static List<Entry> all() {
    return List.copyOf(ENTRIES.values());
  }

  static Set<String> names() {
    return Collections.unmodifiableSet(ENTRIES.keySet());
  }
}
