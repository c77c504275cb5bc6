package io.seedbed.rule;

import io.seedbed.config.ConfigError;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rule files of a running job: those shipped with it, with the updates received since merged
 * over them, and the {@link RuleBook} they make. File names are relative to the config folder
 * ({@code rules/miit-2026.yaml}, {@code city/rizhao.yaml}).
 *
 * <p>Merging: an update replaces the file of the same name, except that a rule set never goes back
 * to a lower version under the same name (so two versions arriving in either order end on the
 * higher one); different names coexist and {@link RuleBook} picks the highest version of each id in
 * force. Every update is validated alone (file, line and field in the message) and then as part of
 * the whole book (overlaps, references); a rejected update leaves the book as it was.
 *
 * <p>Only rule sets ({@code rules/*.yaml}) and the city criteria file ({@code city/*.yaml} except
 * {@value RuleLoader#POOL_BEHAVIOUR_FILE}) are applied while a job runs: the other files configure
 * state windows and pool behaviour, which take effect when the job restarts.
 */
public final class RuleCatalog {
  /** What became of an update. */
  public enum Outcome {
    /** Same text as the file in force: nothing to do (e.g. the first scan of a watched folder). */
    UNCHANGED,
    /** A lower version of the rule set already in force under the same name: kept out. */
    OLDER_IGNORED,
    /** Merged: the book changed (see {@link Result#before} and {@link Result#after}). */
    APPLIED,
    /** Invalid, or not a file that applies while running: the book stays as it was. */
    REJECTED
  }

  /** The outcome, a message for the log (null when unchanged) and the book before and after. */
  public record Result(Outcome outcome, String message, RuleBook before, RuleBook after,
      boolean cityChanged) {}

  private final Map<String, String> shipped;
  private final Map<String, String> updates = new TreeMap<>();
  private RuleBook book;

  /** The catalog of the files shipped with the job (every config file, by relative name). */
  public RuleCatalog(Map<String, String> shippedFiles) {
    this.shipped = new TreeMap<>(shippedFiles);
    this.book = build(merged(null, null));
  }

  /** Whether {@code file} is applied while the job runs (a rule set or the city criteria). */
  public static boolean isLive(String file) {
    return isRuleSet(file) || isCity(file);
  }

  private static boolean isRuleSet(String file) {
    return file.startsWith("rules/") && isYaml(file) && file.indexOf('/', 6) < 0;
  }

  private static boolean isCity(String file) {
    return file.startsWith("city/") && isYaml(file) && file.indexOf('/', 5) < 0
        && !file.equals("city/" + RuleLoader.POOL_BEHAVIOUR_FILE);
  }

  private static boolean isYaml(String file) {
    return file.endsWith(".yaml") || file.endsWith(".yml");
  }

  /** The book of the shipped files with every accepted update merged in. */
  public RuleBook book() {
    return book;
  }

  /** The accepted updates (name → text): what a job keeps in its state to rebuild the book. */
  public Map<String, String> updates() {
    return java.util.Collections.unmodifiableMap(updates);
  }

  /** Validates {@code text} as the new content of {@code file} and merges it if it is valid. */
  public Result offer(String file, String text) {
    RuleBook before = book;
    if (file == null || file.isBlank() || text == null) {
      return rejected(String.valueOf(file) + ": an update needs a file name and a text");
    }
    String current = updates.containsKey(file) ? updates.get(file) : shipped.get(file);
    if (text.equals(current)) {
      return new Result(Outcome.UNCHANGED, null, before, before, false);
    }
    if (!isLive(file)) {
      return rejected(file + ": only rules/*.yaml and the city criteria file apply while the job"
          + " runs; changes to this file take effect when the job restarts");
    }
    try {
      if (isRuleSet(file)) {
        RuleSet incoming = RuleLoader.parse(file, text);
        RuleSet existing = current == null ? null : RuleLoader.parse(file, current);
        if (existing != null && existing.id().equals(incoming.id())) {
          if (existing.version() > incoming.version()) {
            return new Result(Outcome.OLDER_IGNORED, file + ": " + incoming + " is older than "
                + existing + " already in force under this name; kept out", before, before, false);
          }
          if (existing.version() == incoming.version()) {
            return rejected(file + ":0: version: same id and version (" + incoming
                + ") as the file in force but a different text; publish it with a higher version");
          }
        }
      } else {
        RuleLoader.parseCity(file, text);
      }
      RuleBook after = build(merged(file, text));
      updates.put(file, text);
      book = after;
      return new Result(Outcome.APPLIED, file + ": applied; rule sets now "
          + after.ruleSets(), before, after, isCity(file));
    } catch (ConfigError e) {
      return rejected(e.getMessage());
    } catch (RuntimeException e) {
      return rejected(file + ":0: (document): " + e.getMessage());
    }
  }

  /**
   * Rebuilds the book from updates accepted earlier (a job's restored state), offering each again
   * so that files shipped since with a higher version still win. Returns the number kept.
   */
  public int restore(Map<String, String> accepted) {
    int kept = 0;
    for (Map.Entry<String, String> e : new TreeMap<>(accepted).entrySet()) {
      Outcome o = offer(e.getKey(), e.getValue()).outcome();
      kept += o == Outcome.APPLIED || o == Outcome.UNCHANGED ? 1 : 0;
    }
    return kept;
  }

  /**
   * Whether an enterprise decided at a time when {@code before} was in force must be decided again
   * now that {@code after} is: a different rule set or version, or changed city criteria.
   */
  public static boolean changes(RuleSet before, RuleSet after, boolean cityChanged) {
    if (before == null || after == null) {
      return before != after;
    }
    return cityChanged || !before.id().equals(after.id()) || before.version() != after.version();
  }

  private Result rejected(String message) {
    return new Result(Outcome.REJECTED, message, book, book, false);
  }

  private Map<String, String> merged(String file, String text) {
    Map<String, String> all = new TreeMap<>(shipped);
    all.putAll(updates);
    if (file != null) {
      all.put(file, text);
    }
    return all;
  }

  private static RuleBook build(Map<String, String> files) {
    Map<String, String> rules = new TreeMap<>();
    Map<String, String> city = new TreeMap<>();
    files.forEach((name, text) -> {
      if (isRuleSet(name)) {
        rules.put(name, text);
      } else if (isCity(name)) {
        city.put(name, text);
      }
    });
    if (rules.isEmpty()) {
      throw new io.seedbed.config.ConfigException("rules/", 0, "", "no rule set files (*.yaml)");
    }
    return RuleLoader.fromTexts(rules, city);
  }
}
