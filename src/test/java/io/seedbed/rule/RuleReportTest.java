package io.seedbed.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code seedbed rules explain} and {@code seedbed rules validate}. */
class RuleReportTest {

  @Test
  void explainShowsEachCriterionTheVerdictAndTheRuleSet() {
    PoolVerdict v = Rules.verdict(Firms.innovativeScorer60(), Rules.R2022, Pool.INNOVATIVE);
    String text = RuleReport.explain(List.of(v));
    assertThat(text).startsWith("== innovative (miit-2022 v1): ELIGIBLE, score 60, ");
    assertThat(text).containsPattern("rd_intensity +15 \\(rd_intensity_last_year = 0.03\\) +score +20"
        + " +FAIL +5");
    assertThat(text).containsPattern("innovative_score +60 +>= +60 +pass");
    assertThat(text).containsPattern("qualified_financing_3y +unknown +>= +5000000 +FAIL");
  }

  @Test
  void explainMarksAGraduatedEnterprise() {
    var in = Firms.scaleUp();
    in.mainBusinessRevenueLastYear = 21_000_000.0;
    String text = RuleReport.explain(List.of(Rules.verdict(in, Rules.R2022, Pool.SCALE_UP)));
    assertThat(text).startsWith("== scale_up (miit-2022 v1): GRADUATED");
  }

  @Test
  void validateAcceptsTheShippedConfiguration() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = RuleReport.validate(Path.of("config"), new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(code).as(out).isZero();
    assertThat(out).contains("OK    config/rules/miit-2022.yaml: miit-2022 v1 (2022-08-01 .. 2026-03-31)")
        .contains("OK    config/rules/miit-2026.yaml").contains("OK    config/city/rizhao.yaml")
        .contains("OK    rule book: 2 rule set(s)");
  }

  @Test
  void validateReportsEachBrokenFileAndFails(@TempDir Path dir) throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.copy(Path.of("config/rules/miit-2026.yaml"), rules.resolve("good.yaml"));
    Files.writeString(rules.resolve("bad.yaml"), """
        id: bad
        version: 1
        effectiveFrom: 2023-01-01
        pools:
          srdi:
            criteria: {indicator: debt_ratio, op: "<=", value: 70}
        """);
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code = RuleReport.validate(dir, new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(1);
    assertThat(out).contains("ERROR " + rules.resolve("bad.yaml")
        + ":6: field 'pools.srdi.criteria.value': absurd threshold 70 for debt_ratio")
        .contains("OK    " + rules.resolve("good.yaml"));
  }
}
