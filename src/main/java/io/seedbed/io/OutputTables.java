package io.seedbed.io;

import static io.seedbed.io.OutputTable.Type.DOUBLE;
import static io.seedbed.io.OutputTable.Type.INT;
import static io.seedbed.io.OutputTable.Type.TEXT;
import static io.seedbed.io.OutputTable.Type.TIMESTAMPTZ;

import io.seedbed.feed.RejectedRecord;
import io.seedbed.indicator.IndicatorSnapshot;
import io.seedbed.io.OutputTable.Mode;

/** The output tables of contract/outputs.md, column by column, as {@code config/schema.sql} creates them. */
public final class OutputTables {
  private OutputTables() {}

  public static final OutputTable<RejectedRecord> REJECTED_RECORD = OutputTable
      .<RejectedRecord>builder("rejected_record", Mode.INSERT_ONCE)
      .column("rejected_id", TEXT, r -> r.rejectedId)
      .column("feed", TEXT, r -> r.feed)
      .column("reason", TEXT, r -> r.reason)
      .column("message", TEXT, r -> r.message)
      .column("raw", TEXT, r -> r.raw)
      .column("received_at", TIMESTAMPTZ, r -> r.receivedAt)
      .key("rejected_id")
      .build();

  public static final OutputTable<IndicatorSnapshot> INDICATOR_SNAPSHOT = OutputTable
      .<IndicatorSnapshot>builder("indicator_snapshot", Mode.UPSERT)
      .column("uscc", TEXT, s -> s.uscc)
      .column("as_of", TIMESTAMPTZ, s -> s.asOf)
      .column("district", TEXT, s -> s.district)
      .column("industry", TEXT, s -> s.industry)
      .column("sme_class", TEXT, s -> s.smeClass)
      .column("sales_ttm", DOUBLE, s -> s.salesTtm)
      .column("sales_growth_yoy", DOUBLE, s -> s.salesGrowthYoy)
      .column("operating_revenue_last_year", DOUBLE, s -> s.operatingRevenueLastYear)
      .column("main_business_share", DOUBLE, s -> s.mainBusinessShare)
      .column("revenue_growth_last_year", DOUBLE, s -> s.revenueGrowthLastYear)
      .column("revenue_cagr_2y", DOUBLE, s -> s.revenueCagr2y)
      .column("net_margin", DOUBLE, s -> s.netMargin)
      .column("debt_ratio", DOUBLE, s -> s.debtRatio)
      .column("rd_expense_last_year", DOUBLE, s -> s.rdExpenseLastYear)
      .column("rd_intensity_last_year", DOUBLE, s -> s.rdIntensityLastYear)
      .column("rd_intensity_prev_year", DOUBLE, s -> s.rdIntensityPrevYear)
      .column("rd_staff_share", DOUBLE, s -> s.rdStaffShare)
      .column("class1_ip", INT, s -> s.class1Ip)
      .column("class2_ip", INT, s -> s.class2Ip)
      .column("invention_patents", INT, s -> s.inventionPatents)
      .column("energy_tce_ttm", DOUBLE, s -> s.energyTceTtm)
      .column("sales_per_tce", DOUBLE, s -> s.salesPerTce)
      .column("tax_paid_ttm", DOUBLE, s -> s.taxPaidTtm)
      .column("tax_per_mu", DOUBLE, s -> s.taxPerMu)
      .column("sales_per_mu", DOUBLE, s -> s.salesPerMu)
      .column("tax_credit_level", TEXT, s -> s.taxCreditLevel)
      .column("years_registered", DOUBLE, s -> s.yearsRegistered)
      .column("years_in_niche", DOUBLE, s -> s.yearsInNiche)
      .column("equity_financing_2y", DOUBLE, s -> s.equityFinancing2y)
      .key("uscc")
      .wallClock("updated_at")
      .build();
}
