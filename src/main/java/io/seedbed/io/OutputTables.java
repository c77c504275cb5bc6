package io.seedbed.io;

import static io.seedbed.io.OutputTable.Type.DATE;
import static io.seedbed.io.OutputTable.Type.DOUBLE;
import static io.seedbed.io.OutputTable.Type.INT;
import static io.seedbed.io.OutputTable.Type.JSONB;
import static io.seedbed.io.OutputTable.Type.TEXT;
import static io.seedbed.io.OutputTable.Type.TIMESTAMPTZ;

import io.seedbed.feed.RejectedRecord;
import io.seedbed.indicator.IndicatorSnapshot;
import io.seedbed.io.OutputTable.Mode;
import io.seedbed.pool.CandidateRow;
import io.seedbed.pool.DistrictProgress;
import io.seedbed.pool.IncidentRow;
import io.seedbed.pool.PoolChange;
import io.seedbed.pool.PoolMembership;
import io.seedbed.pool.RewardRow;
import java.util.List;

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

  public static final OutputTable<PoolChange> POOL_CHANGE = OutputTable
      .<PoolChange>builder("pool_change", Mode.INSERT_ONCE)
      .column("change_id", TEXT, c -> c.changeId)
      .column("uscc", TEXT, c -> c.uscc)
      .column("pool", TEXT, c -> c.pool)
      .column("from_status", TEXT, c -> c.fromStatus)
      .column("to_status", TEXT, c -> c.toStatus)
      .column("reason", TEXT, c -> c.reason)
      .column("event_time", TIMESTAMPTZ, c -> c.eventTime)
      .column("rule_set", TEXT, c -> c.ruleSet)
      .column("rule_version", INT, c -> c.ruleVersion)
      .column("criteria", JSONB, c -> c.criteria)
      .key("change_id")
      .wallClock("recorded_at")
      .build();

  public static final OutputTable<PoolMembership> POOL_MEMBERSHIP = OutputTable
      .<PoolMembership>builder("pool_membership", Mode.UPSERT)
      .column("uscc", TEXT, m -> m.uscc)
      .column("pool", TEXT, m -> m.pool)
      .column("status", TEXT, m -> m.status)
      .column("since", TIMESTAMPTZ, m -> m.since)
      .column("reason", TEXT, m -> m.reason)
      .column("score", DOUBLE, m -> m.score)
      .column("blocked_until", TIMESTAMPTZ, m -> m.blockedUntil)
      .column("rule_set", TEXT, m -> m.ruleSet)
      .column("rule_version", INT, m -> m.ruleVersion)
      .column("criteria", JSONB, m -> m.criteria)
      .key("uscc", "pool")
      .wallClock("updated_at")
      .build();

  public static final OutputTable<CandidateRow> CANDIDATE = OutputTable
      .<CandidateRow>builder("candidate", Mode.UPSERT_OR_DELETE)
      .column("uscc", TEXT, c -> c.uscc)
      .column("pool", TEXT, c -> c.pool)
      .column("potential", DOUBLE, c -> c.potential)
      .column("met", INT, c -> c.met)
      .column("total", INT, c -> c.total)
      .column("gaps", JSONB, c -> c.gaps)
      .column("projected_date", DATE, c -> c.projectedDate)
      .column("flagged_at", TIMESTAMPTZ, c -> c.flaggedAt)
      .key("uscc", "pool")
      .deleteWhen(c -> c.deleted)
      .build();

  public static final OutputTable<IncidentRow> INCIDENT = OutputTable
      .<IncidentRow>builder("incident", Mode.UPSERT)
      .column("incident_id", TEXT, i -> i.incidentId)
      .column("uscc", TEXT, i -> i.uscc)
      .column("category", TEXT, i -> i.category)
      .column("severity", TEXT, i -> i.severity)
      .column("occurred_at", TIMESTAMPTZ, i -> i.occurredAt)
      .column("blocks_until", TIMESTAMPTZ, i -> i.blocksUntil)
      .column("source", TEXT, i -> i.source)
      .column("detail", JSONB, i -> i.detail)
      .key("incident_id")
      .build();

  public static final OutputTable<DistrictProgress> DISTRICT_PROGRESS = OutputTable
      .<DistrictProgress>builder("district_progress", Mode.UPSERT)
      .column("district", TEXT, d -> d.district)
      .column("pool", TEXT, d -> d.pool)
      .column("members", INT, d -> d.members)
      .column("candidates", INT, d -> d.candidates)
      .column("suspended", INT, d -> d.suspended)
      .column("target", INT, d -> d.target)
      .key("district", "pool")
      .wallClock("updated_at")
      .build();

  public static final OutputTable<RewardRow> REWARD = OutputTable
      .<RewardRow>builder("reward", Mode.UPSERT)
      .column("uscc", TEXT, r -> r.uscc)
      .column("title", TEXT, r -> r.title)
      .column("granted_at", TIMESTAMPTZ, r -> r.grantedAt)
      .column("amount", DOUBLE, r -> r.amount)
      .column("policy", TEXT, r -> r.policy)
      .key("uscc", "title", "granted_at")
      .wallClock("recorded_at")
      .build();

  /** Every output table, in the order the pipeline attaches them. */
  public static final List<OutputTable<?>> ALL = List.of(INDICATOR_SNAPSHOT, POOL_CHANGE,
      POOL_MEMBERSHIP, CANDIDATE, INCIDENT, DISTRICT_PROGRESS, REWARD, REJECTED_RECORD);
}
