package io.seedbed.rule;

import java.time.Instant;

/**
 * Whether a pool's {@code suspendOn} rules block an enterprise at an evaluation time (see
 * {@link PoolRule#suspensionAt}).
 *
 * @param active whether anything blocks
 * @param until when the last incident block ends; null while a credit listing blocks (it lasts
 *     until the listing is removed, a time nobody knows in advance) or when nothing blocks
 */
public record Suspension(boolean active, Instant until) {
  public static final Suspension NONE = new Suspension(false, null);
}
