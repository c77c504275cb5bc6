package io.seedbed.backtest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.seedbed.feed.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * Reads a JSON lines table file one object at a time and gives typed access to its columns. Every
 * problem names the file, the line and the column, so a broken run output is found at once.
 */
final class JsonLines {
  private final Path file;
  private int lineNo;
  private JsonNode row;

  private JsonLines(Path file) {
    this.file = file;
  }

  /** Calls {@code each} for every non-blank line of {@code file}, with this reader on that line. */
  static void forEach(Path file, Consumer<JsonLines> each) {
    JsonLines reader = new JsonLines(file);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        reader.lineNo++;
        if (line.isBlank()) {
          continue;
        }
        reader.row = parse(reader, line);
        each.accept(reader);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode parse(JsonLines reader, String line) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw reader.problem(null, "not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw reader.problem(null, "not a JSON object");
    }
    return node;
  }

  /** The raw column, or null when absent or JSON null. */
  JsonNode node(String column) {
    JsonNode n = row.get(column);
    return n == null || n.isNull() ? null : n;
  }

  String optionalText(String column) {
    JsonNode n = node(column);
    if (n == null) {
      return null;
    }
    if (!n.isTextual()) {
      throw problem(column, "expected a string, got " + n);
    }
    return n.textValue();
  }

  String text(String column) {
    String s = optionalText(column);
    if (s == null || s.isEmpty()) {
      throw problem(column, "missing");
    }
    return s;
  }

  int integer(String column) {
    JsonNode n = node(column);
    if (n == null) {
      throw problem(column, "missing");
    }
    if (!n.canConvertToExactIntegral() || !n.canConvertToInt()) {
      throw problem(column, "expected an integer, got " + n);
    }
    return n.intValue();
  }

  /** An ISO-8601 instant ({@code 2024-05-15T07:00:00Z}); an explicit offset is accepted too. */
  Instant optionalInstant(String column) {
    String s = optionalText(column);
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException notUtc) {
      try {
        return OffsetDateTime.parse(s).toInstant();
      } catch (DateTimeParseException e) {
        throw problem(column, "not an ISO-8601 instant: '" + s + "'");
      }
    }
  }

  Instant instant(String column) {
    Instant t = optionalInstant(column);
    if (t == null) {
      throw problem(column, "missing");
    }
    return t;
  }

  IllegalArgumentException problem(String column, String message) {
    return new IllegalArgumentException(file + " line " + lineNo
        + (column == null ? "" : ", column " + column) + ": " + message);
  }
}
