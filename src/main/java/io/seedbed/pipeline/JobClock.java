package io.seedbed.pipeline;

import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The job's clock, for the contract's rule "a date more than one day after the job's clock is
 * rejected". The system clock by default; fixed in tests and backtests so results do not depend on
 * the day they run.
 */
public final class JobClock implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Fixed instant in epoch millis, or null for the system clock. */
  private final Long fixedMillis;

  private JobClock(Long fixedMillis) {
    this.fixedMillis = fixedMillis;
  }

  public static JobClock system() {
    return new JobClock(null);
  }

  public static JobClock fixed(Instant now) {
    return new JobClock(now.toEpochMilli());
  }

  public Clock clock() {
    return fixedMillis == null
        ? Clock.systemUTC()
        : Clock.fixed(Instant.ofEpochMilli(fixedMillis), ZoneOffset.UTC);
  }
}
