package io.seedbed.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.seedbed.feed.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML configuration document as a tree whose every node remembers its file, line and dotted
 * path, so that any loader can fail fast with a {@link ConfigException} naming all three. Built from
 * Jackson's streaming YAML parser, because databind's tree model forgets locations. The trailing
 * {@code # comment} on a node's line is kept: the rule reference shows it as the criterion's source.
 *
 * <p>The typed accessors check the YAML type as written ({@code 3} is a number, {@code "3"} a text)
 * and say what they found when it is wrong.
 */
public final class YamlNode {
  private enum Kind { MAP, LIST, SCALAR }

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|h|d)");

  private final Kind kind;
  private final String file;
  private final int line;
  /** The line naming this node: its key's line in a mapping, else {@link #line}. */
  private int keyLine;
  private final String path;
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
    this.keyLine = line;
    this.path = path;
    this.map = map;
    this.list = list;
    this.scalarToken = scalarToken;
    this.text = text;
    this.comment = comment;
  }

  /** Reads and parses {@code file} (UTF-8); messages name it as {@code file.toString()}. */
  public static YamlNode parse(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), 0, "", "cannot read: " + e.getMessage(), e);
    }
    return parse(file.toString(), text);
  }

  /**
   * Parses one YAML document; {@code fileName} is used in messages only. A syntax error fails with
   * its line and the field {@code (syntax)}; a duplicate key fails at its line.
   */
  public static YamlNode parse(String fileName, String text) {
    String[] lines = text.split("\n", -1);
    try (JsonParser p = Json.YAML.getFactory().createParser(text)) {
      if (p.nextToken() == null) {
        throw new ConfigException(fileName, 1, "", "empty file");
      }
      return read(p, fileName, "", lines);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
      throw new ConfigException(fileName, line, "(syntax)", "not valid YAML: "
          + e.getOriginalMessage().lines().findFirst().orElse(""), e);
    } catch (IOException e) {
      throw new ConfigException(fileName, 0, "", "cannot read: " + e.getMessage(), e);
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
        String childPath = childPath(path, key);
        if (m.containsKey(key)) {
          throw new ConfigException(file, keyLine, childPath, "duplicate field");
        }
        p.nextToken();
        YamlNode child = read(p, file, childPath, lines);
        child.keyLine = keyLine;
        m.put(key, child);
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

  // ---- where ----

  public String file() {
    return file;
  }

  /** 1-based line where this node starts. */
  public int line() {
    return line;
  }

  /** Dotted path from the root, list items as {@code [i]}; "" for the root. */
  public String path() {
    return path;
  }

  /** The trailing comment on this node's first line ("" if none). */
  public String comment() {
    return comment;
  }

  /** An error about this node, to throw: names its file, line and field. */
  public ConfigException error(String problem) {
    return new ConfigException(file, line, path, problem);
  }

  /**
   * An error about the field {@code key} of this mapping, present or not, at the line of its key
   * (a block mapping or list starts on the next), or of this mapping when the field is absent.
   */
  public ConfigException errorAt(String key, String problem) {
    YamlNode n = opt(key);
    return n != null ? new ConfigException(file, n.keyLine, n.path, problem)
        : new ConfigException(file, keyLine, childPath(path, key), problem);
  }

  // ---- mappings ----

  public boolean isMap() {
    return kind == Kind.MAP;
  }

  /** Fails on any field not in {@code allowed}: a misspelt key must not silently fall back to a default. */
  public YamlNode allowOnly(Set<String> allowed) {
    for (Map.Entry<String, YamlNode> e : entries().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw e.getValue().error("unknown field '" + e.getKey() + "'; allowed: "
            + String.join(", ", allowed));
      }
    }
    return this;
  }

  public YamlNode allowOnly(String... allowed) {
    return allowOnly(new LinkedHashSet<>(Arrays.asList(allowed)));
  }

  public boolean has(String key) {
    return kind == Kind.MAP && map.containsKey(key);
  }

  public Set<String> keys() {
    return kind == Kind.MAP ? Collections.unmodifiableSet(map.keySet()) : Set.of();
  }

  /**
   * The required field {@code key}. A missing field has no line of its own: it is reported at the
   * line naming the mapping that lacks it.
   */
  public YamlNode get(String key) {
    YamlNode n = opt(key);
    if (n == null) {
      throw errorAt(key, "missing");
    }
    return n;
  }

  /**
   * The mapping {@code key}, or an empty one when absent: a block of optional fields that all take
   * their defaults. Errors about the empty one name the line of this mapping.
   */
  public YamlNode optMap(String key) {
    YamlNode n = opt(key);
    if (n == null) {
      n = new YamlNode(Kind.MAP, file, keyLine, childPath(path, key), Map.of(), null, null, null, "");
    } else {
      n.entries();
    }
    return n;
  }

  private static String childPath(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The field {@code key}, or null when absent; fails if this is not a mapping. */
  public YamlNode opt(String key) {
    return entries().get(key);
  }

  /** The fields of a mapping, in file order. */
  public Map<String, YamlNode> entries() {
    if (kind != Kind.MAP) {
      throw error("expected a mapping, found " + describe());
    }
    return Collections.unmodifiableMap(map);
  }

  // ---- lists ----

  public List<YamlNode> items() {
    if (kind != Kind.LIST) {
      throw error("expected a list, found " + describe());
    }
    return Collections.unmodifiableList(list);
  }

  /** A non-empty list of texts. */
  public List<String> texts() {
    List<String> out = new ArrayList<>();
    for (YamlNode n : items()) {
      out.add(n.text());
    }
    if (out.isEmpty()) {
      throw error("empty list");
    }
    return out;
  }

  // ---- scalars ----

  public boolean isScalar() {
    return kind == Kind.SCALAR;
  }

  public boolean isNumber() {
    return scalarToken == JsonToken.VALUE_NUMBER_INT || scalarToken == JsonToken.VALUE_NUMBER_FLOAT;
  }

  public boolean isBoolean() {
    return scalarToken == JsonToken.VALUE_TRUE || scalarToken == JsonToken.VALUE_FALSE;
  }

  /** A non-blank text value (not a number, boolean or null). */
  public String text() {
    if (kind != Kind.SCALAR || text == null || isNumber() || isBoolean() || text.isBlank()) {
      throw error("expected a text value, found " + describe());
    }
    return text;
  }

  /**
   * Any scalar as written, numbers and booleans included (a Kafka client property may be
   * {@code 500} or {@code true}); not null or blank.
   */
  public String scalarText() {
    if (kind != Kind.SCALAR || text == null || text.isBlank()) {
      throw error("expected a single value, found " + describe());
    }
    return text;
  }

  /** A text that must be one of {@code allowed}. */
  public String oneOf(String... allowed) {
    String s = text();
    if (!Arrays.asList(allowed).contains(s)) {
      throw error("'" + s + "' is not one of " + String.join(", ", allowed));
    }
    return s;
  }

  public double number() {
    if (!isNumber()) {
      throw error("expected a number, found " + describe());
    }
    return Double.parseDouble(text);
  }

  public double number(double min, double max) {
    double v = number();
    if (v < min || v > max) {
      throw error("must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  public double positiveDouble() {
    if (!isNumber()) {
      throw error("must be a number, found " + describe());
    }
    double v = Double.parseDouble(text);
    if (!(v > 0) || Double.isInfinite(v)) {
      throw error("must be a positive number, got " + text);
    }
    return v;
  }

  public int integer() {
    if (scalarToken != JsonToken.VALUE_NUMBER_INT) {
      throw error("expected an integer, found " + describe());
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw error("integer out of range: " + text);
    }
  }

  public int integer(int min, int max) {
    int v = integer();
    if (v < min || v > max) {
      throw error("must be between " + min + " and " + max + ", got " + v);
    }
    return v;
  }

  public int positiveInt() {
    if (scalarToken != JsonToken.VALUE_NUMBER_INT || integer() < 1) {
      throw error("must be a positive whole number, found " + describe());
    }
    return integer();
  }

  public boolean bool() {
    if (!isBoolean()) {
      throw error("expected true or false, found " + describe());
    }
    return scalarToken == JsonToken.VALUE_TRUE;
  }

  /** An ISO date, {@code YYYY-MM-DD}. */
  public LocalDate date() {
    String s = text();
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw error("not a date (YYYY-MM-DD): '" + s + "'");
    }
  }

  /** A duration such as {@code 500ms}, {@code 60s}, {@code 2min}, {@code 1h} or {@code 45d}. */
  public Duration duration() {
    Matcher m = kind == Kind.SCALAR && text != null ? DURATION.matcher(text) : null;
    if (m == null || isNumber() || !m.matches()) {
      throw error("expected a duration like 500ms, 60s, 2min, 1h or 45d, found " + describe());
    }
    try {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "min" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    } catch (NumberFormatException | ArithmeticException e) {
      throw error("duration out of range: " + text);
    }
  }

  /** What this node is, for messages: "a mapping", "the number 3", "the text 'low'", ... */
  public String describe() {
    return switch (kind) {
      case MAP -> "a mapping";
      case LIST -> "a list";
      case SCALAR -> text == null ? "nothing (null)" : isNumber() ? "the number " + text
          : isBoolean() ? "the boolean " + text : "the text '" + text + "'";
    };
  }
}
