package io.seedbed.pool;

import java.io.Serializable;

/**
 * Early discovery (早发现) for one pool: when a non-member counts as a candidate.
 *
 * @param marginFraction an unmet numeric criterion is near when shortfall ÷ |threshold| ≤ this
 * @param minMetFraction a verdict meeting at least this share of its criteria is near
 * @param horizonMonths how far ahead trend projections may look
 */
public record DiscoverySettings(double marginFraction, double minMetFraction, int horizonMonths)
    implements Serializable {}
