package io.seedbed.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;

/**
 * A rate limiter in two phases: the first {@code warm} records pass at once; then it waits for
 * {@link #GO} and lets one record through every {@code 1 / ratePerSecond} seconds on a fixed
 * schedule, so that queueing inside the job is what the latency shows.
 *
 * <p>A source that falls behind its schedule (its thread was not run in time: two cores shared
 * with the job) releases the records it owes at once, up to {@link #MAX_BACKLOG_NANOS} of them,
 * instead of starting the schedule again from now. Until session 9 it started again, so every
 * late wake-up was lost and the paced sources reached only 70 to 82 % of the rate asked for
 * (sessions 3 and 4).
 */
final class WarmThenPaced implements RateLimiterStrategy<SourceSplit> {
  private static final long serialVersionUID = 1L;
  /** Set by the bench once the warm-up records are processed (same JVM as the MiniCluster). */
  static final AtomicBoolean GO = new AtomicBoolean();
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "paced-source-timer");
    t.setDaemon(true);
    return t;
  });

  /** At most this much of the schedule is caught up in one burst; an older debt is forgiven. */
  static final long MAX_BACKLOG_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

  private final long warm;
  private final double ratePerSecond;

  WarmThenPaced(long warm, double ratePerSecond) {
    this.warm = warm;
    this.ratePerSecond = ratePerSecond;
  }

  @Override
  public RateLimiter<SourceSplit> createRateLimiter(int parallelism) {
    long intervalNanos = (long) (1e9 / (ratePerSecond / parallelism));
    return new RateLimiter<>() {
      private long passed;
      private boolean started;
      private long nextNanos;

      @Override
      public CompletionStage<Void> acquire(int permits) {
        if (passed < warm) {
          passed += permits;
          return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        schedule(ready, permits);
        return ready;
      }

      private void schedule(CompletableFuture<Void> ready, int permits) {
        if (!GO.get()) {
          TIMER.schedule(() -> schedule(ready, permits), 50, TimeUnit.MILLISECONDS);
          return;
        }
        long now = System.nanoTime();
        if (!started) { // the schedule starts at the first paced record (nanoTime has no zero)
          started = true;
          nextNanos = now;
        }
        long slot = Math.max(nextNanos, now - MAX_BACKLOG_NANOS);
        nextNanos = slot + intervalNanos * permits;
        passed += permits;
        if (slot <= now) {
          ready.complete(null); // on or behind schedule: no timer hop
        } else {
          TIMER.schedule(() -> ready.complete(null), slot - now, TimeUnit.NANOSECONDS);
        }
      }
    };
  }
}
