package io.seedbed.rule;

import io.seedbed.config.ConfigException;
import io.seedbed.config.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates the criterion language (docs/rules.md, "The criterion language"). Every
 * problem is a {@link ConfigException} naming the file, line and field. A node's kind is told by
 * its key: {@code indicator} (comparison), {@code all}/{@code any}, {@code byBand}, {@code award},
 * {@code noIncident}, {@code eligibleFor}, {@code score} or {@code ref} (a named definition).
 */
final class CriterionParser {
  private static final Set<String> LEVELS = Set.of("national", "provincial");
  private static final Set<String> INCIDENT_TYPES = Set.of("penalty", "accident", "violation",
      "falsification", "abnormal_ip", "tax_credit_d");
  private static final Set<String> SEVERITIES = Set.of("major", "general");

  private final Map<String, Criterion> definitions = new LinkedHashMap<>();

  /** Parses a {@code definitions} mapping; a definition may use the ones above it. */
  void define(YamlNode defs) {
    for (Map.Entry<String, YamlNode> e : defs.entries().entrySet()) {
      definitions.put(e.getKey(), criterion(e.getValue()));
    }
  }

  Criterion criterion(YamlNode n) {
    if (!n.isMap()) {
      throw n.error("expected a criterion (a mapping), found " + n.describe());
    }
    if (n.has("ref")) {
      n.allowOnly(Set.of("ref"));
      Criterion c = definitions.get(n.get("ref").text());
      if (c == null) {
        throw n.get("ref").error("unknown definition '" + n.get("ref").text() + "'; defined: "
            + definitions.keySet());
      }
      return c;
    }
    if (n.has("indicator")) {
      return compare(n);
    }
    if (n.has("all") || n.has("any")) {
      return combine(n);
    }
    if (n.has("byBand")) {
      return byBand(n);
    }
    if (n.has("award")) {
      return award(n);
    }
    if (n.has("noIncident")) {
      n.allowOnly(Set.of("name", "noIncident", "note"));
      return new NoIncident(name(n, null), incidentFilter(n.get("noIncident"), "withinYears"),
          note(n), n.comment());
    }
    if (n.has("eligibleFor")) {
      n.allowOnly(Set.of("name", "eligibleFor", "note"));
      List<Pool> pools = new ArrayList<>();
      for (YamlNode p : n.get("eligibleFor").items()) {
        pools.add(pool(p));
      }
      if (pools.isEmpty()) {
        throw n.get("eligibleFor").error("empty list");
      }
      return new EligibleFor(name(n, null), pools, note(n), n.comment());
    }
    if (n.has("score")) {
      return scoreTable(n);
    }
    throw n.error("not a criterion: expected one of the keys indicator, all, any, byBand, award, "
        + "noIncident, eligibleFor, score, ref; found " + n.keys());
  }

  private Compare compare(YamlNode n) {
    n.allowOnly(Set.of("name", "indicator", "op", "value", "note"));
    IndicatorRegistry.Entry e = indicator(n.get("indicator"));
    YamlNode opNode = n.get("op");
    String op = opNode.text();
    YamlNode v = n.get("value");
    String name = name(n, e.name());
    switch (e.kind()) {
      case BOOL -> {
        if (!op.equals("==")) {
          throw opNode.error("a boolean indicator allows only ==, not '" + op + "'");
        }
        return new Compare(name, e, op, null, null, v.bool(), note(n), n.comment());
      }
      case TEXT, SET -> {
        Set<String> ops = e.kind() == IndicatorKind.SET ? Set.of("in", "not_in")
            : Set.of("==", "in", "not_in");
        if (!ops.contains(op)) {
          throw opNode.error("indicator " + e.name() + " allows " + ops + ", not '" + op + "'");
        }
        List<String> codes = op.equals("==") ? List.of(v.text()) : v.texts();
        for (int i = 0; i < codes.size(); i++) {
          if (!e.codes().isEmpty() && !e.codes().contains(codes.get(i))) {
            YamlNode at = op.equals("==") ? v : v.items().get(i);
            throw at.error("'" + codes.get(i) + "' is not a code of " + e.name() + "; one of "
                + new java.util.TreeSet<>(e.codes()));
          }
        }
        return new Compare(name, e, op, null, codes, null, note(n), n.comment());
      }
      default -> {
        if (!Compare.NUMERIC_OPS.contains(op)) {
          throw opNode.error("numeric indicator " + e.name() + " allows " + Compare.NUMERIC_OPS
              + ", not '" + op + "'");
        }
        return new Compare(name, e, op, bound(v, e), null, null, note(n), n.comment());
      }
    }
  }

  private Combine combine(YamlNode n) {
    boolean all = n.has("all");
    n.allowOnly(all ? Set.of("name", "all", "note") : Set.of("name", "any", "atLeast", "note"));
    if (all && n.has("any")) {
      throw n.error("a node is either all or any, not both");
    }
    YamlNode list = n.get(all ? "all" : "any");
    List<Criterion> children = new ArrayList<>();
    for (YamlNode c : list.items()) {
      children.add(criterion(c));
    }
    if (children.isEmpty()) {
      throw list.error("no criteria");
    }
    int atLeast = 1;
    if (n.has("atLeast")) {
      atLeast = n.get("atLeast").integer();
      if (atLeast < 1 || atLeast > children.size()) {
        throw n.get("atLeast").error("atLeast must be between 1 and the " + children.size()
            + " criteria listed, not " + atLeast);
      }
    }
    return new Combine(n.has("name") ? n.get("name").text() : null, all, atLeast, children,
        note(n), n.comment());
  }

  private ByBand byBand(YamlNode n) {
    n.allowOnly(Set.of("name", "byBand", "bands", "otherwise", "note"));
    IndicatorRegistry.Entry var = indicator(n.get("byBand"));
    if (!var.kind().numeric) {
      throw n.get("byBand").error("banding variable " + var.name() + " is not numeric");
    }
    List<ByBand.Band> bands = new ArrayList<>();
    Double previous = null;
    for (YamlNode b : n.get("bands").items()) {
      b.allowOnly(Set.of("atLeast", "then"));
      double bound = bound(b.get("atLeast"), var);
      if (previous != null && bound >= previous) {
        throw b.get("atLeast").error("bands not monotone: atLeast bounds must strictly decrease ("
            + Fmt.num(bound) + " after " + Fmt.num(previous) + ")");
      }
      previous = bound;
      bands.add(new ByBand.Band(bound, criterion(b.get("then")), b.comment()));
    }
    if (bands.isEmpty()) {
      throw n.get("bands").error("no bands");
    }
    Criterion otherwise = n.has("otherwise") ? criterion(n.get("otherwise")) : null;
    return new ByBand(name(n, "by_" + var.name()), var, bands, otherwise, note(n), n.comment());
  }

  private AwardWithin award(YamlNode n) {
    n.allowOnly(Set.of("name", "award", "note"));
    YamlNode a = n.get("award").allowOnly(Set.of("levels", "maxRank", "withinYears"));
    List<String> levels = codes(a.get("levels"), LEVELS);
    Integer maxRank = null;
    if (a.has("maxRank")) {
      maxRank = a.get("maxRank").integer();
      if (maxRank < 1) {
        throw a.get("maxRank").error("a rank starts at 1, not " + maxRank);
      }
    }
    return new AwardWithin(name(n, null), levels, maxRank, years(a.get("withinYears")), note(n),
        n.comment());
  }

  /** An incident filter: {@code types}, optional {@code categories} and {@code severities}. */
  IncidentFilter incidentFilter(YamlNode n, String yearsKey) {
    n.allowOnly(Set.of("types", "categories", "severities", yearsKey));
    List<String> types = codes(n.get("types"), INCIDENT_TYPES);
    List<String> categories = n.has("categories") ? n.get("categories").texts() : null;
    List<String> severities = n.has("severities") ? codes(n.get("severities"), SEVERITIES) : null;
    return new IncidentFilter(types, categories, severities, years(n.get(yearsKey)));
  }

  private ScoreTable scoreTable(YamlNode n) {
    n.allowOnly(Set.of("name", "score"));
    YamlNode s = n.get("score").allowOnly(Set.of("min", "blocks"));
    List<ScoreTable.Block> blocks = new ArrayList<>();
    for (YamlNode b : s.get("blocks").items()) {
      b.allowOnly(Set.of("name", "min", "items"));
      List<ScoreItem> items = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (YamlNode i : b.get("items").items()) {
        ScoreItem item = scoreItem(i);
        if (!names.add(item.name())) {
          throw i.error("duplicate item name '" + item.name() + "'");
        }
        items.add(item);
      }
      if (items.isEmpty()) {
        throw b.get("items").error("a block without items");
      }
      Double min = b.has("min") ? points(b.get("min")) : null;
      ScoreTable.Block block = new ScoreTable.Block(b.get("name").text(), min, items,
          b.comment());
      if (min != null && min > block.maxPoints()) {
        throw b.get("min").error("minimum " + Fmt.num(min) + " exceeds the block's "
            + Fmt.num(block.maxPoints()) + " points");
      }
      blocks.add(block);
    }
    if (blocks.isEmpty()) {
      throw s.get("blocks").error("a score without blocks");
    }
    ScoreTable t = new ScoreTable(name(n, "score"), points(s.get("min")), blocks, n.comment());
    if (t.min() > t.maxPoints()) {
      throw s.get("min").error("minimum " + Fmt.num(t.min()) + " exceeds the table's "
          + Fmt.num(t.maxPoints()) + " points");
    }
    return t;
  }

  private ScoreItem scoreItem(YamlNode n) {
    if (n.has("bands")) {
      n.allowOnly(Set.of("name", "indicator", "bands", "otherwise"));
      IndicatorRegistry.Entry e = indicator(n.get("indicator"));
      if (!e.kind().numeric) {
        throw n.get("indicator").error("banded indicator " + e.name() + " is not numeric");
      }
      List<BandScore.Band> bands = new ArrayList<>();
      Boolean higher = null;
      for (YamlNode b : n.get("bands").items()) {
        b.allowOnly(Set.of("atLeast", "atMost", "points"));
        boolean up = b.has("atLeast");
        if (up == b.has("atMost")) {
          throw b.error("a band has exactly one of atLeast or atMost");
        }
        if (higher != null && higher != up) {
          throw b.error("bands not monotone: atLeast and atMost mixed in one item");
        }
        higher = up;
        YamlNode boundNode = b.get(up ? "atLeast" : "atMost");
        BandScore.Band band = new BandScore.Band(bound(boundNode, e), points(b.get("points")),
            b.comment());
        if (!bands.isEmpty()) {
          BandScore.Band prev = bands.get(bands.size() - 1);
          if (up ? band.bound() >= prev.bound() : band.bound() <= prev.bound()) {
            throw boundNode.error("bands not monotone: " + (up ? "atLeast" : "atMost")
                + " bounds must strictly " + (up ? "decrease" : "increase") + " down the list ("
                + Fmt.num(band.bound()) + " after " + Fmt.num(prev.bound()) + ")");
          }
          if (band.points() > prev.points()) {
            throw b.get("points").error("bands not monotone: points must not increase down the "
                + "list (" + Fmt.num(band.points()) + " after " + Fmt.num(prev.points()) + ")");
          }
        }
        bands.add(band);
      }
      if (bands.isEmpty()) {
        throw n.get("bands").error("no bands");
      }
      double otherwise = otherwise(n, bands.get(bands.size() - 1).points());
      return new BandScore(n.get("name").text(), e, higher, bands, otherwise, n.comment());
    }
    if (n.has("cases")) {
      n.allowOnly(Set.of("name", "cases", "otherwise"));
      List<CaseScore.Case> cases = new ArrayList<>();
      for (YamlNode c : n.get("cases").items()) {
        c.allowOnly(Set.of("when", "points"));
        double pts = points(c.get("points"));
        if (!cases.isEmpty() && pts > cases.get(cases.size() - 1).points()) {
          throw c.get("points").error("cases not monotone: points must not increase down the list");
        }
        cases.add(new CaseScore.Case(criterion(c.get("when")), pts, c.comment()));
      }
      if (cases.isEmpty()) {
        throw n.get("cases").error("no cases");
      }
      double otherwise = otherwise(n, cases.get(cases.size() - 1).points());
      return new CaseScore(n.get("name").text(), cases, otherwise, n.comment());
    }
    if (n.has("each")) {
      n.allowOnly(Set.of("name", "each", "points", "max"));
      List<Criterion> each = new ArrayList<>();
      for (YamlNode c : n.get("each").items()) {
        each.add(criterion(c));
      }
      if (each.isEmpty()) {
        throw n.get("each").error("no items");
      }
      return new TallyScore(n.get("name").text(), each, points(n.get("points")),
          points(n.get("max")), n.comment());
    }
    throw n.error("not a score item: expected bands, cases or each; found " + n.keys());
  }

  private static double otherwise(YamlNode n, double lastPoints) {
    if (!n.has("otherwise")) {
      return 0;
    }
    double v = points(n.get("otherwise"));
    if (v > lastPoints) {
      throw n.get("otherwise").error("not monotone: otherwise gives more than the last band");
    }
    return v;
  }

  // ---- scalars ----

  static IndicatorRegistry.Entry indicator(YamlNode n) {
    IndicatorRegistry.Entry e = IndicatorRegistry.find(n.text());
    if (e == null) {
      throw n.error("unknown indicator '" + n.text() + "'; see docs/rules.md for the list");
    }
    return e;
  }

  /** A numeric threshold that makes sense for the indicator's kind. */
  static double bound(YamlNode n, IndicatorRegistry.Entry e) {
    double v = n.number();
    IndicatorKind k = e.kind();
    if (v < k.min || v > k.max) {
      String hint = k == IndicatorKind.SHARE && v > 1 ? " (" + e.name()
          + " is a fraction: write 0.03 for 3%)" : "";
      throw n.error("absurd threshold " + Fmt.num(v) + " for " + e.name() + ": a "
          + k.name().toLowerCase() + " lies in ["
          + (k.min == -Double.MAX_VALUE ? "-∞" : Fmt.num(k.min)) + ", " + (k.max == Double.MAX_VALUE ? "∞" : Fmt.num(k.max)) + "]" + hint);
    }
    return v;
  }

  static double points(YamlNode n) {
    double v = n.number();
    if (v < 0) {
      throw n.error("points cannot be negative: " + Fmt.num(v));
    }
    return v;
  }

  static int years(YamlNode n) {
    int y = n.integer();
    if (y < 1) {
      throw n.error("a look-back must be at least 1 year, not " + y);
    }
    return y;
  }

  static Pool pool(YamlNode n) {
    try {
      return Pool.of(n.text());
    } catch (IllegalArgumentException e) {
      throw n.error(e.getMessage());
    }
  }

  private static List<String> codes(YamlNode n, Set<String> allowed) {
    List<String> out = n.texts();
    for (int i = 0; i < out.size(); i++) {
      if (!allowed.contains(out.get(i))) {
        throw n.items().get(i).error("'" + out.get(i) + "' is not one of "
            + new java.util.TreeSet<>(allowed));
      }
    }
    return out;
  }

  private static String name(YamlNode n, String fallback) {
    if (n.has("name")) {
      return n.get("name").text();
    }
    if (fallback == null) {
      throw n.error("missing required field 'name'");
    }
    return fallback;
  }

  private static String note(YamlNode n) {
    return n.has("note") ? n.get("note").text() : null;
  }
}
