package io.seedbed.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.seedbed.feed.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestReportTest {
  private static final Pattern SVG = Pattern.compile("<svg id=\"chart-([a-z_]+)\" class=\"chart\"(.*?)</svg>",
      Pattern.DOTALL);
  private static final Pattern POLYLINE = Pattern.compile(
      "<polyline class=\"series (baseline|candidate)\"[^>]* points=\"([^\"]*)\"");
  private static final Pattern AFFECTED_ROW = Pattern.compile(
      "<tr class=\"affected-row[^\"]*\"[^>]*><td class=\"uscc\">([^<]*)</td>");

  @TempDir
  Path dir;

  @Test
  void oneChartPerPoolWithBothSeriesOverEveryMonth() throws Exception {
    String html = html(SampleRuns.diff());

    Matcher svg = SVG.matcher(html);
    List<String> pools = new ArrayList<>();
    while (svg.find()) {
      pools.add(svg.group(1));
      Matcher line = POLYLINE.matcher(svg.group(2));
      List<String> runs = new ArrayList<>();
      while (line.find()) {
        runs.add(line.group(1));
        assertThat(line.group(2).split(" ")).as("one point per month Jan..Jun").hasSize(6);
      }
      assertThat(runs).containsExactly("baseline", "candidate");
      assertThat(svg.group(2)).contains("2024-01").contains("2024-06")
          .contains("baseline 基线").contains("candidate 候选");
    }
    assertThat(pools).containsExactly("scale_up", "srdi");
    assertThat(html).contains("小升规 scale_up").contains("专精特新 srdi");
  }

  @Test
  void chartPointsFollowTheMonthEndCounts() throws Exception {
    // scale_up: max 9 → grid step 2, y axis 0..10 over 194 px from y=36; x 52..724 in 5 steps.
    // candidate April (index 3) has 6 members: x = 52 + 672*3/5 = 455.2, y = 230 - 194*6/10 = 113.6;
    // baseline April has 7: y = 230 - 194*7/10 = 94.2
    String html = html(SampleRuns.diff());
    assertThat(html).containsPattern(
        "<polyline class=\"series candidate\"[^>]* points=\"52\\.0,191\\.2 [^\"]*455\\.2,113\\.6 ");
    assertThat(html).containsPattern(
        "<polyline class=\"series baseline\"[^>]* points=\"52\\.0,191\\.2 [^\"]*455\\.2,94\\.2 ");
  }

  @Test
  void affectedTableHasExactlyTheDifferingEnterprisesInOrder() throws Exception {
    String html = html(SampleRuns.diff());
    Matcher row = AFFECTED_ROW.matcher(html);
    List<String> uscc = new ArrayList<>();
    while (row.find()) {
      uscc.add(row.group(1));
    }
    assertThat(uscc).containsExactlyElementsOf(SampleRuns.AFFECTED_ORDER);
    assertThat(html).contains("data-pool=\"srdi\" data-kind=\"enters\"><td class=\"uscc\">"
        + SampleRuns.A + "</td><td class=\"district\">东港区</td>");
    // A's rd_intensity criterion decided: highlighted, with both thresholds shown
    assertThat(html).contains("<tr class=\"criterion differs\"><td class=\"name\">rd_intensity_last_year</td>"
        + "<td>0.028 / 0.03</td><td class=\"fail\">✗ no</td>"
        + "<td>0.028 / 0.025</td><td class=\"pass\">✓ yes</td></tr>");
    assertThat(html).contains("<tr class=\"criterion\"><td class=\"name\">tax_credit_level</td>");
    assertThat(html).contains("<td class=\"candidate-status\">exited<br><span class=\"reason\">criteria_lost</span>"
        + "<br><span class=\"reason\" title=\"2024-04-02T02:00:00Z\">since 2024-04-02</span></td>");
    // E09 has no baseline row at all
    assertThat(html).contains("<td class=\"baseline-status\"><span class=\"untracked\">not tracked</span></td>");
  }

  @Test
  void summaryTotalsPerPool() throws Exception {
    String html = html(SampleRuns.diff());
    assertThat(html).contains("<tr class=\"pool-row\" data-pool=\"scale_up\"><td>小升规 scale_up</td>"
        + "<td class=\"num\">9</td><td class=\"num\">9</td><td class=\"num\">0</td>"
        + "<td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">0</td></tr>");
    assertThat(html).contains("<tr class=\"pool-row\" data-pool=\"srdi\"><td>专精特新 srdi</td>"
        + "<td class=\"num\">6</td><td class=\"num\">7</td><td class=\"num\">+1</td>"
        + "<td class=\"num\">1</td><td class=\"num\">0</td><td class=\"num\">1</td></tr>");
    assertThat(html).contains("<td>baseline 基线</td><td>miit-2022 v1</td>")
        .contains("<td>candidate 候选</td><td>rizhao-2025 v2</td>")
        .contains("id=\"verdict\" class=\"different\"");
  }

  @Test
  void feedTextCannotInjectMarkup() throws Exception {
    String html = html(SampleRuns.diff());
    assertThat(html.split("<script", -1)).as("only the report's own script").hasSize(2);
    assertThat(html).doesNotContain("alert('district')</script>")
        .doesNotContain("\"><script>alert(1)")
        .contains("&lt;script&gt;alert(&#39;district&#39;)&lt;/script&gt;")
        .contains("<td class=\"name\">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>");
  }

  @Test
  void selfContainedNothingFetched() throws Exception {
    String html = html(SampleRuns.diff());
    assertThat(html).doesNotContain("http:").doesNotContain("https:").doesNotContain(" src=")
        .doesNotContain(" href=").doesNotContain("<link").doesNotContain("@import")
        .doesNotContain("url(");
  }

  @Test
  void sameRunsGiveTheSameBytesWhateverTheRowOrder() throws Exception {
    Diff diff = SampleRuns.diff();
    BacktestReport.writeHtml(diff, dir.resolve("a.html"));
    BacktestReport.writeJson(diff, dir.resolve("a.json"));
    List<PoolChangeRow> baseline = SampleRuns.baseline();
    List<PoolChangeRow> candidate = SampleRuns.candidate();
    Collections.shuffle(baseline, new Random(3));
    Collections.shuffle(candidate, new Random(4));
    Diff again = BacktestDiff.compare(baseline, candidate, SampleRuns.districts());
    BacktestReport.writeHtml(again, dir.resolve("b.html"));
    BacktestReport.writeJson(again, dir.resolve("b.json"));

    assertThat(Files.readAllBytes(dir.resolve("b.html"))).isEqualTo(Files.readAllBytes(dir.resolve("a.html")));
    assertThat(Files.readAllBytes(dir.resolve("b.json"))).isEqualTo(Files.readAllBytes(dir.resolve("a.json")));
  }

  @Test
  void jsonCarriesTotalsSeriesAndDecidingCriteria() throws Exception {
    Path file = dir.resolve("out/diff.json");
    BacktestReport.writeJson(SampleRuns.diff(), file);
    JsonNode json = Json.MAPPER.readTree(file.toFile());

    assertThat(json.get("identical").booleanValue()).isFalse();
    assertThat(json.at("/candidate_rule_sets/0/rule_set").textValue()).isEqualTo("rizhao-2025");
    JsonNode srdi = json.at("/pools/1");
    assertThat(srdi.get("pool").textValue()).isEqualTo("srdi");
    assertThat(srdi.get("name_zh").textValue()).isEqualTo("专精特新");
    assertThat(srdi.get("baseline_members").intValue()).isEqualTo(6);
    assertThat(srdi.get("candidate_members").intValue()).isEqualTo(7);
    assertThat(srdi.get("enters").toString()).isEqualTo("[\"" + SampleRuns.A + "\"]");
    assertThat(srdi.at("/month_end_members/2").toString())
        .isEqualTo("{\"month\":\"2024-03\",\"baseline\":5,\"candidate\":6}");
    JsonNode leaves = json.at("/affected/1");
    assertThat(leaves.get("uscc").textValue()).isEqualTo(SampleRuns.B);
    assertThat(leaves.get("kind").textValue()).isEqualTo("leaves");
    assertThat(leaves.at("/candidate/status").textValue()).isEqualTo("exited");
    // plain notation for money, not 1.9E+7
    assertThat(leaves.at("/candidate/criteria/0").toString())
        .isEqualTo("{\"name\":\"sales_ttm\",\"value\":19000000,\"threshold\":20000000,\"passed\":false}");
    assertThat(json.at("/affected/0/baseline").isNull()).isTrue();
    assertThat(json.at("/affected/2/differing_criteria").toString())
        .isEqualTo("[\"rd_intensity_last_year\"]");
    assertThat(Files.readString(file)).contains("\"value\" : 19000000,");
  }

  @Test
  void textSummaryForTheConsole() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BacktestReport.writeText(SampleRuns.diff(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
        "backtest: baseline miit-2022 v1  vs  candidate rizhao-2025 v2",
        "pool              baseline candidate  enters  leaves  changes",
        "scale_up                 9         9       1       1        0",
        "srdi                     6         7       1       0        1",
        "different: 4 enterprise-pool pairs differ");
  }

  @Test
  void identicalRunsSayIdentical() throws Exception {
    Diff diff = BacktestDiff.compare(SampleRuns.baseline(), SampleRuns.baseline());
    String html = html(diff);
    assertThat(html).contains("id=\"verdict\" class=\"identical\"").doesNotContain("class=\"affected-row");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    BacktestReport.writeText(diff, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("identical: the candidate rules change nothing\n");
  }

  private String html(Diff diff) throws Exception {
    Path file = dir.resolve("report.html");
    BacktestReport.writeHtml(diff, file);
    return Files.readString(file);
  }
}
