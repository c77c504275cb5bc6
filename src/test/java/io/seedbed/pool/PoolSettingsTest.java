package io.seedbed.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedbed.config.ConfigException;
import io.seedbed.rule.Pool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolSettingsTest {
  @TempDir Path dir;

  @Test
  void loadsTheCityFile() {
    PoolSettings s = Fixtures.SETTINGS;
    assertThat(s.pools()).hasSize(Pool.values().length);
    PoolRules srdi = s.rules(Pool.SRDI);
    assertThat(srdi.exitAfterFailures()).isEqualTo(2);
    assertThat(srdi.graduateWhenLarge()).isTrue();
    assertThat(s.rules(Pool.SCALE_UP).discovery())
        .isEqualTo(new DiscoverySettings(0.25, 0.8, 12));
    assertThat(s.weights()).isEqualTo(new PotentialWeights(0.6, 0.3, 0.1));
    assertThat(s.trends().revenue()).contains("sales_ttm");
  }

  @Test
  void splitsCityTargetsOverTheFiveDistrictsByLargestRemainder() {
    PoolSettings s = Fixtures.SETTINGS;
    assertThat(s.districts()).extracting(District::code)
        .containsExactly("371102", "371103", "371121", "371122", "371171");
    // 600 / 5 = 120 each; 30 / 5 = 6; 1 / 5 -> the first district listed takes the single unicorn.
    assertThat(s.target("371102", Pool.SRDI)).isEqualTo(120);
    assertThat(s.target("371171", Pool.LITTLE_GIANT)).isEqualTo(6);
    assertThat(s.target("371102", Pool.UNICORN)).isEqualTo(1);
    assertThat(s.target("371103", Pool.UNICORN)).isEqualTo(0);
    assertThat(s.target("371102", Pool.SCALE_UP)).isNull();
    assertThat(s.target("999999", Pool.SRDI)).isNull();
  }

  @Test
  void explicitDistrictTargetsTakeTheirShareFirst() {
    District a = new District("371102", "东港区", 3, java.util.Map.of(Pool.GAZELLE, 100));
    District b = new District("371103", "岚山区", 1, java.util.Map.of());
    District c = new District("371121", "五莲县", 2, java.util.Map.of());
    // 200 - 100 = 100 left for b and c by weight 1:2 -> 33.33 and 66.67 -> 33 and 67.
    assertThat(TargetSplit.split(200, java.util.List.of(a, b, c), Pool.GAZELLE))
        .containsEntry("371102", 100).containsEntry("371103", 33).containsEntry("371121", 67);
  }

  @Test
  void readsTheRewardTable() {
    Reward r = Fixtures.SETTINGS.reward("little_giant");
    assertThat(r.amount()).isEqualTo(1_000_000.0);
    assertThat(r.policy()).contains("小巨人").contains("100万元");
    assertThat(Fixtures.SETTINGS.reward("unicorn").amount()).isEqualTo(3_000_000.0);
    assertThat(Fixtures.SETTINGS.reward("tech_sme")).isNull();
  }

  @Test
  void aValueOutOfRangeNamesFileLineAndField() throws IOException {
    Path bad = copyWith("      marginFraction: 0.25 ", "      marginFraction: 1.5 ");
    int line = lineOf(bad, "marginFraction: 1.5");
    assertFailsAt(bad, line, "pools.scale_up.discovery.marginFraction")
        .hasMessageContaining("must be between 0.0 and 1.0, got 1.5");
  }

  @Test
  void aMisspeltFieldIsRejectedNotIgnored() throws IOException {
    Path bad = copyWith("    exitAfterFailures: 2\n    stayMargin: 0\n    graduateWhenLarge: false"
        + "      # graduates", "    exitAfterFailure: 2\n    stayMargin: 0\n    graduateWhenLarge: false"
        + "      # graduates");
    int line = lineOf(bad, "exitAfterFailure: 2");
    assertFailsAt(bad, line, "pools.scale_up.exitAfterFailure");
  }

  @Test
  void aMissingFieldIsReportedAtItsParent() throws IOException {
    Path bad = copyWith("  listing_reserve:\n    exitAfterFailures: 2",
        "  listing_reserve:\n    # exitAfterFailures: 2");
    int line = lineOf(bad, "  listing_reserve:");
    assertFailsAt(bad, line, "pools.listing_reserve.exitAfterFailures").hasMessageEndingWith("missing");
  }

  @Test
  void aVetoLeftInThePoolFileIsRejected() throws IOException {
    // Suspension rules live in the rule sets (suspendOn); a veto here would silently do nothing.
    Path bad = copyWith("  srdi:\n    exitAfterFailures: 2",
        "  srdi:\n    veto: miit\n    exitAfterFailures: 2");
    int line = lineOf(bad, "veto: miit");
    assertFailsAt(bad, line, "pools.srdi.veto")
        .hasMessageContaining("unknown field 'veto'");
  }

  @Test
  void aSyntaxErrorNamesItsLine() throws IOException {
    Path bad = dir.resolve("broken.yaml");
    Files.writeString(bad, "potentialWeights:\n  met: 0.6\n  closeness: [0.3\n");
    assertThatThrownBy(() -> PoolSettings.load(bad))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.file()).isEqualTo(bad.toString());
          assertThat(e.field()).isEqualTo("(syntax)");
          assertThat(e.line()).isGreaterThanOrEqualTo(3);
        });
  }

  /** Loading {@code bad} fails naming it, {@code line} and {@code field}; the message is left to check. */
  private static AbstractThrowableAssert<?, ? extends Throwable> assertFailsAt(Path bad, int line,
      String field) {
    return assertThatThrownBy(() -> PoolSettings.load(bad))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.file()).isEqualTo(bad.toString());
          assertThat(e.line()).isEqualTo(line);
          assertThat(e.field()).isEqualTo(field);
        });
  }

  private Path copyWith(String from, String to) throws IOException {
    String text = Files.readString(Path.of("config/city/pools.yaml"));
    assertThat(text).contains(from);
    Path p = dir.resolve("pools.yaml");
    Files.writeString(p, text.replace(from, to));
    return p;
  }

  private static int lineOf(Path file, String needle) throws IOException {
    var lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError(needle + " not in " + file);
  }
}
