package io.seedbed.cli;

import io.seedbed.config.ConfigError;
import io.seedbed.feed.Decoded;
import io.seedbed.feed.Feed;
import io.seedbed.feed.FeedDecoder;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.FeedTime;
import io.seedbed.indicator.IndicatorCalculator;
import io.seedbed.indicator.Indicators;
import io.seedbed.io.FeedFiles;
import io.seedbed.ledger.Ledger;
import io.seedbed.pipeline.SeedbedConfig;
import io.seedbed.rule.PoolVerdict;
import io.seedbed.rule.RuleEngine;
import io.seedbed.rule.RuleReport;
import io.seedbed.rule.RuleSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code seedbed rules validate [DIR]} and {@code seedbed rules explain --uscc X [--feeds DIR]
 * [--config DIR] [--at DATE]}: the rule files checked, or one enterprise's criteria as of a date,
 * with the rule set and the facts in force then.
 */
public final class RulesCommand {
  static final String USAGE = String.join("\n",
      "usage: seedbed rules validate [CONFIG_DIR]",
      "       seedbed rules explain --uscc X [--feeds DIR] [--config DIR] [--at YYYY-MM-DD]",
      "  validate   check every config file (default config/); errors name file, line and field",
      "  explain    every criterion of every pool for one enterprise: value, threshold, pass/fail;",
      "             --at answers as of the end of that date (China time), with the facts known then");

  private RulesCommand() {}

  public static int run(String[] argv, PrintStream out) throws IOException {
    if (argv.length == 0 || argv[0].equals("--help")) {
      out.println(USAGE);
      return argv.length == 0 ? 2 : 0;
    }
    String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
    switch (argv[0]) {
      case "validate":
        return validate(Path.of(rest.length > 0 ? rest[0] : "config"), out);
      case "explain":
        return explain(Args.parse(rest, Set.of("uscc", "feeds", "config", "at"), Set.of()), out);
      default:
        throw new Args.UsageException("unknown rules command '" + argv[0] + "'\n" + USAGE);
    }
  }

  private static int validate(Path configDir, PrintStream out) {
    int status = RuleReport.validate(configDir, out);
    try {
      SeedbedConfig.load(configDir);
      out.println("OK    indicators, energy factors, SME table and pool settings");
    } catch (ConfigError e) {
      out.println("ERROR " + e.getMessage());
      status = 1;
    }
    return status;
  }

  private static int explain(Args args, PrintStream out) throws IOException {
    String uscc = args.require("uscc");
    Path feeds = Path.of(args.get("feeds", "samples"));
    SeedbedConfig config = SeedbedConfig.load(Path.of(args.get("config", "config")));
    Instant at = args.get("at", null) == null ? null
        : FeedTime.startOf(LocalDate.parse(args.get("at", null)).plusDays(1)).minusMillis(1);

    Ledger ledger = new Ledger();
    int records = 0;
    FeedDecoder decoder = new FeedDecoder(Clock.systemUTC(), config.unitsByCarrier());
    for (Feed feed : Feed.DATA) {
      for (Path file : files(feeds, feed)) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          String line;
          while ((line = r.readLine()) != null) {
            if (!line.contains(uscc)) {
              continue; // cheap pre-filter; the decoder decides
            }
            Decoded d = decoder.decode(feed, line);
            if (d.ok() && d.record().uscc().equals(uscc)
                && (at == null || !d.record().eventTime().isAfter(at))) {
              FeedRecord rec = d.record();
              ledger.apply(rec, config.ledger());
              records++;
            }
          }
        }
      }
    }
    if (records == 0) {
      out.println("No records for " + uscc + " in " + feeds + (at == null ? "" : " up to " + at));
      return 1;
    }
    ledger.prune(config.ledger());
    Instant asOf = at != null ? at : ledger.latestEventTime();
    Indicators indicators = IndicatorCalculator.compute(uscc, ledger, asOf, config.indicators());
    RuleSet rs = config.rules().inForce(asOf);
    out.println(uscc + " as of " + asOf + " (" + records + " records)");
    if (rs == null) {
      out.println("No rule set is in force at " + asOf + ".");
      return 1;
    }
    List<PoolVerdict> verdicts = RuleEngine.evaluate(indicators, rs);
    out.print(RuleReport.explain(verdicts));
    return 0;
  }

  private static List<Path> files(Path feeds, Feed feed) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : FeedFiles.paths(feeds, feed)) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> f.toString().endsWith(".jsonl")).sorted().forEach(out::add);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }
}
