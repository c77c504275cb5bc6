package io.seedbed.indicator;

import io.seedbed.config.YamlNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SME size class (中小企业划型, criteria.md §8) from a table in {@code config/sme-classification.yaml}:
 * {@code large medium small micro}. Ceilings are strict ({@code <}), lower bounds inclusive ({@code >=}).
 */
public final class SmeClassifier {
  private static final double YUAN_PER_WAN = 10_000.0;

  /** The bounds of one sector; a null value means the sector does not use that measure. */
  record Bounds(Double employees, Double revenueWan, Double assetsWan) {}

  record Sector(Bounds smeCeiling, Bounds medium, Bounds small) {}

  private final Map<String, Sector> sectors;
  /** GB/T 4754 code prefix → sector name. */
  private final Map<String, String> prefixes;
  /**
   * {@link #section} by industry code: every record asks it twice, and a city has a few hundred
   * codes. Lock-free reads from the operator threads; bounded by the codes the decoder accepts.
   */
  private final Map<String, String> sectionByIndustry = new ConcurrentHashMap<>();

  SmeClassifier(Map<String, Sector> sectors, Map<String, String> prefixes) {
    this.sectors = Collections.unmodifiableMap(new LinkedHashMap<>(sectors));
    this.prefixes = Collections.unmodifiableMap(new TreeMap<>(prefixes));
  }

  /** Reads the table; fails naming the file, line and field of the first problem. */
  public static SmeClassifier load(Path file) {
    YamlNode root = YamlNode.parse(file).allowOnly("sectors", "industryPrefixes");
    Map<String, Sector> sectors = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : root.get("sectors").entries().entrySet()) {
      YamlNode n = e.getValue().allowOnly("smeCeiling", "medium", "small");
      sectors.put(e.getKey(), new Sector(bounds(n.get("smeCeiling")), bounds(n.get("medium")),
          bounds(n.get("small"))));
    }
    if (!sectors.containsKey("other")) {
      throw root.get("sectors").error("missing sector 'other' (used for codes matching no prefix)");
    }
    Map<String, String> prefixes = new TreeMap<>();
    for (Map.Entry<String, YamlNode> e : root.get("industryPrefixes").entries().entrySet()) {
      String sector = e.getValue().text();
      if (!sectors.containsKey(sector)) {
        throw e.getValue().error("unknown sector '" + sector + "'");
      }
      prefixes.put(e.getKey(), sector);
    }
    return new SmeClassifier(sectors, prefixes);
  }

  private static Bounds bounds(YamlNode n) {
    n.allowOnly("employees", "revenue", "assets");
    if (n.entries().isEmpty()) {
      throw n.error("needs at least one of employees, revenue, assets");
    }
    return new Bounds(opt(n, "employees"), opt(n, "revenue"), opt(n, "assets"));
  }

  private static Double opt(YamlNode n, String field) {
    return n.has(field) ? n.get(field).positiveDouble() : null;
  }

  /** The sector of a GB/T 4754 code by longest prefix ({@code other} if none), null if the code is null. */
  public String section(String industry) {
    if (industry == null || industry.isBlank()) {
      return null;
    }
    String section = sectionByIndustry.get(industry);
    if (section == null) {
      section = longestPrefix(industry);
      sectionByIndustry.put(industry, section);
    }
    return section;
  }

  private String longestPrefix(String industry) {
    String best = "other";
    int bestLength = 0;
    for (Map.Entry<String, String> e : prefixes.entrySet()) {
      if (industry.startsWith(e.getKey()) && e.getKey().length() > bestLength) {
        best = e.getValue();
        bestLength = e.getKey().length();
      }
    }
    return best;
  }

  /**
   * {@code large}, {@code medium}, {@code small} or {@code micro}; null when the industry or a measure
   * the sector uses is missing. Money in yuan (converted to 万元 for the table).
   */
  public String classify(String industry, Integer employees, Double operatingRevenueYuan,
      Double totalAssetsYuan) {
    String section = section(industry);
    if (section == null) {
      return null;
    }
    Sector sector = sectors.get(section);
    Double revenueWan = operatingRevenueYuan == null ? null : operatingRevenueYuan / YUAN_PER_WAN;
    Double assetsWan = totalAssetsYuan == null ? null : totalAssetsYuan / YUAN_PER_WAN;
    Double emp = employees == null ? null : employees.doubleValue();
    if (missing(sector.smeCeiling, emp, revenueWan, assetsWan)
        || missing(sector.medium, emp, revenueWan, assetsWan)
        || missing(sector.small, emp, revenueWan, assetsWan)) {
      return null;
    }
    if (allAtLeast(sector.smeCeiling, emp, revenueWan, assetsWan)) {
      return "large";
    }
    if (allAtLeast(sector.medium, emp, revenueWan, assetsWan)) {
      return "medium";
    }
    if (allAtLeast(sector.small, emp, revenueWan, assetsWan)) {
      return "small";
    }
    return "micro";
  }

  private static boolean missing(Bounds b, Double emp, Double rev, Double assets) {
    return (b.employees() != null && emp == null) || (b.revenueWan() != null && rev == null)
        || (b.assetsWan() != null && assets == null);
  }

  private static boolean allAtLeast(Bounds b, Double emp, Double rev, Double assets) {
    return (b.employees() == null || emp >= b.employees())
        && (b.revenueWan() == null || rev >= b.revenueWan())
        && (b.assetsWan() == null || assets >= b.assetsWan());
  }
}
