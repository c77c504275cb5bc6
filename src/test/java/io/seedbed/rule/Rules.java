package io.seedbed.rule;

import io.seedbed.indicator.Indicators;
import java.nio.file.Path;

/** The real rule book under config/ and small lookups for the golden tests. */
final class Rules {
  static final RuleBook BOOK = RuleLoader.load(Path.of("config"));
  static final RuleSet R2022 = BOOK.inForce(Firms.AS_OF_2025);
  static final RuleSet R2026 = BOOK.inForce(Firms.AS_OF_2026);

  private Rules() {}

  static PoolVerdict verdict(Indicators in, RuleSet rs, Pool pool) {
    return RuleEngine.evaluate(in, rs).stream().filter(v -> v.pool == pool).findFirst()
        .orElseThrow();
  }

  /** The first criterion called {@code name} in the verdict. */
  static CriterionResult criterion(PoolVerdict v, String name) {
    return v.criteria.stream().filter(c -> c.name.equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no criterion " + name + " in " + v.criteria));
  }
}
