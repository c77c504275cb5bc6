package io.seedbed.rule;

import java.util.List;

/**
 * The outcome of evaluating one pool's criteria for one enterprise under one rule set: whether the
 * entry criteria are met, the score where the rules score, and every criterion with its value,
 * threshold and result.
 */
public final class PoolVerdict {
  public final Pool pool;
  /** Whether every entry criterion holds (the pool's own combination of routes and gates). */
  public final boolean eligible;
  /**
   * The enterprise outgrew the pool (its {@code graduateWhen} condition holds, e.g. reached 规上 for
   * {@code scale_up}); then {@link #eligible} is false and {@link #criteria} ends with the
   * graduation criteria, which passed.
   */
  public final boolean graduated;
  /** The pool's score (e.g. the 100-point table) where its rules define one, else null. */
  public final Double score;
  /**
   * Every criterion evaluated, in rule-file order; never empty. Built on first access for verdicts
   * of the {@link RuleEngine}: most verdicts are only decided on, never read in full.
   */
  public final List<CriterionResult> criteria;
  /** The rule set id (e.g. {@code miit-2022}) and version in force. */
  public final String ruleSet;
  public final int ruleVersion;
  private final Explanation explanation;

  public PoolVerdict(Pool pool, boolean eligible, Double score, List<CriterionResult> criteria,
      String ruleSet, int ruleVersion) {
    this(pool, eligible, false, score, criteria, ruleSet, ruleVersion);
  }

  public PoolVerdict(Pool pool, boolean eligible, boolean graduated, Double score,
      List<CriterionResult> criteria, String ruleSet, int ruleVersion) {
    this.pool = pool;
    this.eligible = eligible;
    this.graduated = graduated;
    this.score = score;
    this.criteria = List.copyOf(criteria);
    this.ruleSet = ruleSet;
    this.ruleVersion = ruleVersion;
    this.explanation = Explanation.of(this.criteria);
  }

  /** A verdict of the engine: its criteria are read from {@code explanation}, built when asked. */
  PoolVerdict(Pool pool, boolean eligible, boolean graduated, Double score,
      Explanation explanation, String ruleSet, int ruleVersion) {
    this.pool = pool;
    this.eligible = eligible;
    this.graduated = graduated;
    this.score = score;
    this.criteria = explanation.results();
    this.ruleSet = ruleSet;
    this.ruleVersion = ruleVersion;
    this.explanation = explanation;
  }

  /** {@link #criteria} without building them: what the pool state machine decides from. */
  public Explanation explanation() {
    return explanation;
  }

  /** Number of criteria passed. */
  public int met() {
    return explanation.met();
  }
}
