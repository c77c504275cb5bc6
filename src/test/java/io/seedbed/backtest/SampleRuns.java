package io.seedbed.backtest;

import static io.seedbed.backtest.Changes.base;
import static io.seedbed.backtest.Changes.cand;
import static io.seedbed.backtest.Changes.num;
import static io.seedbed.backtest.Changes.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two small runs over January to June 2024 for the report tests. Exactly four enterprise-pool
 * pairs differ, listed in report order (scale_up before srdi, then kind, then uscc):
 * <pre>
 *   scale_up E09  enters          (candidate rules only: member from May)
 *   scale_up B    leaves          (member in both from Feb; candidate rules exit it in Apr)
 *   srdi     A    enters          (rd_intensity_last_year 0.028 fails 0.03, passes 0.025)
 *   srdi     C    changes_status  (suspended vs candidate)
 * </pre>
 * Totals: scale_up 9 members in each run (E01..E08 + B, E01..E08 + E09); srdi 6 vs 7.
 * Month ends Jan..Jun: scale_up baseline 2 5 6 7 8 9, candidate 2 5 6 6 8 9;
 * srdi baseline 5 5 5 5 5 6, candidate 5 5 6 6 6 7.
 * Hostile text rides along: C's district and a criterion name of A carry markup.
 */
final class SampleRuns {
  static final String A = "91371100000000001A";
  static final String B = "91371100000000002B";
  static final String C = "91371100000000003C";
  static final String E09 = "91371100000000009E";
  static final List<String> AFFECTED_ORDER = List.of(E09, B, A, C);
  static final String HOSTILE_DISTRICT = "<script>alert('district')</script>";
  static final String HOSTILE_CRITERION = "\"><script>alert(1)</script>";

  private SampleRuns() {}

  static List<PoolChangeRow> baseline() {
    List<PoolChangeRow> rows = new ArrayList<>(background(true));
    rows.add(base(B, "scale_up", null, "member", "2024-02-12T02:00:00Z"));
    rows.add(base(A, "srdi", null, "candidate", "2024-03-08T02:00:00Z",
        num("rd_intensity_last_year", "0.028", "0.03", false),
        text("tax_credit_level", "B", "[A, B]", true),
        text(HOSTILE_CRITERION, "x", "y", true)));
    rows.add(base(C, "srdi", null, "candidate", "2024-02-20T02:00:00Z",
        num("rd_intensity_last_year", "0.04", "0.03", true)));
    rows.add(base(C, "srdi", "candidate", "suspended", "2024-04-20T02:00:00Z",
        num("rd_intensity_last_year", "0.04", "0.03", true),
        text("no_major_violation", "false", "true", false)));
    return rows;
  }

  static List<PoolChangeRow> candidate() {
    List<PoolChangeRow> rows = new ArrayList<>(background(false));
    rows.add(cand(B, "scale_up", null, "member", "2024-02-12T02:00:00Z"));
    rows.add(cand(B, "scale_up", "member", "exited", "2024-04-02T02:00:00Z",
        num("sales_ttm", "19000000", "20000000", false)));
    rows.add(cand(E09, "scale_up", null, "member", "2024-05-06T02:00:00Z",
        num("sales_ttm", "21000000", "20000000", true)));
    rows.add(cand(A, "srdi", null, "member", "2024-03-08T02:00:00Z",
        num("rd_intensity_last_year", "0.028", "0.025", true),
        text("tax_credit_level", "B", "[A, B]", true),
        text(HOSTILE_CRITERION, "x", "y", true)));
    rows.add(cand(C, "srdi", null, "candidate", "2024-02-20T02:00:00Z",
        num("rd_intensity_last_year", "0.04", "0.03", true),
        text("no_major_violation", "false", "true", true)));
    return rows;
  }

  static Map<String, String> districts() {
    return Map.of(A, "东港区", B, "岚山区", C, HOSTILE_DISTRICT, E09, "莒县");
  }

  static Diff diff() {
    return BacktestDiff.compare(baseline(), candidate(), districts());
  }

  /** Enterprises that behave the same in both runs: E01..E08 join scale_up over the months, S1..S5 srdi. */
  private static List<PoolChangeRow> background(boolean baseline) {
    List<PoolChangeRow> rows = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      String time = "2024-0" + (1 + (i - 1) % 6) + "-1" + i % 10 + "T02:00:00Z";
      String uscc = "9137110000000010" + i + "E";
      rows.add(baseline ? base(uscc, "scale_up", null, "member", time)
          : cand(uscc, "scale_up", null, "member", time));
    }
    for (int i = 1; i <= 5; i++) {
      String time = "2024-01-0" + i + "T02:00:00Z";
      String uscc = "9137110000000020" + i + "S";
      rows.add(baseline ? base(uscc, "srdi", null, "member", time)
          : cand(uscc, "srdi", null, "member", time));
    }
    rows.add(baseline ? base("91371100000000300S", "srdi", null, "member", "2024-06-28T02:00:00Z")
        : cand("91371100000000300S", "srdi", null, "member", "2024-06-28T02:00:00Z"));
    return rows;
  }
}
