package io.seedbed.pool;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.seedbed.feed.Json;
import io.seedbed.rule.Explanation;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Renders the jsonb columns that explain a decision: the criteria and the gaps. Written with the
 * mapper's own generator, field by field, so the text is what serializing the equivalent Jackson
 * tree gives, without building the tree.
 */
public final class CriteriaJson {
  private CriteriaJson() {}

  /** {@code [{name, value, threshold, passed}]} for every criterion evaluated, in rule order. */
  public static String criteria(Explanation x) {
    StringWriter w = new StringWriter(64 * x.size());
    try (JsonGenerator g = Json.MAPPER.createGenerator(w)) {
      g.writeStartArray();
      for (int i = 0; i < x.size(); i++) {
        item(g, x, i);
        g.writeBooleanField("passed", x.passed(i));
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** {@code [{name, value, threshold, shortfall}]} for the unmet criteria at {@code unmet}. */
  public static String gaps(Explanation x, int[] unmet) {
    StringWriter w = new StringWriter(64 * unmet.length + 2);
    try (JsonGenerator g = Json.MAPPER.createGenerator(w)) {
      g.writeStartArray();
      for (int i : unmet) {
        item(g, x, i);
        if (x.hasShortfall(i)) {
          g.writeNumberField("shortfall", x.shortfall(i));
        } else {
          g.writeNullField("shortfall");
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** Opens {@code {name, value, threshold}} of entry {@code i}, for the caller to complete. */
  private static void item(JsonGenerator g, Explanation x, int i) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", x.name(i));
    if (x.hasValue(i)) {
      g.writeNumberField("value", x.value(i));
    } else {
      g.writeStringField("value", x.valueText(i)); // a number when numeric, else its text
    }
    if (x.hasThreshold(i)) {
      g.writeNumberField("threshold", x.threshold(i));
    } else {
      g.writeStringField("threshold", x.thresholdText(i));
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
