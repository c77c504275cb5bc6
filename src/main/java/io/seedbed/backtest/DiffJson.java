package io.seedbed.backtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The machine-readable form of a {@link Diff} (diff.json). Keys are written in a fixed order and
 * every list is already sorted by the diff, so the same runs always give the same bytes. Final
 * statuses are written for the affected enterprises only: the unchanged ones are in the runs' own
 * pool_membership output.
 */
final class DiffJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private DiffJson() {}

  static ObjectNode of(Diff diff) {
    ObjectNode root = F.objectNode();
    root.put("identical", diff.identical());
    root.set("baseline_rule_sets", ruleSets(diff.baselineRuleSets()));
    root.set("candidate_rule_sets", ruleSets(diff.candidateRuleSets()));
    ArrayNode pools = root.putArray("pools");
    for (PoolDiff p : diff.pools()) {
      pools.add(pool(p, diff.withDistricts()));
    }
    ArrayNode affected = root.putArray("affected");
    for (AffectedEnterprise a : diff.affected()) {
      ObjectNode o = affected.addObject();
      o.put("uscc", a.uscc());
      o.put("pool", a.pool());
      if (diff.withDistricts()) {
        o.put("district", a.district());
      }
      o.put("kind", a.kind().code());
      o.set("baseline", last(a.baselineLast()));
      o.set("candidate", last(a.candidateLast()));
      ArrayNode differing = o.putArray("differing_criteria");
      a.differingCriteria().forEach(differing::add);
    }
    return root;
  }

  private static ObjectNode pool(PoolDiff p, boolean withDistricts) {
    ObjectNode o = F.objectNode();
    o.put("pool", p.pool());
    o.put("name_zh", PoolLabels.chinese(p.pool()));
    o.put("baseline_members", p.baselineMembers());
    o.put("candidate_members", p.candidateMembers());
    uscc(o.putArray("enters"), p.enters());
    uscc(o.putArray("leaves"), p.leaves());
    uscc(o.putArray("changes_status"), p.changesStatus());
    if (withDistricts) {
      ArrayNode districts = o.putArray("by_district");
      for (DistrictCounts d : p.byDistrict().values()) {
        districts.addObject()
            .put("district", d.district())
            .put("baseline_members", d.baselineMembers())
            .put("candidate_members", d.candidateMembers())
            .put("enters", d.enters())
            .put("leaves", d.leaves())
            .put("status_changes", d.statusChanges());
      }
    }
    ArrayNode series = o.putArray("month_end_members");
    for (MonthCount m : p.series()) {
      series.addObject()
          .put("month", m.month().toString())
          .put("baseline", m.baseline())
          .put("candidate", m.candidate());
    }
    return o;
  }

  /** A run's last change of an enterprise in a pool, or JSON null when the run never tracked it. */
  private static ObjectNode last(PoolChangeRow r) {
    if (r == null) {
      return null;
    }
    ObjectNode o = F.objectNode();
    o.put("status", r.toStatus());
    o.put("reason", r.reason());
    o.put("event_time", r.eventTime().toString());
    o.put("change_id", r.changeId());
    o.put("rule_set", r.ruleSet());
    o.put("rule_version", r.ruleVersion());
    ArrayNode criteria = o.putArray("criteria");
    for (Criterion c : r.criteria()) {
      criteria.addObject()
          .put("name", c.name())
          .<ObjectNode>set("value", c.value())
          .<ObjectNode>set("threshold", c.threshold())
          .put("passed", c.passed());
    }
    return o;
  }

  private static ArrayNode ruleSets(List<RuleSetVersion> sets) {
    ArrayNode a = F.arrayNode();
    sets.forEach(s -> a.addObject().put("rule_set", s.ruleSet()).put("rule_version", s.version()));
    return a;
  }

  private static void uscc(ArrayNode array, List<String> uscc) {
    uscc.forEach(array::add);
  }
}
