package io.seedbed.backtest;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Hand-written pool_change rows for the backtest tests. */
final class Changes {
  static final String BASELINE_RULES = "miit-2022";
  static final String CANDIDATE_RULES = "rizhao-2025";

  private Changes() {}

  /** A baseline-run change (rule set miit-2022 v1); change id = uscc/pool/time/to. */
  static PoolChangeRow base(String uscc, String pool, String from, String to, String time,
      Criterion... criteria) {
    return row(uscc + "/" + pool + "/" + time + "/" + to, uscc, pool, from, to, time,
        BASELINE_RULES, 1, criteria);
  }

  /** A candidate-run change (rule set rizhao-2025 v2). */
  static PoolChangeRow cand(String uscc, String pool, String from, String to, String time,
      Criterion... criteria) {
    return row(uscc + "/" + pool + "/" + time + "/" + to, uscc, pool, from, to, time,
        CANDIDATE_RULES, 2, criteria);
  }

  static PoolChangeRow row(String changeId, String uscc, String pool, String from, String to,
      String time, String ruleSet, int version, Criterion... criteria) {
    return new PoolChangeRow(changeId, uscc, pool, from, to, reason(to), Instant.parse(time),
        ruleSet, version, List.of(criteria), Instant.parse("2026-01-01T00:00:00Z"));
  }

  private static String reason(String to) {
    return switch (to) {
      case "member" -> "criteria_met";
      case "candidate" -> "near_criteria";
      case "suspended" -> "incident";
      default -> "criteria_lost";
    };
  }

  /** A numeric criterion. */
  static Criterion num(String name, String value, String threshold, boolean passed) {
    return new Criterion(name, value == null ? null : new DecimalNode(new BigDecimal(value)),
        new DecimalNode(new BigDecimal(threshold)), passed);
  }

  /** A text criterion (credit level and the like). */
  static Criterion text(String name, String value, String threshold, boolean passed) {
    return new Criterion(name, value == null ? null : new TextNode(value), new TextNode(threshold),
        passed);
  }
}
