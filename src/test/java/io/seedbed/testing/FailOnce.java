package io.seedbed.testing;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * A pass-through map that throws once per job attempt at a pseudo-random record count, like
 * Flink's own FailureMapper, until the run's failure budget is spent. The budget and the count of
 * injected failures are static (MiniCluster runs in the test JVM), so a restarted attempt knows how
 * many failures came before it and draws a new point from (seed, failures so far, subtask).
 */
public final class FailOnce<T> extends RichMapFunction<T, T> {
  private static final long serialVersionUID = 1L;
  private static final AtomicInteger FAILURES = new AtomicInteger();
  private static volatile int budget;

  private final String site;
  private final long seed;
  private final int maxRecords;
  private transient long failAt;
  private transient long seen;

  /** Fails somewhere in the first {@code maxRecords} records a subtask sees. */
  public FailOnce(String site, long seed, int maxRecords) {
    this.site = site;
    this.seed = seed;
    this.maxRecords = maxRecords;
  }

  /** Arms a new run: at most {@code failures} injected failures in all, across every site. */
  public static void arm(int failures) {
    FAILURES.set(0);
    budget = failures;
  }

  /** How many failures were injected since {@link #arm}. */
  public static int injected() {
    return FAILURES.get();
  }

  @Override
  public void open(OpenContext context) {
    int subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
    long mixed = seed * 31 + site.hashCode() * 17L + FAILURES.get() * 7919L + subtask;
    failAt = 1 + new SplittableRandom(mixed).nextInt(maxRecords);
    seen = 0;
  }

  @Override
  public T map(T value) {
    if (++seen == failAt && claim()) {
      throw new InjectedFailure(site + ": injected failure #" + FAILURES.get() + " at record " + seen
          + " of attempt " + getRuntimeContext().getTaskInfo().getAttemptNumber());
    }
    return value;
  }

  /** Takes one failure from the budget, or returns false when it is spent. */
  private static boolean claim() {
    int n;
    do {
      n = FAILURES.get();
      if (n >= budget) {
        return false;
      }
    } while (!FAILURES.compareAndSet(n, n + 1));
    return true;
  }

  /** The injected failure, recognisable in logs. */
  public static final class InjectedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InjectedFailure(String message) {
      super(message);
    }
  }
}
