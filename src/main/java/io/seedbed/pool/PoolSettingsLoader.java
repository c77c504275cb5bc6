package io.seedbed.pool;

import io.seedbed.config.YamlNode;
import io.seedbed.feed.Coded;
import io.seedbed.feed.Title;
import io.seedbed.rule.Pool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates {@code config/city/pools.yaml} into {@link PoolSettings}. */
final class PoolSettingsLoader {
  private PoolSettingsLoader() {}

  static PoolSettings load(Path file) {
    YamlNode root = YamlNode.parse(file).allowOnly(Set.of("potentialWeights", "trendCriteria", "pools", "cityTargets", "districts", "rewards"));
    PotentialWeights weights = weights(root.get("potentialWeights"));
    TrendCriteria trends = trends(root.get("trendCriteria"));
    YamlNode poolsNode = root.get("pools");
    Map<Pool, PoolRules> pools = new EnumMap<>(Pool.class);
    for (Map.Entry<String, YamlNode> e : poolsNode.entries().entrySet()) {
      Pool p = code(Pool.class, e.getKey(), e.getValue());
      pools.put(p, poolRules(p, e.getValue()));
    }
    for (Pool p : Pool.values()) {
      if (!pools.containsKey(p)) {
        throw poolsNode.error("pool '" + p.code() + "' is not configured");
      }
    }
    Map<Pool, Integer> cityTargets = new EnumMap<>(Pool.class);
    for (Map.Entry<String, YamlNode> e : root.get("cityTargets").entries().entrySet()) {
      cityTargets.put(code(Pool.class, e.getKey(), e.getValue()), e.getValue().integer(0, 1_000_000));
    }
    List<District> districts = districts(root.get("districts"));
    Map<String, Map<Pool, Integer>> districtTargets = new HashMap<>();
    for (District d : districts) {
      districtTargets.put(d.code(), new EnumMap<>(Pool.class));
    }
    for (Map.Entry<Pool, Integer> t : cityTargets.entrySet()) {
      TargetSplit.split(t.getValue(), districts, t.getKey())
          .forEach((code, n) -> districtTargets.get(code).put(t.getKey(), n));
    }
    Map<String, Map<Pool, Integer>> frozen = new HashMap<>();
    districtTargets.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
    Map<String, Reward> rewards = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : root.get("rewards").entries().entrySet()) {
      YamlNode r = e.getValue().allowOnly(Set.of("amount", "policy"));
      code(Title.class, e.getKey(), r);
      rewards.put(e.getKey(), new Reward(e.getKey(), r.get("amount").number(0, 1e10),
          r.get("policy").text()));
    }
    return new PoolSettings(Map.copyOf(pools), weights, trends, List.copyOf(districts),
        Map.copyOf(cityTargets), Map.copyOf(frozen), Map.copyOf(rewards));
  }

  private static PotentialWeights weights(YamlNode n) {
    n.allowOnly(Set.of("met", "closeness", "trend"));
    PotentialWeights w = new PotentialWeights(n.get("met").number(0, 1),
        n.get("closeness").number(0, 1), n.get("trend").number(0, 1));
    if (Math.abs(w.met() + w.closeness() + w.trend() - 1) > 1e-9) {
      throw n.error("weights must add up to 1");
    }
    return w;
  }

  private static TrendCriteria trends(YamlNode n) {
    n.allowOnly(Set.of("revenue", "rdIntensity", "class1Ip"));
    return new TrendCriteria(Set.copyOf(n.get("revenue").texts()),
        Set.copyOf(n.get("rdIntensity").texts()), Set.copyOf(n.get("class1Ip").texts()));
  }

  private static PoolRules poolRules(Pool p, YamlNode n) {
    n.allowOnly(Set.of("exitAfterFailures", "stayMargin", "graduateWhenLarge", "discovery"));
    YamlNode d = n.get("discovery").allowOnly(Set.of("marginFraction", "minMetFraction", "horizonMonths"));
    DiscoverySettings discovery = new DiscoverySettings(d.get("marginFraction").number(0, 1),
        d.get("minMetFraction").number(0, 1), d.get("horizonMonths").integer(0, 120));
    return new PoolRules(p, n.get("exitAfterFailures").integer(1, 100),
        n.get("stayMargin").number(0, 1), n.get("graduateWhenLarge").bool(), discovery);
  }

  private static List<District> districts(YamlNode n) {
    List<District> out = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (YamlNode d : n.items()) {
      d.allowOnly(Set.of("code", "name", "weight", "targets"));
      YamlNode codeNode = d.get("code");
      String code = codeNode.text();
      if (!code.matches("\\d{6}")) {
        throw codeNode.error("a district code has 6 digits, got '" + code + "'");
      }
      if (!codes.add(code)) {
        throw codeNode.error("district " + code + " is listed twice");
      }
      Map<Pool, Integer> targets = new EnumMap<>(Pool.class);
      YamlNode t = d.opt("targets");
      if (t != null) {
        for (Map.Entry<String, YamlNode> e : t.entries().entrySet()) {
          targets.put(code(Pool.class, e.getKey(), e.getValue()), e.getValue().integer(0, 1_000_000));
        }
      }
      out.add(new District(code, d.get("name").text(), d.get("weight").number(0, 1e9), targets));
    }
    return out;
  }

  private static <E extends Enum<E> & Coded> E code(Class<E> type, String code, YamlNode where) {
    E e = Coded.byCode(type, code);
    if (e == null) {
      throw where.error("unknown " + type.getSimpleName() + " '" + code + "'; one of "
          + Coded.codes(type));
    }
    return e;
  }
}
