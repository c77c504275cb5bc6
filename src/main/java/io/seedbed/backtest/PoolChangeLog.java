package io.seedbed.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a run's {@code pool_change.jsonl} (one row of the pool_change table per line). */
public final class PoolChangeLog {
  private PoolChangeLog() {}

  /**
   * Every row of {@code jsonl} in file order. Unknown keys are ignored (the contract allows new
   * columns); a missing required column or a malformed line fails naming file, line and column.
   */
  public static List<PoolChangeRow> read(Path jsonl) {
    List<PoolChangeRow> rows = new ArrayList<>();
    JsonLines.forEach(jsonl, line -> rows.add(new PoolChangeRow(
        line.text("change_id"),
        line.text("uscc"),
        line.text("pool"),
        line.optionalText("from_status"),
        line.text("to_status"),
        line.optionalText("reason"),
        line.instant("event_time"),
        line.text("rule_set"),
        line.integer("rule_version"),
        criteria(line),
        line.optionalInstant("recorded_at"))));
    return rows;
  }

  private static List<Criterion> criteria(JsonLines line) {
    JsonNode array = line.node("criteria");
    List<Criterion> out = new ArrayList<>();
    if (array == null) {
      return out;
    }
    if (!array.isArray()) {
      throw line.problem("criteria", "expected a JSON array, got " + array);
    }
    for (JsonNode c : array) {
      JsonNode name = c.get("name");
      if (name == null || !name.isTextual()) {
        throw line.problem("criteria", "element without a text name: " + c);
      }
      JsonNode passed = c.get("passed");
      if (passed == null || !passed.isBoolean()) {
        throw line.problem("criteria", "element '" + name.textValue() + "' without a boolean passed");
      }
      out.add(new Criterion(name.textValue(), c.get("value"), c.get("threshold"),
          passed.booleanValue()));
    }
    return out;
  }
}
