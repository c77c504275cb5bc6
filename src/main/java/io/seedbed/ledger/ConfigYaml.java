package io.seedbed.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML config file read as a tree that remembers, for every value, its line and its dotted path,
 * so that a loader can fail fast with "file:line: field 'a.b': message". Jackson's own tree model
 * drops locations, hence this small reader over the streaming parser.
 */
public final class ConfigYaml {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private ConfigYaml() {}

  /** Reads {@code file}; the root must be a mapping. */
  public static Node read(Path file) {
    try (Reader reader = Files.newBufferedReader(file);
        JsonParser p = FACTORY.createParser(reader)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ConfigException(file, 1, "", "empty file");
      }
      Node root = parse(p, file, "");
      if (!(root.value instanceof Map)) {
        throw root.error("the file must be a mapping of fields");
      }
      return root;
    } catch (ConfigException e) {
      throw e;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(file, line, "", "not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  private static Node parse(JsonParser p, Path file, String path) throws IOException {
    JsonToken t = p.currentToken();
    int line = p.currentTokenLocation().getLineNr();
    if (t == JsonToken.START_OBJECT) {
      Map<String, Node> fields = new LinkedHashMap<>();
      while (p.nextToken() != JsonToken.END_OBJECT) {
        String name = p.currentName();
        int keyLine = p.currentTokenLocation().getLineNr();
        String childPath = path.isEmpty() ? name : path + "." + name;
        if (fields.containsKey(name)) {
          throw new ConfigException(file, keyLine, childPath, "duplicate field");
        }
        p.nextToken();
        fields.put(name, parse(p, file, childPath));
      }
      return new Node(file, line, path, Collections.unmodifiableMap(fields));
    }
    if (t == JsonToken.START_ARRAY) {
      List<Node> items = new ArrayList<>();
      int i = 0;
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(parse(p, file, path + "[" + i++ + "]"));
      }
      return new Node(file, line, path, Collections.unmodifiableList(items));
    }
    return new Node(file, line, path, t == JsonToken.VALUE_NULL ? null : p.getText());
  }

  /** One value of the file: a mapping, a list, a scalar (as text) or null. */
  public static final class Node {
    public final Path file;
    public final int line;
    /** Dotted path from the root, e.g. {@code factors.electricity.kWh}. */
    public final String path;
    private final Object value;

    Node(Path file, int line, String path, Object value) {
      this.file = file;
      this.line = line;
      this.path = path;
      this.value = value;
    }

    public ConfigException error(String message) {
      return new ConfigException(file, line, path, message);
    }

    /** The fields of a mapping, in file order. */
    @SuppressWarnings("unchecked")
    public Map<String, Node> fields() {
      if (!(value instanceof Map)) {
        throw error("must be a mapping");
      }
      return (Map<String, Node>) value;
    }

    @SuppressWarnings("unchecked")
    public List<Node> items() {
      if (!(value instanceof List)) {
        throw error("must be a list");
      }
      return (List<Node>) value;
    }

    /** The required field {@code name} of this mapping. */
    public Node get(String name) {
      Node n = fields().get(name);
      if (n == null) {
        throw new ConfigException(file, line, path.isEmpty() ? name : path + "." + name,
            "missing required field");
      }
      return n;
    }

    /** Fails on any field not in {@code allowed}, so that a typo does not silently use a default. */
    public Node allowOnly(String... allowed) {
      List<String> ok = Arrays.asList(allowed);
      for (Node child : fields().values()) {
        String name = child.path.substring(child.path.lastIndexOf('.') + 1);
        if (!ok.contains(name)) {
          throw child.error("unknown field (allowed: " + String.join(", ", ok) + ")");
        }
      }
      return this;
    }

    public String text() {
      if (value == null || value instanceof Map || value instanceof List) {
        throw error("must be a single value");
      }
      return (String) value;
    }

    public double positiveDouble() {
      double d;
      try {
        d = Double.parseDouble(text());
      } catch (NumberFormatException e) {
        throw error("must be a number, got '" + value + "'");
      }
      if (!(d > 0) || Double.isInfinite(d)) {
        throw error("must be a positive number, got '" + value + "'");
      }
      return d;
    }

    public int positiveInt() {
      try {
        int i = Integer.parseInt(text());
        if (i > 0) {
          return i;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw error("must be a positive whole number, got '" + value + "'");
    }
  }
}
