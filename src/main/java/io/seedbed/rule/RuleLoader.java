package io.seedbed.rule;

import io.seedbed.config.ConfigException;
import io.seedbed.config.YamlNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads rule sets ({@code config/rules/*.yaml}) and the city configuration
 * ({@code config/city/*.yaml}). Fails fast: the first problem is thrown as a
 * {@link ConfigException} naming the file, line and field.
 */
public final class RuleLoader {
  /** The city file that configures pool behaviour (io.seedbed.pool), not criteria. */
  public static final String POOL_BEHAVIOUR_FILE = "pools.yaml";

  private static final Set<String> RULE_SET_KEYS = Set.of("id", "version", "title",
      "effectiveFrom", "effectiveUntil", "definitions", "suspendOn", "pools");
  private static final Set<String> CITY_KEYS = Set.of("city", "definitions", "gates", "suspendOn",
      "pools");
  private static final Set<String> POOL_KEYS = Set.of("criteria", "graduateWhen", "suspendOn",
      "target");
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private RuleLoader() {}

  /**
   * Loads {@code configDir/rules/*.yaml} and, if present, the one city criteria file
   * ({@code configDir/city/*.yaml} except {@value #POOL_BEHAVIOUR_FILE}), and assembles them into a
   * {@link RuleBook}.
   */
  public static RuleBook load(Path configDir) {
    Map<String, String> rules = new TreeMap<>();
    for (Path f : yamlFiles(configDir.resolve("rules"))) {
      rules.put(f.toString(), read(f));
    }
    Map<String, String> city = new TreeMap<>();
    for (Path f : yamlFiles(configDir.resolve("city"))) {
      if (!f.getFileName().toString().equals(POOL_BEHAVIOUR_FILE)) {
        city.put(f.toString(), read(f));
      }
    }
    if (rules.isEmpty()) {
      throw new ConfigException(configDir.resolve("rules").toString(), 0, "",
          "no rule set files (*.yaml)");
    }
    return fromTexts(rules, city);
  }

  /**
   * The rule book of rule-set texts and city texts (file name → YAML), as a running job receives
   * them: shipped with the job graph or broadcast from the rules stream.
   */
  public static RuleBook fromTexts(Map<String, String> ruleFiles, Map<String, String> cityFiles) {
    List<RuleSet> sets = new ArrayList<>();
    ruleFiles.forEach((name, text) -> sets.add(parse(name, text)));
    if (cityFiles.size() > 1) {
      List<String> names = new ArrayList<>(cityFiles.keySet());
      throw new ConfigException(names.get(1), 1, "",
          "only one city criteria file is supported; also found " + names.get(0));
    }
    CityConfig city = null;
    for (Map.Entry<String, String> e : cityFiles.entrySet()) {
      city = parseCity(e.getKey(), e.getValue());
    }
    return RuleBook.of(sets, city);
  }

  /** The {@code *.yaml} files directly in {@code dir}, sorted; none if it does not exist. */
  static List<Path> yamlFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RuleSet loadFile(Path file) {
    return parse(file.toString(), read(file));
  }

  public static CityConfig loadCity(Path file) {
    return parseCity(file.toString(), read(file));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), 0, "", "cannot read: " + e.getMessage());
    }
  }

  /** Parses one rule-set document ({@code fileName} is used in messages only). */
  public static RuleSet parse(String fileName, String yaml) {
    YamlNode root = YamlNode.parse(fileName, yaml).allowOnly(RULE_SET_KEYS);
    String id = root.get("id").text();
    if (!ID.matcher(id).matches()) {
      throw root.get("id").error("an id is lower-case letters, digits and '-', not '" + id + "'");
    }
    int version = root.get("version").integer();
    if (version < 1) {
      throw root.get("version").error("a version starts at 1, not " + version);
    }
    LocalDate from = root.get("effectiveFrom").date();
    LocalDate until = root.has("effectiveUntil") ? root.get("effectiveUntil").date() : null;
    if (until != null && until.isBefore(from)) {
      throw root.get("effectiveUntil").error("ends (" + until + ") before it starts (" + from + ")");
    }
    CriterionParser parser = new CriterionParser();
    if (root.has("definitions")) {
      parser.define(root.get("definitions"));
    }
    Map<Pool, PoolRule> pools = pools(root.get("pools"), parser, defaultSuspensions(root, parser));
    return new RuleSet(id, version, from, until, pools, fileName,
        root.get("effectiveFrom").line());
  }

  /** Parses one city document. */
  public static CityConfig parseCity(String fileName, String yaml) {
    YamlNode root = YamlNode.parse(fileName, yaml).allowOnly(CITY_KEYS);
    String city = root.get("city").text();
    CriterionParser parser = new CriterionParser();
    if (root.has("definitions")) {
      parser.define(root.get("definitions"));
    }
    Criterion gates = null;
    Set<Pool> gated = EnumSet.noneOf(Pool.class);
    if (root.has("gates")) {
      YamlNode g = root.get("gates").allowOnly(Set.of("appliesTo", "criteria"));
      gates = parser.criterion(g.get("criteria"));
      for (YamlNode p : g.get("appliesTo").items()) {
        gated.add(CriterionParser.pool(p));
      }
    }
    Map<Pool, PoolRule> pools = root.has("pools")
        ? pools(root.get("pools"), parser, defaultSuspensions(root, parser))
        : new EnumMap<>(Pool.class);
    Map<Pool, Integer> lines = new EnumMap<>(Pool.class);
    pools.forEach((p, r) -> lines.put(p, r.line));
    return new CityConfig(city, gates, gated, pools, fileName, lines);
  }

  /** The file-level {@code suspendOn}: used by every pool of the file that has none of its own. */
  private static List<SuspendRule> defaultSuspensions(YamlNode root, CriterionParser parser) {
    return root.has("suspendOn") ? suspendOn(root.get("suspendOn"), parser) : List.of();
  }

  private static Map<Pool, PoolRule> pools(YamlNode node, CriterionParser parser,
      List<SuspendRule> defaultSuspensions) {
    Map<Pool, PoolRule> pools = new EnumMap<>(Pool.class);
    for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
      YamlNode p = e.getValue();
      Pool pool;
      try {
        pool = Pool.of(e.getKey());
      } catch (IllegalArgumentException ex) {
        throw p.error(ex.getMessage());
      }
      if (p.isScalar() && !p.isNumber() && !p.isBoolean()) {
        throw p.error("a pool without criteria");
      }
      p.allowOnly(POOL_KEYS);
      if (!p.has("criteria")) {
        throw p.error("a pool without criteria");
      }
      Criterion criteria = parser.criterion(p.get("criteria"));
      Criterion graduate = p.has("graduateWhen") ? parser.criterion(p.get("graduateWhen")) : null;
      List<SuspendRule> suspend = p.has("suspendOn") ? suspendOn(p.get("suspendOn"), parser)
          : defaultSuspensions;
      Integer target = null;
      if (p.has("target")) {
        target = p.get("target").integer();
        if (target < 1) {
          throw p.get("target").error("a target is a positive count, not " + target);
        }
      }
      pools.put(pool, new PoolRule(pool, criteria, graduate, suspend, target, p.file(), p.line()));
    }
    if (pools.isEmpty()) {
      throw node.error("no pools");
    }
    return pools;
  }

  /**
   * A {@code suspendOn} list: incident rules ({@code types}, optional {@code categories} and
   * {@code severities}, {@code years}) and listing rules ({@code whileListed: [list, ...]}).
   */
  private static List<SuspendRule> suspendOn(YamlNode list, CriterionParser parser) {
    List<SuspendRule> out = new ArrayList<>();
    for (YamlNode s : list.items()) {
      if (s.has("whileListed")) {
        s.allowOnly("whileListed");
        YamlNode lists = s.get("whileListed");
        List<String> codes = lists.texts();
        for (int i = 0; i < codes.size(); i++) {
          if (!SuspendRule.LISTS.contains(codes.get(i))) {
            throw lists.items().get(i).error("'" + codes.get(i) + "' is not a credit list; one of "
                + SuspendRule.LISTS);
          }
        }
        out.add(SuspendRule.whileListed(codes, s.comment()));
      } else {
        out.add(SuspendRule.onIncidents(parser.incidentFilter(s, "years"), s.comment()));
      }
    }
    return out;
  }

}
