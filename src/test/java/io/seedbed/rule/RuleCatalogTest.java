package io.seedbed.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.rule.RuleCatalog.Outcome;
import io.seedbed.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Merging rule updates over the shipped config/ files. */
class RuleCatalogTest {
  private static final Instant MAY_2026 = Instant.parse("2026-05-10T02:00:00Z");
  private Map<String, String> shipped;
  private String miit2026;

  @BeforeEach
  void readShipped() throws IOException {
    shipped = new TreeMap<>();
    for (String f : new String[] {"rules/miit-2022.yaml", "rules/miit-2026.yaml",
        "city/rizhao.yaml", "city/pools.yaml", "indicators.yaml"}) {
      shipped.put(f, Files.readString(ProjectFiles.path("config").resolve(f), StandardCharsets.UTF_8));
    }
    miit2026 = shipped.get("rules/miit-2026.yaml");
  }

  private String version(int v) {
    return miit2026.replace("version: 1", "version: " + v);
  }

  @Test
  void theShippedTextAgainChangesNothing() {
    RuleCatalog catalog = new RuleCatalog(shipped);
    assertThat(catalog.offer("rules/miit-2026.yaml", miit2026).outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(catalog.offer("indicators.yaml", shipped.get("indicators.yaml")).outcome())
        .isEqualTo(Outcome.UNCHANGED);
    assertThat(catalog.updates()).isEmpty();
  }

  @Test
  void underOneNameTheHigherVersionStaysWhateverTheOrder() {
    RuleCatalog catalog = new RuleCatalog(shipped);
    RuleCatalog.Result v3 = catalog.offer("rules/miit-2026.yaml", version(3));
    RuleCatalog.Result v2 = catalog.offer("rules/miit-2026.yaml", version(2));
    assertThat(v3.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(v3.before().inForce(MAY_2026).version()).isEqualTo(1);
    assertThat(v3.after().inForce(MAY_2026).version()).isEqualTo(3);
    assertThat(v2.outcome()).isEqualTo(Outcome.OLDER_IGNORED);
    assertThat(catalog.book().inForce(MAY_2026).version()).isEqualTo(3);
  }

  @Test
  void underTwoNamesRuleBookPicksTheHigherVersion() {
    RuleCatalog catalog = new RuleCatalog(shipped);
    catalog.offer("rules/miit-2026-v3.yaml", version(3));
    RuleCatalog.Result v2 = catalog.offer("rules/miit-2026-v2.yaml", version(2));
    assertThat(v2.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(RuleCatalog.changes(v2.before().inForce(MAY_2026), v2.after().inForce(MAY_2026),
        v2.cityChanged())).isFalse();
    assertThat(catalog.book().inForce(MAY_2026).version()).isEqualTo(3);
  }

  @Test
  void invalidOrClashingUpdatesAreRejectedNamingFileLineAndField() {
    RuleCatalog catalog = new RuleCatalog(shipped);
    RuleCatalog.Result badDate = catalog.offer("rules/x.yaml",
        version(2).replace("effectiveFrom: 2026-04-01", "effectiveFrom: 2026-13-01"));
    assertThat(badDate.message()).startsWith("rules/x.yaml:9: field 'effectiveFrom': not a date");
    RuleCatalog.Result sameVersion = catalog.offer("rules/miit-2026.yaml",
        miit2026.replace("value: 5000000}", "value: 4000000}"));
    assertThat(sameVersion.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(sameVersion.message()).contains("version").contains("higher version");
    RuleCatalog.Result copy = catalog.offer("rules/copy.yaml", miit2026);
    assertThat(copy.message()).contains("rules/copy.yaml").contains("overlaps");
    RuleCatalog.Result window = catalog.offer("indicators.yaml", "x: 1\n");
    assertThat(window.message()).contains("take effect when the job restarts");
    assertThat(catalog.updates()).isEmpty();
    assertThat(catalog.book().inForce(MAY_2026).version()).isEqualTo(1);
  }

  @Test
  void aCityEditAppliesToEveryEnterpriseAndRestoreRebuildsTheBook() {
    RuleCatalog catalog = new RuleCatalog(shipped);
    String city = shipped.get("city/rizhao.yaml").replace("value: 15000000}", "value: 10000000}");
    RuleCatalog.Result r = catalog.offer("city/rizhao.yaml", city);
    assertThat(r.outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(r.cityChanged()).isTrue();
    catalog.offer("rules/miit-2026-v2.yaml", version(2));

    RuleCatalog restored = new RuleCatalog(shipped);
    assertThat(restored.restore(catalog.updates())).isEqualTo(2);
    assertThat(restored.book().inForce(MAY_2026).version()).isEqualTo(2);
    assertThat(restored.updates()).isEqualTo(catalog.updates());
  }
}
