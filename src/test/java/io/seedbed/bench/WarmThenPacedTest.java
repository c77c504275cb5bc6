package io.seedbed.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The latency bench's pacing: warm-up records pass at once, paced ones wait for {@code GO}, and a
 * source that fell behind catches up on its schedule (bounded) instead of losing the time. The
 * bounds are counts derived from elapsed time measured around the calls, so a slow machine cannot
 * fail them; no time is asserted.
 */
class WarmThenPacedTest {
  /** 1,000 records a second: one slot per millisecond. */
  private static final double RATE = 1_000;
  private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  @AfterEach
  void stop() {
    WarmThenPaced.GO.set(false);
  }

  @Test
  void warmUpRecordsPassAtOnceAndPacedOnesWaitForGo() {
    RateLimiter<SourceSplit> limiter = new WarmThenPaced(3, RATE).createRateLimiter(1);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire(1).toCompletableFuture()).isDone();
    }
    var paced = limiter.acquire(1).toCompletableFuture();
    assertThat(paced).isNotDone(); // GO not given: polled again every 50 ms, not released

    WarmThenPaced.GO.set(true);
    // Released once GO is seen (the next 50 ms poll); the bound only keeps a broken limiter from
    // hanging the build, it is not a timing assertion.
    assertThat(paced).succeedsWithin(Duration.ofSeconds(30));
  }

  @Test
  void aSourceBehindItsScheduleReleasesWhatItOwesAtOnce() throws Exception {
    WarmThenPaced.GO.set(true);
    RateLimiter<SourceSplit> limiter = new WarmThenPaced(0, RATE).createRateLimiter(1);
    long start = System.nanoTime(); // before the schedule's start, so the bound below holds
    limiter.acquire(1).toCompletableFuture().join(); // starts the schedule
    Thread.sleep(10); // the source's thread was not run for 10 ms: it owes about 10 records

    int immediate = 0;
    while (limiter.acquire(1).toCompletableFuture().isDone()) {
      immediate++;
    }
    // At least the slots that had passed before the loop (10 ms and more), released without a timer.
    assertThat(immediate).isGreaterThanOrEqualTo(9);
    // Never more than the slots up to the loop's end: the schedule is kept, not dropped.
    long owedSlots = (System.nanoTime() - start) / INTERVAL_NANOS + 1;
    assertThat((long) immediate).isLessThanOrEqualTo(owedSlots);
  }

  @Test
  void aLongStallIsCaughtUpOnlyForTheBacklogBound() throws Exception {
    WarmThenPaced.GO.set(true);
    RateLimiter<SourceSplit> limiter = new WarmThenPaced(0, RATE).createRateLimiter(1);
    limiter.acquire(1).toCompletableFuture().join();
    Thread.sleep(200); // far past the 20 ms bound: 180 ms of debt is forgiven, not burst

    long before = System.nanoTime();
    int immediate = 0;
    while (limiter.acquire(1).toCompletableFuture().isDone()) {
      immediate++;
    }
    long loop = System.nanoTime() - before;
    long bound = (WarmThenPaced.MAX_BACKLOG_NANOS + loop) / INTERVAL_NANOS + 1;
    assertThat((long) immediate).isGreaterThanOrEqualTo(WarmThenPaced.MAX_BACKLOG_NANOS / INTERVAL_NANOS - 1)
        .isLessThanOrEqualTo(bound).isLessThan(200);
  }
}
