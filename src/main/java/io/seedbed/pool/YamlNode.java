package io.seedbed.pool;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.seedbed.feed.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node of a parsed YAML file that remembers where it came from, so that every validation error
 * can name the file, the line and the field. Jackson's tree loses locations, so one extra pass over
 * the tokens records the line of every JSON pointer.
 */
final class YamlNode {
  private final String file;
  private final Map<String, Integer> lines;
  private final JsonNode json;
  private final String pointer;

  private YamlNode(String file, Map<String, Integer> lines, JsonNode json, String pointer) {
    this.file = file;
    this.lines = lines;
    this.json = json;
    this.pointer = pointer;
  }

  /** Parses {@code path}; a syntax error or duplicate key fails with its line. */
  static YamlNode parse(Path path) {
    String file = path.toString();
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    YAMLFactory yaml = new YAMLFactory();
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = yaml.createParser(text)) {
      p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(),
            p.currentTokenLocation().getLineNr());
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
      throw new ConfigException(file, line, "(syntax)", e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    try (JsonParser p = yaml.createParser(text)) {
      JsonNode root = Json.MAPPER.readTree(p);
      if (root == null || !root.isObject()) {
        throw new ConfigException(file, 1, "(root)", "expected a mapping");
      }
      return new YamlNode(file, lines, root, "");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** The dotted field path, e.g. {@code pools.srdi.discovery.marginFraction}. */
  String field() {
    return pointer.isEmpty() ? "(root)" : pointer.substring(1).replace('/', '.');
  }

  int line() {
    for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
      Integer l = lines.get(p);
      if (l != null) {
        return l;
      }
      if (p.isEmpty()) {
        return 1;
      }
    }
  }

  ConfigException error(String problem) {
    return new ConfigException(file, line(), field(), problem);
  }

  private YamlNode child(String name, JsonNode value) {
    return new YamlNode(file, lines, value, pointer + "/" + name);
  }

  /** The named field, which must be present. */
  YamlNode get(String name) {
    YamlNode n = opt(name);
    if (n == null) {
      // A missing field has no line of its own: report the line of the mapping that lacks it.
      throw new ConfigException(file, line(), child(name, null).field(), "missing");
    }
    return n;
  }

  /** The named field, or null when absent. */
  YamlNode opt(String name) {
    if (!json.isObject()) {
      throw error("expected a mapping");
    }
    JsonNode v = json.get(name);
    return v == null || v.isNull() ? null : child(name, v);
  }

  /** Fails on any field not in {@code allowed}: a misspelt key must not be silently ignored. */
  YamlNode only(Set<String> allowed) {
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw child(f, json.get(f)).error("unknown field; allowed: " + allowed);
      }
    }
    return this;
  }

  Map<String, YamlNode> entries() {
    if (!json.isObject()) {
      throw error("expected a mapping");
    }
    Map<String, YamlNode> m = new LinkedHashMap<>();
    json.fields().forEachRemaining(e -> m.put(e.getKey(), child(e.getKey(), e.getValue())));
    return m;
  }

  List<YamlNode> elements() {
    if (!json.isArray()) {
      throw error("expected a list");
    }
    List<YamlNode> l = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      l.add(child(String.valueOf(i), json.get(i)));
    }
    return l;
  }

  String text() {
    if (!json.isValueNode() || json.asText().isBlank()) {
      throw error("expected a non-empty text");
    }
    return json.asText();
  }

  double number(double min, double max) {
    if (!json.isNumber()) {
      throw error("expected a number, got '" + json.asText() + "'");
    }
    double v = json.doubleValue();
    if (v < min || v > max) {
      throw error("must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  int integer(int min, int max) {
    if (!json.isIntegralNumber()) {
      throw error("expected a whole number, got '" + json.asText() + "'");
    }
    int v = json.intValue();
    if (v < min || v > max) {
      throw error("must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  boolean bool() {
    if (!json.isBoolean()) {
      throw error("expected true or false, got '" + json.asText() + "'");
    }
    return json.booleanValue();
  }

  List<String> texts() {
    List<String> l = new ArrayList<>();
    for (YamlNode e : elements()) {
      l.add(e.text());
    }
    return l;
  }
}
