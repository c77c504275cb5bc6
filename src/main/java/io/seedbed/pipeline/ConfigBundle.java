package io.seedbed.pipeline;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The text of every file in the config folder (rules, city, energy factors), shipped with the job
 * graph. Operators parse it in {@code open()}, so a job submitted to a cluster carries its config
 * with it and TaskManagers need no shared disk. The client parses it first, so invalid config
 * fails before submission.
 */
public final class ConfigBundle implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Relative path (with forward slashes, e.g. {@code rules/miit-2022.yaml}) → file text. */
  private final TreeMap<String, String> files;
  /** The folder it was read from, for messages. */
  private final String origin;

  public ConfigBundle(String origin, Map<String, String> files) {
    this.origin = origin;
    this.files = new TreeMap<>(files);
  }

  /** Every {@code *.yaml}/{@code *.yml} file below {@code configDir}. */
  public static ConfigBundle read(Path configDir) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(configDir)) {
      for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
        String name = p.getFileName().toString();
        if (Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
          String rel = configDir.relativize(p).toString().replace('\\', '/');
          files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the config folder " + configDir, e);
    }
    return new ConfigBundle(configDir.toString(), files);
  }

  /** The text of {@code relativePath}, or null. */
  public String text(String relativePath) {
    return files.get(relativePath);
  }


  /** The display name of a file in the bundle, e.g. {@code config/rules/miit-2022.yaml}. */
  public String displayName(String relativePath) {
    return Path.of(origin).resolve(relativePath).toString();
  }

  public Map<String, String> files() {
    return java.util.Collections.unmodifiableMap(files);
  }
}
