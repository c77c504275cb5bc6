package io.seedbed.pool;

import io.seedbed.rule.Pool;
import java.io.Serializable;

/**
 * How one pool's membership is managed (动态管理). What suspends it is not here: suspension rules are
 * criteria, effective-dated with the rule set ({@code suspendOn}, io.seedbed.rule.PoolRule).
 *
 * @param exitAfterFailures a member exits only after this many consecutive failing evaluations
 * @param stayMargin a failing member whose every unmet criterion is numeric and within this fraction
 *     of its threshold still counts as passing (0 disables)
 * @param graduateWhenLarge the pool is for SMEs only: a {@code large} enterprise graduates
 */
public record PoolRules(Pool pool, int exitAfterFailures, double stayMargin,
    boolean graduateWhenLarge, DiscoverySettings discovery) implements Serializable {}
