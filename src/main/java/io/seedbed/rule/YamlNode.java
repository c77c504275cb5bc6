package io.seedbed.rule;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.seedbed.feed.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML document as a tree whose every node remembers its file, line and dotted path, so that a
 * configuration error can name all three. Built from Jackson's streaming YAML parser (the tree
 * model of databind forgets locations). The trailing {@code # comment} on a node's line is kept:
 * the rule reference uses it as the criterion's source.
 */
final class YamlNode {
  enum Kind { MAP, LIST, SCALAR }

  final Kind kind;
  final String file;
  final int line;
  final String path;
  private final Map<String, YamlNode> map;
  private final List<YamlNode> list;
  private final JsonToken scalarToken;
  private final String text;
  private final String comment;

  private YamlNode(Kind kind, String file, int line, String path, Map<String, YamlNode> map,
      List<YamlNode> list, JsonToken scalarToken, String text, String comment) {
    this.kind = kind;
    this.file = file;
    this.line = line;
    this.path = path;
    this.map = map;
    this.list = list;
    this.scalarToken = scalarToken;
    this.text = text;
    this.comment = comment;
  }

  /** Parses one YAML document; syntax errors become a {@link RuleConfigException} with the line. */
  static YamlNode parse(String file, String text) {
    String[] lines = text.split("\n", -1);
    try (JsonParser p = Json.YAML.getFactory().createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new RuleConfigException(file, 1, "", "empty file");
      }
      return read(p, file, "", lines);
    } catch (IOException e) {
      int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
          && jpe.getLocation() != null ? jpe.getLocation().getLineNr() : 0;
      throw new RuleConfigException(file, line, "", "not valid YAML: " + e.getMessage().lines()
          .findFirst().orElse(""));
    }
  }

  private static YamlNode read(JsonParser p, String file, String path, String[] lines)
      throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    String comment = commentOn(lines, line);
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, YamlNode> m = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int keyLine = p.currentTokenLocation().getLineNr();
        String childPath = path.isEmpty() ? key : path + "." + key;
        if (m.containsKey(key)) {
          throw new RuleConfigException(file, keyLine, childPath, "duplicate key");
        }
        p.nextToken();
        m.put(key, read(p, file, childPath, lines));
      }
      return new YamlNode(Kind.MAP, file, line, path, m, null, null, null, comment);
    }
    if (t == JsonToken.START_ARRAY) {
      List<YamlNode> l = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        l.add(read(p, file, path + "[" + l.size() + "]", lines));
      }
      return new YamlNode(Kind.LIST, file, line, path, null, l, null, null, comment);
    }
    String value = t == JsonToken.VALUE_NULL ? null : p.getText();
    return new YamlNode(Kind.SCALAR, file, line, path, null, null, t, value, comment);
  }

  /** The comment ending line {@code lineNr} (1-based), ignoring '#' inside quotes; "" if none. */
  private static String commentOn(String[] lines, int lineNr) {
    if (lineNr < 1 || lineNr > lines.length) {
      return "";
    }
    String s = lines[lineNr - 1];
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(s.charAt(i - 1)))) {
        return s.substring(i + 1).trim();
      }
    }
    return "";
  }

  RuleConfigException error(String problem) {
    return new RuleConfigException(file, line, path, problem);
  }

  /** The trailing comment on this node's first line ("" if none). */
  String comment() {
    return comment;
  }

  // ---- maps ----

  YamlNode requireMap(Set<String> allowed) {
    if (kind != Kind.MAP) {
      throw error("expected a mapping, found " + describe());
    }
    for (Map.Entry<String, YamlNode> e : map.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw e.getValue().error("unknown key '" + e.getKey() + "'; allowed: " + allowed);
      }
    }
    return this;
  }

  boolean isMap() {
    return kind == Kind.MAP;
  }

  boolean has(String key) {
    return kind == Kind.MAP && map.containsKey(key);
  }

  Set<String> keys() {
    return kind == Kind.MAP ? Collections.unmodifiableSet(map.keySet()) : Set.of();
  }

  YamlNode get(String key) {
    YamlNode n = kind == Kind.MAP ? map.get(key) : null;
    if (n == null) {
      throw error("missing required key '" + key + "'");
    }
    return n;
  }

  YamlNode opt(String key) {
    return kind == Kind.MAP ? map.get(key) : null;
  }

  Map<String, YamlNode> entries() {
    if (kind != Kind.MAP) {
      throw error("expected a mapping, found " + describe());
    }
    return Collections.unmodifiableMap(map);
  }

  // ---- lists ----

  List<YamlNode> list() {
    if (kind != Kind.LIST) {
      throw error("expected a list, found " + describe());
    }
    return Collections.unmodifiableList(list);
  }

  List<String> stringList() {
    List<String> out = new ArrayList<>();
    for (YamlNode n : list()) {
      out.add(n.string());
    }
    if (out.isEmpty()) {
      throw error("empty list");
    }
    return out;
  }

  // ---- scalars ----

  boolean isScalar() {
    return kind == Kind.SCALAR;
  }

  boolean isNumber() {
    return scalarToken == JsonToken.VALUE_NUMBER_INT || scalarToken == JsonToken.VALUE_NUMBER_FLOAT;
  }

  boolean isBoolean() {
    return scalarToken == JsonToken.VALUE_TRUE || scalarToken == JsonToken.VALUE_FALSE;
  }

  String string() {
    if (kind != Kind.SCALAR || text == null || isNumber() || isBoolean()) {
      throw error("expected a text value, found " + describe());
    }
    return text;
  }

  double number() {
    if (!isNumber()) {
      throw error("expected a number, found " + describe());
    }
    return Double.parseDouble(text);
  }

  int integer() {
    if (scalarToken != JsonToken.VALUE_NUMBER_INT) {
      throw error("expected an integer, found " + describe());
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw error("integer out of range: " + text);
    }
  }

  boolean bool() {
    if (!isBoolean()) {
      throw error("expected true or false, found " + describe());
    }
    return scalarToken == JsonToken.VALUE_TRUE;
  }

  String describe() {
    return switch (kind) {
      case MAP -> "a mapping";
      case LIST -> "a list";
      case SCALAR -> text == null ? "nothing (null)" : isNumber() ? "the number " + text
          : isBoolean() ? "the boolean " + text : "the text '" + text + "'";
    };
  }
}
