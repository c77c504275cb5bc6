package io.seedbed.cli.generate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import io.seedbed.feed.FeedTime;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/**
 * {@code seedbed generate --enterprises N --from YYYY-MM --to YYYY-MM [--seed S] --out DIR}: writes
 * a synthetic city's five feeds and prints what it wrote. Exit code 0 on success, 2 on bad
 * arguments, 1 on an I/O failure.
 */
public final class GenerateCommand {
  static final String USAGE =
      "usage: seedbed generate --enterprises N --from YYYY-MM --to YYYY-MM [--seed S] --out DIR\n"
      + "  --enterprises N  number of enterprises (1 or more)\n"
      + "  --from YYYY-MM   first month of the export\n"
      + "  --to YYYY-MM     last month of the export; no event is later than its last day\n"
      + "  --seed S         random seed (default 42); same arguments give the same bytes\n"
      + "  --out DIR        folder for tax.jsonl, credit.jsonl, energy.jsonl, patent.jsonl, registry.jsonl";

  private GenerateCommand() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    Integer enterprises = null;
    YearMonth from = null;
    YearMonth to = null;
    long seed = 42;
    Path dir = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--help") || flag.equals("-h")) {
          out.println(USAGE);
          return 0;
        }
        if (i + 1 >= args.length) {
          return usage(err, "missing value for " + flag);
        }
        String value = args[++i];
        switch (flag) {
          case "--enterprises" -> enterprises = Integer.parseInt(value);
          case "--from" -> from = YearMonth.parse(value);
          case "--to" -> to = YearMonth.parse(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--out" -> dir = Path.of(value);
          default -> {
            return usage(err, "unknown option " + flag);
          }
        }
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      return usage(err, "bad value: " + e.getMessage());
    }
    if (enterprises == null || from == null || to == null || dir == null) {
      return usage(err, "--enterprises, --from, --to and --out are required");
    }
    CityGenerator generator;
    try {
      generator = new CityGenerator(enterprises, from, to, seed);
    } catch (IllegalArgumentException e) {
      return usage(err, e.getMessage());
    }
    if (to.atEndOfMonth().isAfter(LocalDate.now(FeedTime.ZONE))) {
      // Only a warning: the output never depends on the wall clock.
      err.println("seedbed generate: note: --to " + to + " ends after today; a job whose clock is today"
          + " rejects events more than one day ahead as future_date");
    }
    try {
      GenerationSummary summary = generator.generate(dir);
      out.println("seedbed generate: " + enterprises + " enterprises, " + from + " to " + to + ", seed " + seed
          + " -> " + dir);
      out.print(summary.render());
      return 0;
    } catch (IOException e) {
      err.println("seedbed generate: cannot write " + dir + ": " + e.getMessage());
      return 1;
    }
  }

  private static int usage(PrintStream err, String problem) {
    err.println("seedbed generate: " + problem);
    err.println(USAGE);
    return 2;
  }
}
