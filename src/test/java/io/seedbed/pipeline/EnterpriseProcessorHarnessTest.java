package io.seedbed.pipeline;

import static io.seedbed.pipeline.EnterpriseFixtures.annualReturn;
import static io.seedbed.pipeline.EnterpriseFixtures.at;
import static io.seedbed.pipeline.EnterpriseFixtures.firmWithTechSmeTitle;
import static io.seedbed.pipeline.EnterpriseFixtures.majorAccident;
import static io.seedbed.pipeline.EnterpriseFixtures.qualifyingFirm;
import static io.seedbed.pipeline.EnterpriseFixtures.title;
import static io.seedbed.pipeline.EnterpriseFixtures.uscc;
import static io.seedbed.pipeline.EnterpriseFixtures.vat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.Json;
import io.seedbed.feed.Title;
import io.seedbed.feed.VatReturn;
import io.seedbed.ledger.Ledger;
import io.seedbed.ledger.LedgerSettings;
import io.seedbed.pool.EnterprisePools;
import io.seedbed.pool.MembershipStatus;
import io.seedbed.pool.PoolChange;
import io.seedbed.pool.PoolState;
import io.seedbed.testing.ProjectFiles;
import java.nio.file.Files;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link EnterpriseProcessor} in a Flink test harness: what it keeps in keyed and broadcast state,
 * which event-time timers it registers, and what fires when the watermark passes them, on
 * hand-built records of single enterprises under the shipped config (config/indicators.yaml:
 * 36 VAT months and 4 annual returns kept; config/city/pools.yaml: MIIT 3-year look-back).
 */
class EnterpriseProcessorHarnessTest {
  private static final String FIRM = uscc(11);

  private EnterpriseOperator op;

  @BeforeEach
  void open() throws Exception {
    op = new EnterpriseOperator();
  }

  @AfterEach
  void close() throws Exception {
    op.close();
  }

  // ------------------------------------------------------------------ pruning

  /**
   * Annual returns 2019..2024 (each filed the next May) and 40 VAT months 2022-09..2025-12, in
   * event-time order. The operator prunes after every record, so the ledger never holds more than
   * the windows: 36 VAT months and 4 annual returns.
   */
  @Test
  void theLedgerInStateKeepsOnlyTheWindows() throws Exception {
    List<FeedRecord> history = new ArrayList<>();
    for (int y = 2019; y <= 2024; y++) {
      history.add(annualReturn(FIRM, y, 10_000_000.0 * (y - 2017), (y + 1) + "-05-20T09:00"));
    }
    for (YearMonth m = YearMonth.of(2022, 9); !m.isAfter(YearMonth.of(2025, 12)); m = m.plusMonths(1)) {
      history.add(vat(FIRM, m, 1_000_000));
    }
    history.sort(Comparator.comparing(FeedRecord::eventTime));
    assertThat(history).hasSize(46);

    // Up to the return of 2022-12 (filed 2023-01-10): 3 annual returns (2019..2021) + 4 VAT months.
    op.feed(upTo(history, at("2023-01-10T10:00")));
    assertThat(ledger().entryCount()).isEqualTo(7);
    assertThat(ledger().annualReturns(LEDGER_SETTINGS).keySet()).containsExactlyInAnyOrder(2019, 2020, 2021);

    // Up to the return of 2025-08 (filed 2025-09-10): 36 VAT months 2022-09..2025-08 and the
    // returns 2021..2024 (2019 and 2020 fell out when 2023 and 2024 arrived).
    op.feed(between(history, at("2023-01-10T10:00"), at("2025-09-10T10:00")));
    assertThat(ledger().entryCount()).isEqualTo(40);
    assertThat(ledger().vatMonths(LEDGER_SETTINGS)).hasSize(36).containsKeys(202209, 202508);
    assertThat(ledger().annualReturns(LEDGER_SETTINGS).keySet()).containsExactlyInAnyOrder(2021, 2022, 2023, 2024);

    // Four more months: four older ones leave, the count stays at 36 + 4.
    op.feed(between(history, at("2025-09-10T10:00"), at("2026-01-10T10:00")));
    assertThat(ledger().entryCount()).isEqualTo(40);
    assertThat(ledger().vatMonths(LEDGER_SETTINGS).keySet().stream().toList())
        .hasSize(36).startsWith(202301).endsWith(202512);
    assertThat(ledger().latestMonth).isEqualTo(202512);
    assertThat(ledger().latestEventTime).isEqualTo(at("2026-01-10T10:00"));
  }

  @Test
  void aVatMonthOutsideTheWindowChangesNothingAndEmitsNothing() throws Exception {
    for (YearMonth m = YearMonth.of(2022, 9); !m.isAfter(YearMonth.of(2025, 12)); m = m.plusMonths(1)) {
      op.feed(vat(FIRM, m, 1_000_000));
    }
    String before = json(ledger());
    int emitted = op.emitted();
    int timers = op.eventTimeTimers();
    Long cleanup = kept(op, FIRM).cleanupTimer;

    // 2022-10 is 39 months before 2025-12: outside the 36 kept. An amendment filed 2022-11-20.
    op.feed(new VatReturn(FIRM, YearMonth.of(2022, 10), 9_999_999, 1,
        at("2022-11-20T10:00")));

    assertThat(json(ledger())).isEqualTo(before);
    assertThat(ledger().vatMonths(LEDGER_SETTINGS)).hasSize(36).doesNotContainKey(202210);
    assertThat(op.emitted()).isEqualTo(emitted);
    assertThat(op.eventTimeTimers()).isEqualTo(timers).isEqualTo(1);
    assertThat(kept(op, FIRM).cleanupTimer).isEqualTo(cleanup);
  }

  // ------------------------------------------------------------------ clean-up timer

  /**
   * The qualifying firm's first record is its profile of 2022-08-05 09:00 (China), which arms the
   * clean-up 36 months later; its last is the title of 2022-08-20 10:00: silent for the whole
   * ledger window at 2025-08-20 10:00. The timer fires early, moves there, and clears the state then.
   */
  @Test
  void aSilentEnterpriseIsClearedByItsCleanupTimer() throws Exception {
    op.feed(qualifyingFirm(FIRM));
    Instant armed = at("2025-08-05T09:00");
    Instant cleanup = at("2025-08-20T10:00");

    assertThat(op.eventTimeTimers()).isEqualTo(1); // clean-up only: nothing is suspended
    assertThat(kept(op, FIRM).cleanupTimer).isEqualTo(armed.toEpochMilli()); // not moved per record
    op.watermark(armed);
    assertThat(kept(op, FIRM).cleanupTimer).isEqualTo(cleanup.toEpochMilli()); // spoke since: moved
    assertThat(op.eventTimeTimers()).isEqualTo(1);
    assertThat(kept(op, FIRM).wakeUpTimer).isNull();
    // one value per enterprise (EnterpriseState): ledger, last snapshot, pools and timers
    assertThat(op.keyedStateEntries()).isEqualTo(1);
    assertThat(kept(op, FIRM).lastSnapshotPrint).isNotZero();
    assertThat(kept(op, FIRM).lastSnapshot).isNull(); // the print stands for the row
    assertThat(kept(op, FIRM).decidedAt).isNotNull();

    op.watermark(cleanup.toEpochMilli() - 1);
    assertThat(op.keyedStateEntries()).isEqualTo(1);
    assertThat(op.eventTimeTimers()).isEqualTo(1);

    int emitted = op.emitted();
    op.watermark(cleanup);
    assertThat(op.keyedStateEntries()).isZero();
    assertThat(op.eventTimeTimers()).isZero();
    assertThat(kept(op, FIRM).ledger).isNull();
    assertThat(op.emitted()).isEqualTo(emitted); // clearing state writes no rows
  }

  @Test
  void theEndOfTheInputClearsNothing() throws Exception {
    op.feed(qualifyingFirm(FIRM));

    op.watermark(Long.MAX_VALUE);

    assertThat(op.eventTimeTimers()).isZero(); // it fired ...
    assertThat(op.keyedStateEntries()).isEqualTo(1); // ... and changed nothing
    assertThat(ledger().entryCount()).isEqualTo(qualifyingFirmEntries());
  }

  // ------------------------------------------------------------------ suspension wake-up

  /**
   * A major accident on 2022-09-10 10:00 (China) suspends the member until 2025-09-10 10:00; a VAT
   * return filed 2023-01-10 moves the firm's latest event, so its clean-up is on 2026-01-10.
   */
  @Test
  void theWatermarkPassingTheLookBackEndLiftsTheSuspensionAtThatTime() throws Exception {
    suspendedFirm();
    Instant wakeUp = at("2025-09-10T10:00");
    assertThat(op.eventTimeTimers()).isEqualTo(2);
    assertThat(kept(op, FIRM).wakeUpTimer).isEqualTo(wakeUp.toEpochMilli());
    assertThat(kept(op, FIRM).cleanupTimer) // armed at the first record, the profile
        .isEqualTo(at("2025-08-05T09:00").toEpochMilli());

    op.watermark(wakeUp.toEpochMilli() - 1);
    assertThat(innovativeChanges()).extracting(c -> c.toStatus).containsExactly("member", "suspended");
    assertThat(kept(op, FIRM).cleanupTimer) // fired early, moved to the silence of the VAT return
        .isEqualTo(at("2026-01-10T10:00").toEpochMilli());

    op.watermark(wakeUp);
    assertThat(innovativeChanges()).last().satisfies(c -> {
      assertThat(c.fromStatus).isEqualTo("suspended");
      assertThat(c.toStatus).isEqualTo("member");
      assertThat(c.reason).isEqualTo("incident_expired");
      assertThat(c.eventTime).isEqualTo(wakeUp).isEqualTo(Instant.parse("2025-09-10T02:00:00Z"));
    });
    assertThat(op.side(Outputs.POOL_CHANGE)).last().extracting(StreamRecord::getTimestamp)
        .isEqualTo(wakeUp.toEpochMilli());
    assertThat(innovative().status).isEqualTo(MembershipStatus.MEMBER);
    assertThat(op.eventTimeTimers()).isEqualTo(1); // the clean-up is still ahead
    assertThat(kept(op, FIRM).wakeUpTimer).isNull();
  }

  @Test
  void theEndOfTheInputLeavesTheSuspensionInForce() throws Exception {
    suspendedFirm();
    int changes = op.poolChanges().size();

    op.watermark(Long.MAX_VALUE);

    assertThat(op.poolChanges()).hasSize(changes);
    assertThat(innovative().status).isEqualTo(MembershipStatus.SUSPENDED);
    assertThat(innovative().blockedUntil).isEqualTo(at("2025-09-10T10:00"));
  }

  /**
   * When the accident is the firm's last event, its look-back (3 years) and the ledger window (36
   * months) end at the same instant: the suspension is lifted first, then the state is cleared.
   */
  @Test
  void aSuspensionEndingWhenTheFirmFallsSilentIsLiftedBeforeTheStateIsCleared() throws Exception {
    op.feed(qualifyingFirm(FIRM));
    op.feed(majorAccident(FIRM, "2022-09-10T10:00"));
    Instant end = at("2025-09-10T10:00");
    Instant armed = at("2025-08-05T09:00"); // the clean-up, armed at the first record
    assertThat(kept(op, FIRM).wakeUpTimer).isEqualTo(end.toEpochMilli());
    assertThat(kept(op, FIRM).cleanupTimer).isEqualTo(armed.toEpochMilli());
    op.watermark(armed); // fires early and moves to the silence of the accident: the same instant
    assertThat(kept(op, FIRM).cleanupTimer).isEqualTo(end.toEpochMilli());
    assertThat(op.eventTimeTimers()).isEqualTo(1); // one timer per key and time

    op.watermark(end);

    assertThat(innovativeChanges()).last().extracting(c -> c.fromStatus, c -> c.toStatus,
        c -> c.reason, c -> c.eventTime).containsExactly("suspended", "member", "incident_expired", end);
    assertThat(op.keyedStateEntries()).isZero();
    assertThat(op.eventTimeTimers()).isZero();
  }

  // ------------------------------------------------------------------ rule updates

  /**
   * Version 2 of miit-2022 also accepts the 科技型中小企业 title as a direct route: the firm holding
   * it, decided at its title of 2022-08-20 10:00 (China), enters the tier under the new version
   * (first sight: from no status).
   */
  @Test
  void aRuleUpdateReevaluatesTheFirmAndIsKeptInBroadcastState() throws Exception {
    op.feed(firmWithTechSmeTitle(FIRM));
    assertThat(innovativeChanges()).isEmpty(); // not in the tier, nor near it
    assertThat(op.harness.getBroadcastState(EnterpriseProcessor.RULE_FILES).immutableEntries())
        .isEmpty(); // the shipped rules are in the job's config, not in state
    String v1 = Files.readString(ProjectFiles.path("config/rules/miit-2022.yaml"));
    String v2 = v1.replace("version: 1", "version: 2")
        .replace("value: [high_tech]}", "value: [high_tech, tech_sme]}");
    assertThat(v2).isNotEqualTo(v1).contains("tech_sme");

    op.harness.processBroadcastElement(new RuleUpdate("rules/miit-2022.yaml", v2, "test"), 0L);

    PoolChange change = innovativeChanges().get(innovativeChanges().size() - 1);
    assertThat(change).extracting(c -> c.uscc, c -> c.fromStatus, c -> c.toStatus, c -> c.reason, c -> c.eventTime,
        c -> c.ruleSet, c -> c.ruleVersion)
        .containsExactly(FIRM, null, "member", "rules_changed", at("2022-08-20T10:00"), "miit-2022", 2);
    assertThat(change.criteria).contains("\"name\":\"qualifying_title\"");
    assertThat(op.harness.getBroadcastState(EnterpriseProcessor.RULE_FILES).immutableEntries())
        .extracting(Map.Entry::getKey, Map.Entry::getValue)
        .containsExactly(tuple("rules/miit-2022.yaml", v2));
    assertThat(innovative().ruleVersion).isEqualTo(2);
  }

  // ------------------------------------------------------------------ state of an older savepoint

  @Test
  void anEnterpriseKeptAsSevenValuesByAnOlderSavepointIsMovedToOneValueAtItsNextRecord()
      throws Exception {
    op.feed(qualifyingFirm(FIRM));
    EnterpriseState before = kept(op, FIRM);
    String ledger = json(before.ledger);
    asOlderSavepoint(before);
    assertThat(op.keyedStateEntries()).isEqualTo(5); // ledger, snapshot, pools, clean-up, decided-at

    int emitted = op.emitted();
    op.feed(title(FIRM, Title.HIGH_TECH)); // a duplicate: nothing to decide, but the state moves

    assertThat(op.emitted()).isEqualTo(emitted);
    assertThat(op.keyedStateEntries()).isEqualTo(1);
    assertThat(op.state(FIRM, LegacyEnterpriseState.LEDGER)).isNull();
    assertThat(json(ledger())).isEqualTo(ledger);
    assertThat(kept(op, FIRM).cleanupTimer).isEqualTo(before.cleanupTimer);
    assertThat(innovative().status).isEqualTo(MembershipStatus.MEMBER);
    assertThat(innovativeChanges()).hasSize(1); // entered once, before the "savepoint"
  }

  @Test
  void aRuleUpdateReachesAnEnterpriseStillKeptByAnOlderSavepoint() throws Exception {
    op.feed(firmWithTechSmeTitle(FIRM));
    asOlderSavepoint(kept(op, FIRM));
    String v2 = Files.readString(ProjectFiles.path("config/rules/miit-2022.yaml"))
        .replace("version: 1", "version: 2")
        .replace("value: [high_tech]}", "value: [high_tech, tech_sme]}");

    op.harness.processBroadcastElement(new RuleUpdate("rules/miit-2022.yaml", v2, "test"), 0L);

    PoolChange change = innovativeChanges().get(innovativeChanges().size() - 1);
    assertThat(change).extracting(c -> c.toStatus, c -> c.reason, c -> c.ruleVersion)
        .containsExactly("member", "rules_changed", 2);
    assertThat(innovative().ruleVersion).isEqualTo(2);
    // The walk over the old ledgers cannot delete from them: that one goes at the clean-up.
    assertThat(op.state(FIRM, LegacyEnterpriseState.LEDGER)).isNotNull();
    assertThat(op.state(FIRM, LegacyEnterpriseState.POOLS)).isNull();
  }

  /** Rewrites what the operator keeps for FIRM as Seedbed 0.1 kept it: seven values. */
  private void asOlderSavepoint(EnterpriseState s) throws Exception {
    op.putState(FIRM, EnterpriseProcessor.STATE, null);
    op.putState(FIRM, LegacyEnterpriseState.LEDGER, s.ledger);
    // 0.1 kept the last row written itself.
    op.putState(FIRM, LegacyEnterpriseState.LAST_SNAPSHOT, op.snapshots().get(op.snapshots().size() - 1));
    op.putState(FIRM, LegacyEnterpriseState.POOLS, s.pools);
    op.putState(FIRM, LegacyEnterpriseState.CLEANUP_TIMER, s.cleanupTimer);
    op.putState(FIRM, LegacyEnterpriseState.WAKE_UP_TIMER, s.wakeUpTimer);
    op.putState(FIRM, LegacyEnterpriseState.PENDING_WAKE_UP, s.pendingWakeUp);
    op.putState(FIRM, LegacyEnterpriseState.DECIDED_AT, s.decidedAt);
  }

  // ------------------------------------------------------------------ duplicates

  @Test
  void theSameRecordTwiceChangesNothingTheSecondTime() throws Exception {
    op.feed(qualifyingFirm(FIRM));
    String ledger = json(ledger());
    String pools = json(kept(op, FIRM).pools);
    long snapshot = kept(op, FIRM).lastSnapshotPrint;
    int emitted = op.emitted();
    int entries = op.keyedStateEntries();
    int timers = op.eventTimeTimers();

    op.feed(title(FIRM, Title.HIGH_TECH));

    assertThat(op.emitted()).isEqualTo(emitted);
    assertThat(json(ledger())).isEqualTo(ledger);
    assertThat(json(kept(op, FIRM).pools)).isEqualTo(pools);
    assertThat(kept(op, FIRM).lastSnapshotPrint).isEqualTo(snapshot);
    assertThat(op.keyedStateEntries()).isEqualTo(entries);
    assertThat(op.eventTimeTimers()).isEqualTo(timers);
  }

  // ------------------------------------------------------------------ helpers

  /** Qualifying firm, then a major accident, then a VAT return filed 2023-01-10 10:00. */
  private void suspendedFirm() throws Exception {
    op.feed(qualifyingFirm(FIRM));
    op.feed(majorAccident(FIRM, "2022-09-10T10:00"));
    op.feed(vat(FIRM, YearMonth.of(2022, 12), 2_500_000));
    assertThat(innovativeChanges()).extracting(c -> c.fromStatus, c -> c.toStatus, c -> c.reason,
        c -> c.eventTime).containsExactly(
            tuple(null, "member", "criteria_met", at("2022-08-20T10:00")),
            tuple("member", "suspended", "incident", at("2022-09-10T10:00")));
  }

  /**
   * The qualifying firm's ledger: one entry per profile field it sets (name, registeredAt,
   * district, industry, legalPerson, status), the annual return, the rating and the title action.
   */
  private static int qualifyingFirmEntries() {
    return 6 + 3;
  }

  /** The shipped ledger windows, for reading the ledger's views. */
  private static final LedgerSettings LEDGER_SETTINGS =
      LedgerSettings.load(ProjectFiles.path("config"));

  /** What the operator keeps for {@code uscc}; every field null when it keeps nothing. */
  private static EnterpriseState kept(EnterpriseOperator op, String uscc) throws Exception {
    EnterpriseState s = op.state(uscc, EnterpriseProcessor.STATE);
    return s == null ? new EnterpriseState() : s;
  }

  private Ledger ledger() throws Exception {
    return kept(op, FIRM).ledger;
  }

  private PoolState innovative() throws Exception {
    EnterprisePools pools = kept(op, FIRM).pools;
    return pools.pools.get("innovative");
  }

  private List<PoolChange> innovativeChanges() {
    return op.poolChanges().stream().filter(c -> c.pool.equals("innovative")).toList();
  }

  private static List<FeedRecord> upTo(List<FeedRecord> sorted, Instant inclusive) {
    return sorted.stream().filter(r -> !r.eventTime().isAfter(inclusive)).toList();
  }

  private static List<FeedRecord> between(List<FeedRecord> sorted, Instant exclusive, Instant inclusive) {
    return sorted.stream()
        .filter(r -> r.eventTime().isAfter(exclusive) && !r.eventTime().isAfter(inclusive)).toList();
  }

  /** Canonical JSON (map entries by key), so equal state compares equal whatever the map order. */
  private static String json(Object value) throws Exception {
    return Json.MAPPER.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .writeValueAsString(value);
  }
}
