package io.seedbed.pool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seedbed.feed.Json;
import io.seedbed.rule.CriterionResult;
import java.util.List;

/** Renders the jsonb columns that explain a decision: the criteria and the gaps. */
public final class CriteriaJson {
  private CriteriaJson() {}

  /** {@code [{name, value, threshold, passed}]} for every criterion evaluated, in rule order. */
  public static String criteria(List<CriterionResult> criteria) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (CriterionResult c : criteria) {
      item(a, c).put("passed", c.passed);
    }
    return write(a);
  }

  /** {@code [{name, value, threshold, shortfall}]} for each unmet criterion. */
  public static String gaps(List<CriterionResult> unmet) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (CriterionResult c : unmet) {
      item(a, c).put("shortfall", c.shortfall);
    }
    return write(a);
  }

  /** Appends {@code {name, value, threshold}} of {@code c} to {@code a}, for the caller to complete. */
  private static ObjectNode item(ArrayNode a, CriterionResult c) {
    ObjectNode o = a.addObject();
    o.put("name", c.name);
    putValue(o, "value", c.value, c.valueText);
    putValue(o, "threshold", c.threshold, c.thresholdText);
    return o;
  }

  /** A number when the criterion is numeric, else its text (null when unknown). */
  private static void putValue(ObjectNode o, String key, Double number, String text) {
    if (number != null) {
      o.put(key, number);
    } else {
      o.put(key, text);
    }
  }

  static String write(Object node) {
    try {
      return Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
