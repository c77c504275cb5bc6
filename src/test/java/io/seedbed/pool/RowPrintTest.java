package io.seedbed.pool;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.rule.CriterionResult;
import io.seedbed.rule.Explanation;
import io.seedbed.rule.Pool;
import io.seedbed.rule.PoolVerdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A print stands for the criteria text it is kept with: equal texts give equal prints, whatever
 * objects they come from, and texts that differ in any entry's part give different prints.
 */
class RowPrintTest {
  @Test
  void equalCriteriaTextsHaveEqualPrintsAndDifferentOnesDifferentPrints() {
    Random random = new Random(11);
    Set<String> texts = new HashSet<>();
    Set<Long> prints = new HashSet<>();
    CriteriaJson.Rendered last = null;
    for (int n = 0; n < 20_000; n++) {
      List<CriterionResult> criteria = n % 3 == 0 && last != null
          ? mutateOne(last.from(), random) : randomCriteria(random);
      Explanation x = explain(criteria);
      Explanation again = explain(copy(criteria)); // other objects, same content
      long print = RowPrint.criteria(x);
      assertThat(RowPrint.criteria(again)).isEqualTo(print);
      // Rendered again from the last text, reprinting only the entries that changed.
      last = CriteriaJson.criteria(x, last);
      assertThat(last.print()).isEqualTo(print);
      assertThat(print).isNotZero();
      String text = CriteriaJson.criteria(x);
      if (texts.add(text)) {
        assertThat(prints.add(print)).as("a new text with an old print: %s", text).isTrue();
      } else {
        assertThat(prints).contains(print);
      }
    }
    assertThat(texts).hasSizeGreaterThan(15_000); // the walk made mostly distinct texts
  }

  @Test
  void eachPartOfAnEntryCounts() {
    CriterionResult base = new CriterionResult("debt_ratio", 0.5, null, "<", 0.7, null, true, null);
    long print = RowPrint.criteria(explain(List.of(base)));
    assertThat(List.of(
        new CriterionResult("debt_ratio2", 0.5, null, "<", 0.7, null, true, null),
        new CriterionResult("debt_ratio", 0.51, null, "<", 0.7, null, true, null),
        new CriterionResult("debt_ratio", null, "0.5", "<", 0.7, null, true, null),
        new CriterionResult("debt_ratio", 0.5, null, "<", 0.75, null, true, null),
        new CriterionResult("debt_ratio", 0.5, null, "<", null, "0.7", true, null),
        new CriterionResult("debt_ratio", 0.5, null, "<", 0.7, null, false, null)))
        .allSatisfy(c -> assertThat(RowPrint.criteria(explain(List.of(c)))).isNotEqualTo(print));
    // The op is not in the text, so it is not in the print either.
    assertThat(RowPrint.criteria(explain(List.of(
        new CriterionResult("debt_ratio", 0.5, null, "<=", 0.7, null, true, null)))))
        .isEqualTo(print);
    // Entries do not run together: ("ab", "c") is not ("a", "bc").
    assertThat(RowPrint.criteria(explain(List.of(text("ab"), text("c")))))
        .isNotEqualTo(RowPrint.criteria(explain(List.of(text("a"), text("bc")))));
  }

  private static CriterionResult text(String name) {
    return new CriterionResult(name, null, "x", "==", null, "x", true, null);
  }

  private static Explanation explain(List<CriterionResult> criteria) {
    return new PoolVerdict(Pool.SRDI, false, null, criteria, "miit-2026", 1).explanation();
  }

  private static List<CriterionResult> randomCriteria(Random random) {
    List<CriterionResult> out = new ArrayList<>();
    String[] names = {"debt_ratio", "sme", "rd_intensity_each_2y", "class1_ip", "titles"};
    int size = 1 + random.nextInt(4);
    for (int i = 0; i < size; i++) {
      boolean numeric = random.nextBoolean();
      Double value = numeric ? random.nextInt(50) / 10.0 : null;
      String valueText = numeric ? null : List.of("small", "medium", "[ISO9001]", "unknown")
          .get(random.nextInt(4));
      Double threshold = random.nextBoolean() ? random.nextInt(5) / 10.0 : null;
      String thresholdText = threshold == null ? "[medium, small, micro]" : null;
      out.add(new CriterionResult(names[random.nextInt(names.length)], value, valueText, ">=",
          threshold, thresholdText, random.nextBoolean(), null));
    }
    return out;
  }

  /** {@code x}'s criteria with one entry's value moved: the next text shares the others. */
  private static List<CriterionResult> mutateOne(Explanation x, Random random) {
    List<CriterionResult> out = new ArrayList<>();
    int moved = random.nextInt(x.size());
    for (int i = 0; i < x.size(); i++) {
      CriterionResult c = x.result(i);
      out.add(i != moved ? c : new CriterionResult(c.name, random.nextInt(50) / 10.0, null, c.op,
          c.threshold, c.thresholdText, !c.passed, c.shortfall));
    }
    return out;
  }

  private static List<CriterionResult> copy(List<CriterionResult> criteria) {
    List<CriterionResult> out = new ArrayList<>();
    for (CriterionResult c : criteria) {
      out.add(new CriterionResult(new String(c.name), c.value == null ? null : Double.valueOf(c.value),
          c.valueText == null ? null : new String(c.valueText), c.op,
          c.threshold == null ? null : Double.valueOf(c.threshold),
          c.thresholdText == null ? null : new String(c.thresholdText), c.passed, c.shortfall));
    }
    return out;
  }
}
