package io.seedbed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.feed.Uscc;
import io.seedbed.io.Database;
import io.seedbed.io.OutputTable;
import io.seedbed.io.OutputTables;
import io.seedbed.testing.PipelineRuns;
import io.seedbed.testing.TableDump;
import io.seedbed.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Life stories of single enterprises in the {@code innovative} tier, from hand-written feeds through
 * the real pipeline into PostgreSQL, under the 2022 rules. Every firm qualifies the same way (an
 * independent legal person, a small industrial SME by its 2021 return, tax credit A, and a valid
 * 高新技术企业 title: criteria.md §2.1 direct route 2), then something happens to it.
 */
class PoolScenariosIT {
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  static final String SUSPENDED_THEN_BACK = uscc(1);
  static final String STILL_SUSPENDED = uscc(2);
  static final String LISTED_THEN_REMOVED = uscc(3);
  static final String AMENDED_INTO_THE_TIER = uscc(4);
  static final String DEREGISTERED = uscc(5);

  @TempDir
  static Path work;

  static Database db;

  @BeforeAll
  static void run() throws Exception {
    Feeds feeds = new Feeds();
    for (String firm : List.of(SUSPENDED_THEN_BACK, STILL_SUSPENDED, LISTED_THEN_REMOVED, DEREGISTERED)) {
      feeds.qualifyingFirm(firm, 50, 30_000_000);
    }
    // A major safety accident: suspends the MIIT tiers for 3 years (criteria.md §1 #5, §7).
    feeds.credit("{\"kind\":\"accident\",\"uscc\":\"" + SUSPENDED_THEN_BACK + "\",\"caseId\":\"ACC-1\","
        + "\"category\":\"safety\",\"severity\":\"major\",\"occurredAt\":\"2022-09-10T10:00:00+08:00\"}");
    feeds.credit("{\"kind\":\"bank\",\"uscc\":\"" + SUSPENDED_THEN_BACK + "\",\"asOf\":\"2025-10-01\","
        + "\"overdueDays\":0,\"creditScore\":90}"); // a later fact: event time passes the look-back
    feeds.credit("{\"kind\":\"accident\",\"uscc\":\"" + STILL_SUSPENDED + "\",\"caseId\":\"ACC-2\","
        + "\"category\":\"safety\",\"severity\":\"major\",\"occurredAt\":\"2022-09-10T10:00:00+08:00\"}");
    // 严重违法失信名单: blocks while listed; removal ends it.
    feeds.credit("{\"kind\":\"listing\",\"uscc\":\"" + LISTED_THEN_REMOVED + "\",\"list\":\"serious_dishonesty\","
        + "\"action\":\"add\",\"at\":\"2023-01-10T10:00:00+08:00\"}");
    feeds.credit("{\"kind\":\"listing\",\"uscc\":\"" + LISTED_THEN_REMOVED + "\",\"list\":\"serious_dishonesty\","
        + "\"action\":\"remove\",\"at\":\"2023-06-10T10:00:00+08:00\"}");
    // Filed as a large firm (not an SME), then amended to its real size.
    feeds.qualifyingFirm(AMENDED_INTO_THE_TIER, 2000, 5_000_000_000.0);
    feeds.tax(annualReturn(AMENDED_INTO_THE_TIER, 50, 30_000_000, "2022-10-10T10:00:00+08:00"));
    feeds.registry("{\"kind\":\"profile\",\"uscc\":\"" + DEREGISTERED + "\",\"at\":\"2023-03-01T09:00:00+08:00\","
        + "\"status\":\"deregistered\"}");
    Path dir = feeds.write(work.resolve("feeds"));
    db = TestPostgres.freshDatabase();
    PipelineRuns.run(dir, db, 2);
  }

  @Test
  void aMajorAccidentSuspendsForThreeYearsThenTheFirmIsBack() throws Exception {
    assertThat(story(SUSPENDED_THEN_BACK)).containsExactly(
        "null->member criteria_met 2022-08-20T02:00:00Z",
        "member->suspended incident 2022-09-10T02:00:00Z",
        "suspended->member incident_expired 2025-09-10T02:00:00Z");
    assertThat(state(SUSPENDED_THEN_BACK)).isEqualTo("member incident_expired blocked_until=null");
  }

  @Test
  void aSuspensionThatEndsAfterTheLastEventStaysInForce() throws Exception {
    assertThat(story(STILL_SUSPENDED)).containsExactly(
        "null->member criteria_met 2022-08-20T02:00:00Z",
        "member->suspended incident 2022-09-10T02:00:00Z");
    assertThat(state(STILL_SUSPENDED))
        .isEqualTo("suspended incident blocked_until=2025-09-10T02:00:00Z");
  }

  @Test
  void aDishonestyListingBlocksWhileListedAndItsRemovalEndsTheSuspension() throws Exception {
    assertThat(story(LISTED_THEN_REMOVED)).containsExactly(
        "null->member criteria_met 2022-08-20T02:00:00Z",
        "member->suspended incident 2023-01-10T02:00:00Z",
        "suspended->member incident_expired 2023-06-10T02:00:00Z");
  }

  @Test
  void anAmendedReturnReversesTheDecision() throws Exception {
    // Filed as 2,000 staff and 5 bn revenue (large: no SME tier); the amendment of 2022-10-10
    // shows 50 staff and 30 M (small, criteria.md §8), and the firm enters.
    assertThat(story(AMENDED_INTO_THE_TIER)).containsExactly(
        "null->member criteria_met 2022-10-10T02:00:00Z");
  }

  @Test
  void deregistrationExitsEveryPool() throws Exception {
    assertThat(story(DEREGISTERED)).containsExactly(
        "null->member criteria_met 2022-08-20T02:00:00Z",
        "member->exited deregistered 2023-03-01T01:00:00Z");
    assertThat(TestPostgres.query(db, "SELECT count(*) AS n FROM pool_membership WHERE uscc = '"
        + DEREGISTERED + "' AND status <> 'exited'").get(0).get("n"))
        .satisfies(n -> assertThat(((Number) n).longValue()).isZero());
  }

  @Test
  void theSuspensionsAreIncidentRowsWithTheirLookBack() throws Exception {
    assertThat(TestPostgres.query(db, "SELECT incident_id, uscc, category, severity, blocks_until"
        + " FROM incident WHERE uscc = '" + STILL_SUSPENDED + "'"))
        .singleElement().satisfies(r -> {
          assertThat(r.get("incident_id")).isEqualTo("credit/accident/ACC-2");
          assertThat(r.get("severity")).isEqualTo("major");
          assertThat(r.get("blocks_until").toString()).startsWith("2025-09-10");
        });
  }

  @Test
  void aDuplicatedFeedChangesNothing() throws Exception {
    Path doubled = work.resolve("doubled");
    Files.createDirectories(doubled);
    try (var files = Files.list(work.resolve("feeds"))) {
      for (Path f : files.collect(Collectors.toList())) {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        List<String> twice = new ArrayList<>(lines);
        twice.addAll(lines);
        Files.write(doubled.resolve(f.getFileName()), twice, StandardCharsets.UTF_8);
      }
    }
    Database again = TestPostgres.freshDatabase();
    PipelineRuns.run(doubled, again, 2);
    for (OutputTable<?> t : OutputTables.ALL) {
      assertThat(TableDump.fromDatabase(again, t)).as(t.name)
          .containsExactlyElementsOf(TableDump.fromDatabase(db, t));
    }
  }

  /** The firm's innovative-tier changes as "from->to reason event_time", in order. */
  private static List<String> story(String uscc) throws Exception {
    return TestPostgres.query(db, "SELECT from_status, to_status, reason, event_time FROM pool_change"
            + " WHERE pool = 'innovative' AND uscc = '" + uscc + "' ORDER BY event_time, to_status")
        .stream()
        .map(r -> r.get("from_status") + "->" + r.get("to_status") + " " + r.get("reason") + " "
            + ((java.sql.Timestamp) r.get("event_time")).toInstant())
        .collect(Collectors.toList());
  }

  private static String state(String uscc) throws Exception {
    Map<String, Object> r = TestPostgres.query(db, "SELECT status, reason, blocked_until FROM pool_membership"
        + " WHERE pool = 'innovative' AND uscc = '" + uscc + "'").get(0);
    Object until = r.get("blocked_until");
    return r.get("status") + " " + r.get("reason") + " blocked_until="
        + (until == null ? "null" : ((java.sql.Timestamp) until).toInstant());
  }

  /** A valid USCC of Donggang district (371102) whose organisation code ends in {@code n}. */
  static String uscc(int n) {
    String first17 = String.format("91371102MA%07d", n);
    return first17 + Uscc.checkCharacter(first17);
  }

  static String annualReturn(String uscc, int employees, double revenue, String filedAt) {
    return "{\"kind\":\"annual_return\",\"uscc\":\"" + uscc + "\",\"year\":2021,\"operatingRevenue\":" + revenue
        + ",\"mainBusinessRevenue\":" + revenue * 0.9 + ",\"netProfit\":2000000,\"totalAssets\":" + revenue * 0.7
        + ",\"totalLiabilities\":8000000,\"rdExpense\":1200000,\"employees\":" + employees
        + ",\"rdStaff\":10,\"filedAt\":\"" + filedAt + "\"}";
  }

  /** Hand-written feed lines, written as the five feed files. */
  static final class Feeds {
    final Map<String, List<String>> lines = new LinkedHashMap<>();

    void qualifyingFirm(String uscc, int employees, double revenue) {
      registry("{\"kind\":\"profile\",\"uscc\":\"" + uscc + "\",\"at\":\"2022-08-05T09:00:00+08:00\","
          + "\"name\":\"日照测试科技有限公司\",\"registeredAt\":\"2015-03-01\",\"district\":\"371102\","
          + "\"industry\":\"C3311\",\"legalPerson\":true,\"status\":\"active\"}");
      tax(annualReturn(uscc, employees, revenue, "2022-08-10T10:00:00+08:00"));
      tax("{\"kind\":\"credit_rating\",\"uscc\":\"" + uscc + "\",\"year\":2021,\"level\":\"A\","
          + "\"publishedAt\":\"2022-08-15T10:00:00+08:00\"}");
      registry("{\"kind\":\"title\",\"uscc\":\"" + uscc + "\",\"title\":\"high_tech\",\"action\":\"granted\","
          + "\"at\":\"2022-08-20T10:00:00+08:00\",\"validUntil\":\"2026-08-19\"}");
    }

    void tax(String line) {
      lines.computeIfAbsent("tax", k -> new ArrayList<>()).add(line);
    }

    void credit(String line) {
      lines.computeIfAbsent("credit", k -> new ArrayList<>()).add(line);
    }

    void registry(String line) {
      lines.computeIfAbsent("registry", k -> new ArrayList<>()).add(line);
    }

    Path write(Path dir) throws Exception {
      Files.createDirectories(dir);
      for (Map.Entry<String, List<String>> e : lines.entrySet()) {
        Files.write(dir.resolve(e.getKey() + ".jsonl"), e.getValue(), StandardCharsets.UTF_8);
      }
      return dir;
    }
  }
}
