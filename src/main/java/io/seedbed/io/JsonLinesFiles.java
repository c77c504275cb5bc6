package io.seedbed.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seedbed.feed.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Housekeeping of the {@code --out} folder: fresh files before a run, one row per key after it. */
public final class JsonLinesFiles {
  /** Marks a JSON line that deletes its key. */
  public static final String DELETED = "_deleted";

  private JsonLinesFiles() {}

  static Map<String, Object> deletion(OutputTable<?> table, Map<String, Object> row) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(DELETED, true);
    for (String k : table.key) {
      out.put(k, row.get(k));
    }
    return out;
  }

  /** Removes the tables' files so that a run starts from empty files. */
  public static void reset(Path dir, List<OutputTable<?>> tables) throws IOException {
    Files.createDirectories(dir);
    for (OutputTable<?> t : tables) {
      Files.deleteIfExists(dir.resolve(t.name + ".jsonl"));
    }
  }

  /**
   * Rewrites {@code DIR/TABLE.jsonl} so it holds the table's rows: the last line of each key, in
   * order of first appearance, deletions applied. Returns the number of rows kept.
   */
  public static int compact(Path dir, OutputTable<?> table) throws IOException {
    Path file = dir.resolve(table.name + ".jsonl");
    if (!Files.exists(file)) {
      return 0;
    }
    Map<String, JsonNode> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      ObjectNode node = (ObjectNode) Json.MAPPER.readTree(line);
      StringBuilder key = new StringBuilder();
      for (String k : table.key) {
        key.append(node.path(k).asText()).append('\u001f');
      }
      String kk = key.toString();
      if (node.path(DELETED).asBoolean(false)) {
        rows.remove(kk);
      } else if (table.mode == OutputTable.Mode.INSERT_ONCE) {
        rows.putIfAbsent(kk, node);
      } else {
        rows.remove(kk);
        rows.put(kk, node);
      }
    }
    Path tmp = dir.resolve("." + table.name + ".jsonl.tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (JsonNode n : rows.values()) {
        w.write(Json.MAPPER.writeValueAsString(n));
        w.write('\n');
      }
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return rows.size();
  }
}
