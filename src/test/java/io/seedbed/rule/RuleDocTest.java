package io.seedbed.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is the rendering of the real configuration. After changing config/, regenerate with
 * {@code mvn -o -q test -Dtest=RuleDocTest -Dseedbed.regenerateDocs=true}.
 */
class RuleDocTest {
  private static final Path DOC = Path.of("docs/rules.md");

  @Test
  void docsRulesMdIsTheRenderingOfTheConfiguration() throws IOException {
    if (System.getProperty("seedbed.regenerateDocs") != null) {
      RuleDoc.updateFile(DOC, Rules.BOOK);
    }
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    assertThat(RuleDoc.generatedPart(doc)).isEqualTo(RuleDoc.render(Rules.BOOK));
  }

  @Test
  void theReferenceShowsThresholdsWithTheirSources() {
    String md = RuleDoc.render(Rules.BOOK);
    assertThat(md).contains("### miit-2022 / innovative")
        .contains("### miit-2026 / srdi")
        .contains(">= 0.03 (3%) → 15 — §2.2 ② 3–5%")
        .contains("`development_score`: development_score >= 50 — §3.3 #8 ≥ 50 (ingested)")
        .contains("| `rd_intensity_last_year` | share |");
  }
}
