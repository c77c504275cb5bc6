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
 * {@link #GO} and lets one record through every {@code 1 / ratePerSecond} seconds (a steady rate
 * without bursts, so that queueing inside the job is what the latency shows).
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
        long slot = Math.max(now, nextNanos);
        nextNanos = slot + intervalNanos * permits;
        passed += permits;
        TIMER.schedule(() -> ready.complete(null), slot - now, TimeUnit.NANOSECONDS);
      }
    };
  }
}
