package io.seedbed.pool;

import static io.seedbed.pool.Fixtures.MIIT_2022;
import static io.seedbed.pool.Fixtures.MIIT_2026;
import static io.seedbed.pool.Fixtures.day;
import static io.seedbed.pool.Fixtures.firm;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seedbed.feed.Json;
import io.seedbed.indicator.Indicators;
import io.seedbed.rule.CriterionResult;
import io.seedbed.rule.Explanation;
import io.seedbed.rule.Pool;
import io.seedbed.rule.PoolVerdict;
import io.seedbed.rule.RuleEngine;
import io.seedbed.rule.RuleSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The criteria and gaps texts are written field by field with the mapper's generator: they must be
 * exactly what serializing the equivalent Jackson tree gives (how they were rendered before).
 */
class CriteriaJsonTest {

  @Test
  void oddTextsAndNumbersAreWrittenAsTheTreeWritesThem() {
    List<CriterionResult> odd = List.of(
        new CriterionResult("q\"uote\\back/slash", null, "tab\tnew\nline\u0001\u001f", "in", null,
            "[中文, é, \u2028]", false, null),
        new CriterionResult(null, null, null, "band", null, null, false, null),
        new CriterionResult("nan", Double.NaN, null, ">=", Double.POSITIVE_INFINITY, null, false,
            Double.NaN),
        new CriterionResult("zeroes", -0.0, null, "<=", 0.0, null, true, -0.0),
        new CriterionResult("extremes", Double.MIN_VALUE, "why", "score", Double.MAX_VALUE, "t",
            false, 1e-300),
        new CriterionResult("plain", 12_000_000.0, null, ">=", 1.0E7, null, true, 0.0),
        new CriterionResult("fraction", 0.027, null, ">=", 0.03, null, false, 0.0030000000000000027));
    PoolVerdict v = new PoolVerdict(Pool.SRDI, false, null, odd, "r", 1);
    assertSameAsTree(v);
  }

  @Test
  void engineVerdictsAreWrittenAsTheTreeWritesThem() {
    for (RuleSet rs : List.of(MIIT_2022, MIIT_2026)) {
      for (Indicators in : List.of(firm(day("2025-06-01")), rich())) {
        for (PoolVerdict v : RuleEngine.evaluate(in, rs)) {
          assertSameAsTree(v);
        }
      }
    }
  }

  @Test
  void aTextWrittenFromTheLastOneIsTheTextWrittenAnew() {
    for (RuleSet rs : List.of(MIIT_2022, MIIT_2026)) {
      Indicators in = rich();
      CriteriaJson.Rendered last = null;
      for (int step = 0; step < 6; step++) {
        in.rdIntensityLastYear += 0.004; // some values move, most stay
        in.yearsRegistered = step % 2 == 0 ? in.yearsRegistered : null;
        PoolVerdict v = RuleEngine.evaluate(in, rs).get(1);
        CriteriaJson.Rendered now = CriteriaJson.criteria(v.explanation(), last);
        assertThat(now.json()).isEqualTo(treeCriteria(v.criteria));
        last = now;
      }
    }
  }

  private static void assertSameAsTree(PoolVerdict v) {
    Explanation x = v.explanation();
    assertThat(CriteriaJson.criteria(x)).isEqualTo(treeCriteria(v.criteria));
    List<CriterionResult> unmet = new ArrayList<>();
    int[] at = Discovery.entryCriteria(v).unmet();
    for (int i : at) {
      unmet.add(v.criteria.get(i));
    }
    assertThat(CriteriaJson.gaps(x, at)).isEqualTo(treeGaps(unmet));
  }

  /** A firm with most indicators known, so that most criteria have values. */
  private static Indicators rich() {
    Indicators in = firm(day("2025-06-01"));
    in.legalPerson = true;
    in.industry = "C3311";
    in.industrySection = "industry";
    in.yearsRegistered = 6.37;
    in.yearsInNiche = 4.5;
    in.certifications = new TreeSet<>(Set.of("ISO9001", "ISO14001"));
    in.productTags = new TreeSet<>(Set.of("key_chain"));
    in.titles = new TreeSet<>(Set.of("tech_sme"));
    in.rdInstitution = "city";
    in.digitalLevel = 2;
    in.ownBrand = true;
    in.listingStage = "none";
    in.operatingRevenueLastYear = 123_456_789.0;
    in.operatingRevenuePrevYear = 100_000_000.0;
    in.mainBusinessRevenueLastYear = 110_000_000.0;
    in.mainBusinessShare = 0.891;
    in.revenueGrowthLastYear = 0.2345;
    in.mainRevenueGrowthLastYear = 0.1;
    in.mainRevenueGrowthAvg2y = 0.07;
    in.revenueGrowthMin2y = 0.18;
    in.netProfitLastYear = 9_870_000.5;
    in.netMargin = 0.08;
    in.debtRatio = 0.62;
    in.rdExpenseLastYear = 4_100_000.0;
    in.rdExpensePrevYear = 3_900_000.0;
    in.rdIntensityLastYear = 0.0332;
    in.rdIntensityPrevYear = 0.039;
    in.rdStaffShare = 0.12;
    in.salesTtm = 130_000_000.0;
    in.class1Ip = 3;
    in.class2Ip = 9;
    in.inventionPatents = 2;
    in.utilityModels = 5;
    in.softwareCopyrights = 1;
    in.taxCreditLevel = "B";
    in.creditScore = 81.5;
    in.onAbnormalOperationList = false;
    in.onSeriousDishonestyList = false;
    in.onDishonestDebtorList = false;
    in.qualifiedFinancing2y = 0.0;
    in.equityFinancing2y = 1_000_000.0;
    return in;
  }

  /** How the criteria column was rendered before: a Jackson tree, serialized by the mapper. */
  private static String treeCriteria(List<CriterionResult> criteria) throws RuntimeException {
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (CriterionResult c : criteria) {
      item(a, c).put("passed", c.passed);
    }
    return CriteriaJson.write(a);
  }

  private static String treeGaps(List<CriterionResult> unmet) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (CriterionResult c : unmet) {
      item(a, c).put("shortfall", c.shortfall);
    }
    return CriteriaJson.write(a);
  }

  private static ObjectNode item(ArrayNode a, CriterionResult c) {
    ObjectNode o = a.addObject();
    o.put("name", c.name);
    if (c.value != null) {
      o.put("value", c.value);
    } else {
      o.put("value", c.valueText);
    }
    if (c.threshold != null) {
      o.put("threshold", c.threshold);
    } else {
      o.put("threshold", c.thresholdText);
    }
    return o;
  }
}
