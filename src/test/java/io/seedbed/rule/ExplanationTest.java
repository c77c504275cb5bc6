package io.seedbed.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.indicator.Indicators;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A verdict's {@link Explanation} is its criteria, read without building them: the same numbers and
 * texts, whether read at once, after the engine's buffer moved on (written again from the input),
 * or on another thread.
 */
class ExplanationTest {
  private static final List<Supplier<Indicators>> FIRMS = List.of(
      () -> Firms.cleanSme(Firms.AS_OF_2025), Firms::innovativeScorer60,
      () -> Firms.innovativeNonScorer(Firms.AS_OF_2025), Firms::srdiScorer2022,
      Firms::srdiOnBounds2026, Firms::littleGiant2022, Firms::littleGiant2026, Firms::champion,
      Firms::gazelle, Firms::unicorn, Firms::scaleUp, Firms::listingReserve, Indicators::new);

  @Test
  void theAccessorsReadWhatTheCriteriaSay() {
    for (Supplier<Indicators> firm : FIRMS) {
      for (RuleSet rs : List.of(Rules.R2022, Rules.R2026)) {
        for (PoolVerdict v : RuleEngine.evaluate(firm.get(), rs)) {
          Explanation x = v.explanation();
          assertThat(x.size()).isEqualTo(v.criteria.size());
          assertThat(x.met()).isEqualTo(v.met());
          for (int i = 0; i < x.size(); i++) {
            CriterionResult c = v.criteria.get(i);
            assertThat(x.name(i)).isEqualTo(c.name);
            assertThat(x.op(i)).isEqualTo(c.op);
            assertThat(x.passed(i)).isEqualTo(c.passed);
            assertThat(x.hasValue(i) ? (Double) x.value(i) : null).isEqualTo(c.value);
            assertThat(x.hasThreshold(i) ? (Double) x.threshold(i) : null).isEqualTo(c.threshold);
            assertThat(x.hasShortfall(i) ? (Double) x.shortfall(i) : null).isEqualTo(c.shortfall);
            assertThat(x.valueText(i)).isEqualTo(c.valueText);
            assertThat(x.thresholdText(i)).isEqualTo(c.thresholdText);
            assertThat(x.result(i)).isSameAs(c);
          }
        }
      }
    }
  }

  @Test
  void criteriaReadAfterTheNextEvaluationAreTheSame() {
    for (Supplier<Indicators> firm : FIRMS) {
      List<PoolVerdict> kept = RuleEngine.evaluate(firm.get(), Rules.R2022);
      RuleEngine.evaluate(Firms.gazelle(), Rules.R2026); // the engine's buffer moves on
      List<PoolVerdict> fresh = RuleEngine.evaluate(firm.get(), Rules.R2022);
      assertThat(texts(kept)).isEqualTo(texts(fresh));
    }
  }

  @Test
  void criteriaReadOnAnotherThreadAreTheSame() throws Exception {
    for (Supplier<Indicators> firm : FIRMS) {
      List<PoolVerdict> here = RuleEngine.evaluate(firm.get(), Rules.R2022);
      List<String> there = CompletableFuture.supplyAsync(() -> texts(here)).get();
      assertThat(there).isEqualTo(texts(RuleEngine.evaluate(firm.get(), Rules.R2022)));
    }
  }

  @Test
  void theSameInputExplainsItselfTheSame() {
    Explanation a = pool(Firms.srdiScorer2022(), Pool.SRDI).copy(null);
    Explanation b = pool(Firms.srdiScorer2022(), Pool.SRDI);
    assertThat(b.sameAs(a)).isTrue();
    assertThat(a.sameAs(b)).isTrue();

    Indicators moreRd = Firms.srdiScorer2022();
    moreRd.rdExpenseLastYear = moreRd.rdExpenseLastYear + 1;
    assertThat(pool(moreRd, Pool.SRDI).sameAs(a)).isFalse();
  }

  @Test
  void aSetOfCodesIsTheSameOnlyInTheSameOrder() {
    Indicators sorted = Firms.cleanSme(Firms.AS_OF_2025);
    sorted.certifications = new TreeSet<>(Set.of("ISO9001", "ISO14001"));
    Explanation a = pool(sorted, Pool.SRDI).copy(null);
    Indicators reversed = Firms.cleanSme(Firms.AS_OF_2025);
    reversed.certifications = new TreeSet<>(java.util.Comparator.reverseOrder());
    reversed.certifications.addAll(Set.of("ISO9001", "ISO14001"));
    Explanation b = pool(reversed, Pool.SRDI);
    assertThat(b.sameAs(a)).isFalse(); // equal sets, but listed in another order
  }

  @Test
  void givenResultsExplainThemselves() {
    CriterionResult c = new CriterionResult("tax_credit_level", null, "B", "not_in", null, "[C, D]",
        true, null);
    PoolVerdict v = new PoolVerdict(Pool.SRDI, true, null, List.of(c), "r", 1);
    Explanation x = v.explanation();
    assertThat(x.valueText(0)).isEqualTo("B");
    assertThat(x.thresholdText(0)).isEqualTo("[C, D]");
    assertThat(x.hasValue(0)).isFalse();
    assertThat(x.result(0)).isSameAs(c);
  }

  private static Explanation pool(Indicators in, Pool pool) {
    return Rules.verdict(in, Rules.R2022, pool).explanation();
  }

  /** Everything a verdict says, as text. */
  private static List<String> texts(List<PoolVerdict> verdicts) {
    List<String> out = new ArrayList<>();
    for (PoolVerdict v : verdicts) {
      out.add(v.pool + " " + v.eligible + " " + v.graduated + " " + v.score + " " + v.met());
      for (CriterionResult c : v.criteria) {
        out.add(c + " | " + c.valueText + " | " + c.thresholdText + " | " + c.shortfall);
      }
    }
    return out;
  }
}
