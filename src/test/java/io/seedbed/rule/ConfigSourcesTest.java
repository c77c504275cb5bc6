package io.seedbed.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every number in the rule files names its criteria.md section (or says it is a city default
 * [UNCONFIRMED]) in a comment on its line or the line above.
 */
class ConfigSourcesTest {
  private static final Pattern NUMBER_LINE = Pattern.compile(
      "\\b(value|atLeast|atMost|min|withinYears|years|maxRank|target|points|max):\\s*-?[0-9]");

  @Test
  void everyThresholdHasASourceComment() throws IOException {
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("config"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")
          && (p.toString().contains("/rules/") || p.toString().contains("/city/"))).toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          String code = lines.get(i).split(" #", 2)[0];
          if (NUMBER_LINE.matcher(code).find() && !sourced(lines.get(i))
              && !(i > 0 && sourced(lines.get(i - 1)))) {
            missing.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  private static boolean sourced(String line) {
    int hash = line.indexOf(" #");
    return hash >= 0 && (line.indexOf('§', hash) > 0 || line.contains("[UNCONFIRMED]"));
  }
}
