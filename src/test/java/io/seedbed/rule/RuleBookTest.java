package io.seedbed.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.indicator.Indicators;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Which rule set is in force when (criteria.md key finding: 2026 rules from 2026-04-01). */
class RuleBookTest {

  @Test
  void lastMinuteOfMarch2026UsesMiit2022AndFirstOfAprilUsesMiit2026() {
    assertThat(Rules.BOOK.inForce(Firms.at("2026-03-31T23:59:00+08:00")).id()).isEqualTo("miit-2022");
    assertThat(Rules.BOOK.inForce(Firms.at("2026-04-01T00:00:00+08:00")).id()).isEqualTo("miit-2026");
    // 16:30 UTC on 31 March is already 1 April in China
    assertThat(Rules.BOOK.inForce(Firms.at("2026-03-31T16:30:00Z")).id()).isEqualTo("miit-2026");
  }

  @Test
  void nothingIsInForceBeforeAugust2022() {
    assertThat(Rules.BOOK.inForce(Firms.at("2022-07-31T23:59:00+08:00"))).isNull();
    assertThat(Rules.BOOK.inForce(Firms.at("2022-08-01T00:00:00+08:00")).id()).isEqualTo("miit-2022");
  }

  @Test
  void theSameEnterpriseIsJudgedByTheRulesInForceAtItsTime() {
    Indicators before = Firms.innovativeNonScorer(Firms.at("2026-03-31T23:59:00+08:00"));
    before.titles = new TreeSet<>(Set.of("tech_sme"));
    Indicators after = Firms.innovativeNonScorer(Firms.at("2026-04-01T00:00:00+08:00"));
    after.titles = new TreeSet<>(Set.of("tech_sme"));
    PoolVerdict v1 = Rules.verdict(before, Rules.BOOK.inForce(before.asOf), Pool.INNOVATIVE);
    PoolVerdict v2 = Rules.verdict(after, Rules.BOOK.inForce(after.asOf), Pool.INNOVATIVE);
    assertThat(v1.ruleSet).isEqualTo("miit-2022");
    assertThat(v1.eligible).isFalse();
    assertThat(v2.ruleSet).isEqualTo("miit-2026");
    assertThat(v2.eligible).isTrue();
  }

  @Test
  void everyPoolIsEvaluatedInStableOrder() {
    List<PoolVerdict> vs = RuleEngine.evaluate(Firms.cleanSme(Firms.AS_OF_2025), Rules.R2022);
    assertThat(vs).extracting(v -> v.pool).containsExactly(Pool.values());
    assertThat(vs).allSatisfy(v -> assertThat(v.criteria).isNotEmpty());
  }

  @Test
  void theHighestVersionOfAnIdWinsAndTheLatestStartAmongIds() {
    String v1 = """
        id: test
        version: 1
        effectiveFrom: 2023-01-01
        pools:
          innovative:
            criteria: {indicator: legal_person, op: "==", value: true}  # v1
        """;
    String v2 = v1.replace("version: 1", "version: 2").replace("2023-01-01", "2023-06-01");
    String other = v1.replace("id: test", "id: later").replace("2023-01-01", "2024-01-01");
    RuleBook book = RuleBook.of(List.of(RuleLoader.parse("v2.yaml", v2),
        RuleLoader.parse("v1.yaml", v1), RuleLoader.parse("later.yaml", other)), null);
    assertThat(book.inForce(Firms.at("2023-03-01T00:00:00+08:00")).version()).isEqualTo(1);
    assertThat(book.inForce(Firms.at("2023-07-01T00:00:00+08:00")).version()).isEqualTo(2);
    assertThat(book.inForce(Firms.at("2024-07-01T00:00:00+08:00")).id()).isEqualTo("later");
  }
}
