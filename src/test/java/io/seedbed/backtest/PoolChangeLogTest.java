package io.seedbed.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolChangeLogTest {
  @TempDir
  Path dir;

  @Test
  void readsEveryColumnAndIgnoresUnknownKeys() throws Exception {
    Path file = write("pool_change.jsonl",
        "{\"change_id\":\"c1\",\"uscc\":\"91371100000000001A\",\"pool\":\"srdi\",\"from_status\":null,"
            + "\"to_status\":\"candidate\",\"reason\":\"near_criteria\",\"event_time\":\"2024-05-15T07:00:00Z\","
            + "\"rule_set\":\"miit-2022\",\"rule_version\":3,\"criteria\":["
            + "{\"name\":\"sales_ttm\",\"value\":2.0E+7,\"threshold\":20000000,\"passed\":true},"
            + "{\"name\":\"tax_credit_level\",\"value\":\"C\",\"threshold\":[\"A\",\"B\"],\"passed\":false},"
            + "{\"name\":\"rd_staff_share\",\"value\":null,\"threshold\":0.1,\"passed\":false}],"
            + "\"recorded_at\":\"2026-01-01T00:00:00Z\",\"score\":71.5,\"future_column\":{\"x\":1}}",
        "",
        "{\"change_id\":\"c2\",\"uscc\":\"91371100000000001A\",\"pool\":\"srdi\",\"from_status\":\"candidate\","
            + "\"to_status\":\"member\",\"reason\":\"criteria_met\",\"event_time\":\"2024-06-01T08:00:00+08:00\","
            + "\"rule_set\":\"miit-2022\",\"rule_version\":3,\"criteria\":[]}");

    List<PoolChangeRow> rows = PoolChangeLog.read(file);

    assertThat(rows).hasSize(2);
    PoolChangeRow first = rows.get(0);
    assertThat(first.changeId()).isEqualTo("c1");
    assertThat(first.fromStatus()).isNull();
    assertThat(first.toStatus()).isEqualTo("candidate");
    assertThat(first.reason()).isEqualTo("near_criteria");
    assertThat(first.eventTime()).isEqualTo(Instant.parse("2024-05-15T07:00:00Z"));
    assertThat(first.ruleSet()).isEqualTo("miit-2022");
    assertThat(first.ruleVersion()).isEqualTo(3);
    assertThat(first.recordedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(first.criteria()).extracting(Criterion::name, Criterion::valueText,
        Criterion::thresholdText, Criterion::passed).containsExactly(
            tuple("sales_ttm", "20000000", "20000000", true),
            tuple("tax_credit_level", "C", "[\"A\",\"B\"]", false),
            tuple("rd_staff_share", "—", "0.1", false));
    // an explicit +08:00 offset is the same instant as 00:00Z
    assertThat(rows.get(1).eventTime()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
    assertThat(rows.get(1).recordedAt()).isNull();
  }

  @Test
  void missingColumnNamesFileLineAndColumn() throws Exception {
    Path file = write("pool_change.jsonl",
        "{\"change_id\":\"c1\",\"uscc\":\"U\",\"pool\":\"srdi\",\"to_status\":\"member\","
            + "\"event_time\":\"2024-05-15T07:00:00Z\",\"rule_set\":\"r\",\"rule_version\":1}",
        "{\"change_id\":\"c2\",\"uscc\":\"U\",\"pool\":\"srdi\",\"to_status\":\"member\","
            + "\"event_time\":\"2024-05-15T07:00:00Z\",\"rule_version\":1}");
    assertThatThrownBy(() -> PoolChangeLog.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + " line 2, column rule_set: missing");
  }

  @Test
  void badValuesNameTheirColumn() throws Exception {
    String ok = "\"change_id\":\"c\",\"uscc\":\"U\",\"pool\":\"srdi\",\"to_status\":\"member\",\"rule_set\":\"r\"";
    assertThatThrownBy(() -> PoolChangeLog.read(write("a.jsonl",
        "{" + ok + ",\"event_time\":\"15/05/2024\",\"rule_version\":1}")))
        .hasMessageEndingWith("line 1, column event_time: not an ISO-8601 instant: '15/05/2024'");
    assertThatThrownBy(() -> PoolChangeLog.read(write("b.jsonl",
        "{" + ok + ",\"event_time\":\"2024-05-15T07:00:00Z\",\"rule_version\":1.5}")))
        .hasMessageEndingWith("line 1, column rule_version: expected an integer, got 1.5");
    assertThatThrownBy(() -> PoolChangeLog.read(write("c.jsonl",
        "{" + ok + ",\"event_time\":\"2024-05-15T07:00:00Z\",\"rule_version\":1,"
            + "\"criteria\":[{\"name\":\"x\",\"passed\":\"yes\"}]}")))
        .hasMessageEndingWith("line 1, column criteria: element 'x' without a boolean passed");
    assertThatThrownBy(() -> PoolChangeLog.read(write("d.jsonl", "{\"change_id\":")))
        .hasMessageContaining("line 1: not JSON");
  }

  @Test
  void districtsFromIndicatorSnapshot() throws Exception {
    Path file = write("indicator_snapshot.jsonl",
        "{\"uscc\":\"A\",\"as_of\":\"2024-05-15T07:00:00Z\",\"district\":\"东港区\",\"sales_ttm\":1.2E7}",
        "{\"uscc\":\"B\",\"district\":null}",
        "{\"uscc\":\"C\",\"district\":\"岚山区\"}");
    assertThat(IndicatorDistricts.read(file)).isEqualTo(Map.of("A", "东港区", "C", "岚山区"));
  }

  private Path write(String name, String... lines) throws Exception {
    return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
  }
}
