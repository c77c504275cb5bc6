package io.seedbed.backtest;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.seedbed.feed.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes a {@link Diff}: diff.json for machines, one HTML page for people, a console summary. */
public final class BacktestReport {
  private BacktestReport() {}

  /** diff.json: fixed key order, sorted lists, {@code \n} line ends; same diff, same bytes. */
  public static void writeJson(Diff diff, Path file) {
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      // plain numbers: 20000000, not 2.0E+7, for criterion values in yuan
      String json = Json.MAPPER.writer(pretty)
          .with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .writeValueAsString(DiffJson.of(diff));
      write(file, json + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The self-contained report page (inline CSS, SVG and script; no network), UTF-8. */
  public static void writeHtml(Diff diff, Path file) {
    write(file, HtmlReport.render(diff));
  }

  /** A few lines for the console: rule sets, one line per pool, the verdict. */
  public static void writeText(Diff diff, PrintStream out) {
    out.println("backtest: baseline " + joined(diff.baselineRuleSets())
        + "  vs  candidate " + joined(diff.candidateRuleSets()));
    out.printf("%-16s %9s %9s %7s %7s %8s%n", "pool", "baseline", "candidate", "enters", "leaves",
        "changes");
    for (PoolDiff p : diff.pools()) {
      out.printf("%-16s %9d %9d %7d %7d %8d%n", p.pool(), p.baselineMembers(), p.candidateMembers(),
          p.enters().size(), p.leaves().size(), p.changesStatus().size());
    }
    out.println(diff.identical() ? "identical: the candidate rules change nothing"
        : "different: " + diff.affected().size() + " enterprise-pool pairs differ"
            + (diff.affected().isEmpty() ? " (month-end member counts differ)" : ""));
  }

  static String joined(List<RuleSetVersion> sets) {
    return sets.isEmpty() ? "(no changes)"
        : sets.stream().map(RuleSetVersion::toString).collect(Collectors.joining(", "));
  }

  private static void write(Path file, String content) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
