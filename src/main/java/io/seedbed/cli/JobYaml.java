package io.seedbed.cli;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A job file as a tree whose every node knows its line and dotted path, so that each validation
 * error names file, line and field. Built from Jackson's streaming YAML parser, since databind's
 * tree forgets locations. A missing field is a node too: it reports the line of its parent.
 */
final class JobYaml {
  /** The one YAML factory of the job file reader; only its streaming parser is used. */
  private static final YAMLFactory YAML = YAMLFactory.builder().build();
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|min|h|d)");

  private enum Kind { MAP, LIST, SCALAR, MISSING }

  private final Kind kind;
  private final String file;
  private final int line;
  private final String path;
  private final Map<String, JobYaml> map;
  private final List<JobYaml> list;
  private final String text;

  private JobYaml(Kind kind, String file, int line, String path, Map<String, JobYaml> map,
      List<JobYaml> list, String text) {
    this.kind = kind;
    this.file = file;
    this.line = line;
    this.path = path;
    this.map = map;
    this.list = list;
    this.text = text;
  }

  static JobYaml parse(String file, String yaml) {
    try (JsonParser p = YAML.createParser(yaml)) {
      if (p.nextToken() == null) {
        throw new JobFileException(file, 1, "", "empty file");
      }
      JobYaml root = read(p, file, "", p.currentTokenLocation().getLineNr());
      if (root.kind != Kind.MAP) {
        throw root.error("a job file is a map of fields");
      }
      return root;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new JobFileException(file, line, "", "not valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new JobFileException(file, 0, "", "cannot read: " + e.getMessage());
    }
  }

  /** Reads the node at the current token; {@code line} is its key's line (where a reader looks). */
  private static JobYaml read(JsonParser p, String file, String path, int line) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, JobYaml> m = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        String childPath = path.isEmpty() ? key : path + "." + key;
        int keyLine = p.currentTokenLocation().getLineNr();
        if (m.containsKey(key)) {
          throw new JobFileException(file, keyLine, childPath, "duplicate field");
        }
        p.nextToken();
        m.put(key, read(p, file, childPath, keyLine));
      }
      return new JobYaml(Kind.MAP, file, line, path, m, null, null);
    }
    if (t == JsonToken.START_ARRAY) {
      List<JobYaml> l = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        l.add(read(p, file, path + "[" + l.size() + "]", p.currentTokenLocation().getLineNr()));
      }
      return new JobYaml(Kind.LIST, file, line, path, null, l, null);
    }
    if (t == JsonToken.VALUE_NULL) {
      return new JobYaml(Kind.MISSING, file, line, path, null, null, null);
    }
    if (t.isScalarValue()) {
      return new JobYaml(Kind.SCALAR, file, line, path, null, null, p.getText());
    }
    throw new JsonParseException(p, "unexpected " + t);
  }

  JobFileException error(String problem) {
    return new JobFileException(file, line, path, problem);
  }

  boolean present() {
    return kind != Kind.MISSING;
  }

  int line() {
    return line;
  }

  /** The child field (a missing node when absent). */
  JobYaml get(String key) {
    JobYaml child = kind == Kind.MAP ? map.get(key) : null;
    if (child == null && present() && kind != Kind.MAP) {
      throw error("must be a map of fields");
    }
    return child != null ? child
        : new JobYaml(Kind.MISSING, file, line, path.isEmpty() ? key : path + "." + key, null, null, null);
  }

  /** The field names of a map (none when missing). */
  Set<String> keys() {
    if (!present()) {
      return Set.of();
    }
    if (kind != Kind.MAP) {
      throw error("must be a map of fields");
    }
    return map.keySet();
  }

  /** Fails on a field not in {@code allowed}, naming the ones that are. */
  JobYaml only(String... allowed) {
    List<String> known = Arrays.asList(allowed);
    for (String key : keys()) {
      if (!known.contains(key)) {
        throw map.get(key).error("unknown field; expected one of " + String.join(", ", allowed));
      }
    }
    return this;
  }

  String text() {
    if (!present()) {
      throw error("missing");
    }
    if (kind != Kind.SCALAR) {
      throw error("must be a single value, not a " + kind.name().toLowerCase());
    }
    if (text.isBlank()) {
      throw error("must not be empty");
    }
    return text;
  }

  String text(String fallback) {
    return present() ? text() : fallback;
  }

  String oneOf(String fallback, String... allowed) {
    String value = text(fallback);
    if (!Arrays.asList(allowed).contains(value)) {
      throw error("'" + value + "' is not one of " + String.join(", ", allowed));
    }
    return value;
  }

  int integer(int fallback, int min, int max) {
    if (!present()) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(text());
    } catch (NumberFormatException e) {
      throw error("must be a whole number, not '" + text + "'");
    }
    if (value < min || value > max) {
      throw error(value + " is outside " + min + ".." + max);
    }
    return value;
  }

  double number(double fallback, double min, double max) {
    if (!present()) {
      return fallback;
    }
    double value;
    try {
      value = Double.parseDouble(text());
    } catch (NumberFormatException e) {
      throw error("must be a number, not '" + text + "'");
    }
    if (!(value >= min && value <= max)) {
      throw error(value + " is outside " + min + ".." + max);
    }
    return value;
  }

  boolean bool(boolean fallback) {
    String value = text(Boolean.toString(fallback));
    if (!value.equals("true") && !value.equals("false")) {
      throw error("must be true or false, not '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }

  /** A duration such as {@code 500ms}, {@code 60s}, {@code 2min}, {@code 1h}, {@code 45d}. */
  Duration duration() {
    Matcher m = DURATION.matcher(text());
    if (!m.matches()) {
      throw error("must be a duration like 500ms, 60s, 2min, 1h or 45d, not '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "min" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }

  Duration duration(Duration fallback) {
    return present() ? duration() : fallback;
  }

  /** A map of single values, e.g. client properties. */
  Map<String, String> stringMap() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : keys()) {
      out.put(key, get(key).text());
    }
    return out;
  }
}
