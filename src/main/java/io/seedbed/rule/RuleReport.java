package io.seedbed.rule;

import io.seedbed.config.ConfigException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code seedbed rules explain|validate} commands' output, as plain functions. */
public final class RuleReport {
  private RuleReport() {}

  /**
   * A readable table per pool: each criterion's value, comparison, threshold, result and shortfall,
   * then the verdict with the rule set and version.
   */
  public static String explain(List<PoolVerdict> verdicts) {
    StringBuilder sb = new StringBuilder();
    for (PoolVerdict v : verdicts) {
      sb.append("== ").append(v.pool.code()).append(" (").append(v.ruleSet).append(" v")
          .append(v.ruleVersion).append("): ")
          .append(v.graduated ? "GRADUATED" : v.eligible ? "ELIGIBLE" : "NOT ELIGIBLE");
      if (v.score != null) {
        sb.append(", score ").append(Fmt.num(v.score));
      }
      sb.append(", ").append(v.met()).append('/').append(v.criteria.size()).append(" criteria met\n");
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"criterion", "value", "op", "threshold", "result", "shortfall"});
      for (CriterionResult c : v.criteria) {
        rows.add(new String[] {c.name, value(c), c.op, threshold(c), c.passed ? "pass" : "FAIL",
            c.shortfall == null || c.passed ? "" : Fmt.num(c.shortfall)});
      }
      table(sb, rows);
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String value(CriterionResult c) {
    if (c.value == null && c.valueText == null) {
      return "unknown";
    }
    if (c.value == null) {
      return c.valueText;
    }
    return c.valueText == null ? Fmt.num(c.value) : Fmt.num(c.value) + " (" + c.valueText + ")";
  }

  private static String threshold(CriterionResult c) {
    if (c.threshold == null) {
      return c.thresholdText == null ? "" : c.thresholdText;
    }
    return c.thresholdText == null ? Fmt.num(c.threshold)
        : Fmt.num(c.threshold) + " (" + c.thresholdText + ")";
  }

  private static void table(StringBuilder sb, List<String[]> rows) {
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < r.length; i++) {
        line.append(r[i]).append(" ".repeat(width[i] - r[i].length() + 2));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /**
   * Checks every file of {@code configDir/rules} and {@code configDir/city}, printing "OK" or the
   * error per file, then the cross-file checks (overlaps, pools defined twice, eligibleFor cycles).
   *
   * @return 0 when everything is valid, 1 otherwise
   */
  public static int validate(Path configDir, PrintStream out) {
    List<Path> ruleFiles = RuleLoader.yamlFiles(configDir.resolve("rules"));
    List<Path> cityFiles = RuleLoader.yamlFiles(configDir.resolve("city")).stream()
        .filter(f -> !f.getFileName().toString().equals(RuleLoader.POOL_BEHAVIOUR_FILE))
        .toList();
    boolean ok = !ruleFiles.isEmpty();
    if (!ok) {
      out.println("ERROR " + configDir.resolve("rules") + ": no rule set files (*.yaml)");
    }
    for (Path f : ruleFiles) {
      try {
        RuleSet rs = RuleLoader.loadFile(f);
        out.println("OK    " + f + ": " + rs + ", pools " + codes(rs));
      } catch (ConfigException e) {
        out.println("ERROR " + e.getMessage());
        ok = false;
      }
    }
    for (Path f : cityFiles) {
      try {
        CityConfig c = RuleLoader.loadCity(f);
        out.println("OK    " + f + ": city " + c.city() + ", pools "
            + Fmt.list(c.pools().keySet().stream().map(Pool::code).toList()));
      } catch (ConfigException e) {
        out.println("ERROR " + e.getMessage());
        ok = false;
      }
    }
    if (ok) {
      try {
        RuleBook book = RuleLoader.load(configDir);
        out.println("OK    rule book: " + book.ruleSets().size() + " rule set(s)");
      } catch (ConfigException e) {
        out.println("ERROR " + e.getMessage());
        ok = false;
      }
    }
    return ok ? 0 : 1;
  }

  private static String codes(RuleSet rs) {
    return Fmt.list(rs.pools().keySet().stream().map(Pool::code).toList());
  }
}
