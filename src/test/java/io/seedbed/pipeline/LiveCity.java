package io.seedbed.pipeline;

import io.seedbed.feed.Uscc;
import io.seedbed.io.FileFeedSources;
import io.seedbed.io.FolderRuleSources;
import io.seedbed.testing.CollectingSinks;
import io.seedbed.testing.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A hand-made city for the live-rules tests: a copy of the shipped config/ and a feeds folder,
 * both followed by a running job (parallelism 2) that the test feeds and edits while it runs.
 *
 * <p>Three industrial legal persons in 东港区 with VAT returns for 2025-05 .. 2026-04 (each filed
 * on the 10th of the next month, 10:00 China time), so their latest event is
 * 2026-05-10T02:00:00Z, under miit-2026 v1:
 * <pre>
 *   A  1.0 M a month: sales_ttm 12 M  (below the 小升规 approach band of 15 M)
 *   B  2.0 M a month: sales_ttm 24 M  (scale_up member)
 *   C  0.5 M a month: sales_ttm  6 M
 * </pre>
 */
final class LiveCity {
  static final String A = uscc(1);
  static final String B = uscc(2);
  static final String C = uscc(3);
  static final Instant LATEST = Instant.parse("2026-05-10T02:00:00Z");

  final Path config;
  final Path feeds;
  final CollectingSinks sinks = new CollectingSinks();

  LiveCity(Path tmp) {
    this.config = tmp.resolve("config");
    this.feeds = tmp.resolve("feeds");
    copyTree(ProjectFiles.path("config"), config);
    try {
      Files.createDirectories(feeds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String uscc(int n) {
    String first17 = "91371100" + String.format("%09d", n);
    return first17 + Uscc.checkCharacter(first17);
  }

  /** The three enterprises' profiles and VAT returns. */
  LiveCity withThreeEnterprises() {
    List<String> tax = new ArrayList<>();
    List<String> registry = new ArrayList<>();
    for (Object[] e : new Object[][] {{A, 1_000_000}, {B, 2_000_000}, {C, 500_000}}) {
      registry.add(profile((String) e[0]));
      tax.addAll(vatReturns((String) e[0], YearMonth.of(2025, 5), YearMonth.of(2026, 4), (int) e[1]));
    }
    writeFeed("tax/a-initial.jsonl", tax);
    writeFeed("registry/a-initial.jsonl", registry);
    return this;
  }

  static String profile(String uscc) {
    return "{\"kind\":\"profile\",\"uscc\":\"" + uscc + "\",\"at\":\"2025-01-01T09:00:00+08:00\","
        + "\"registeredAt\":\"2015-01-01\",\"district\":\"371102\",\"industry\":\"C3311\","
        + "\"legalPerson\":true,\"status\":\"active\"}";
  }

  static List<String> vatReturns(String uscc, YearMonth from, YearMonth to, int monthlySales) {
    List<String> out = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      YearMonth filed = m.plusMonths(1);
      out.add("{\"kind\":\"vat_return\",\"uscc\":\"" + uscc + "\",\"period\":\"" + m
          + "\",\"sales\":" + monthlySales + ",\"taxPaid\":" + monthlySales / 20
          + ",\"filedAt\":\"" + filed + "-10T10:00:00+08:00\"}");
    }
    return out;
  }

  /** Writes a feed file in one step (written under a skipped name, then renamed). */
  void writeFeed(String relative, List<String> lines) {
    writeAtomically(feeds.resolve(relative), String.join("\n", lines) + "\n");
  }

  /** The text of a shipped config file with {@code from} replaced by {@code to} (must occur). */
  String edited(String relative, String from, String to) {
    try {
      String text = Files.readString(config.resolve(relative), StandardCharsets.UTF_8);
      if (!text.contains(from)) {
        throw new IllegalArgumentException(relative + " does not contain " + from);
      }
      return text.replace(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Publishes a rule file into the watched config folder. */
  void publish(String relative, String text) {
    writeAtomically(config.resolve(relative), text);
  }

  /** Starts the job on the followed folders; the caller cancels it. */
  JobClient start(Instant now) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.getConfig().setAutoWatermarkInterval(100);
    PipelineConfig defaults = PipelineConfig.defaults(ConfigBundle.read(config), JobClock.fixed(now));
    PipelineConfig pc = new PipelineConfig(defaults.config, defaults.clock, 128,
        defaults.outOfOrderness, Duration.ofMillis(500));
    Pipeline.define(env, new FileFeedSources(feeds, true, Duration.ofMillis(200)),
        new FolderRuleSources(config, true, Duration.ofMillis(200)), sinks, pc);
    return env.executeAsync("live rules test");
  }

  /**
   * Waits until {@code done} holds and {@code progress} has not moved for a second (the job has
   * settled), or fails after 60 s.
   */
  static void await(Supplier<Boolean> done, Supplier<Integer> progress) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    int last = -1;
    long stableSince = System.currentTimeMillis();
    while (System.currentTimeMillis() < deadline) {
      int now = progress.get();
      if (now != last) {
        last = now;
        stableSince = System.currentTimeMillis();
      }
      if (done.get() && System.currentTimeMillis() - stableSince >= 1000) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the job did not reach the expected state within 60 s");
  }

  private static void writeAtomically(Path target, String text) {
    try {
      Files.createDirectories(target.getParent());
      Path tmp = target.resolveSibling("_" + target.getFileName() + ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copyTree(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
