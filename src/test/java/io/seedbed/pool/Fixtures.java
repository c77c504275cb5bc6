package io.seedbed.pool;

import io.seedbed.feed.FeedTime;
import io.seedbed.indicator.Indicators;
import io.seedbed.ledger.IncidentFact;
import io.seedbed.rule.CriterionResult;
import io.seedbed.rule.Pool;
import io.seedbed.rule.PoolVerdict;
import io.seedbed.rule.RuleBook;
import io.seedbed.rule.RuleLoader;
import io.seedbed.rule.RuleSet;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Hand-made inputs for the pool tests: the real city config and rule sets (their {@code suspendOn}
 * rules decide suspensions), verdicts built without the rule engine.
 */
final class Fixtures {
  static final String USCC = "91371100MA3C4XK21Q";
  static final String DONGGANG = "371102";
  static final String RULE_SET = "miit-2022";
  static final PoolSettings SETTINGS = PoolSettings.load(Path.of("config/city/pools.yaml"));
  static final RuleBook RULES = RuleLoader.load(Path.of("config"));
  /** The real miit-2022 rule set joined with the Rizhao city file. */
  static final RuleSet MIIT_2022 = ruleSet(RULE_SET);
  static final RuleSet MIIT_2026 = ruleSet("miit-2026");

  private Fixtures() {}

  static RuleSet ruleSet(String id) {
    return RULES.ruleSets().stream().filter(rs -> rs.id().equals(id)).findFirst().orElseThrow();
  }

  /** Midnight of a China date. */
  static Instant day(String isoDate) {
    return FeedTime.startOf(LocalDate.parse(isoDate));
  }

  /** A numeric lower-bound criterion ({@code >=}), with passed and shortfall as the rule engine computes them. */
  static CriterionResult atLeast(String name, Double value, double threshold) {
    boolean passed = value != null && value >= threshold;
    Double shortfall = value == null ? null : passed ? 0.0 : threshold - value;
    return new CriterionResult(name, value, null, ">=", threshold, null, passed, shortfall);
  }

  /** A text criterion such as a credit level. */
  static CriterionResult text(String name, String value, String threshold, boolean passed) {
    return new CriterionResult(name, null, value, "not_in", null, threshold, passed, null);
  }

  static PoolVerdict verdict(Pool pool, boolean eligible, CriterionResult... criteria) {
    return new PoolVerdict(pool, eligible, null, List.of(criteria), RULE_SET, 1);
  }

  /** An active SME in 东港区 with nothing known about trends. */
  static Indicators firm(Instant asOf) {
    Indicators in = new Indicators();
    in.uscc = USCC;
    in.asOf = asOf;
    in.district = DONGGANG;
    in.status = "active";
    in.smeClass = "small";
    return in;
  }

  static IncidentFact majorSafetyAccident(String id, Instant at) {
    return new IncidentFact(id, "accident", "safety", "major", at, "credit/accident");
  }
}
