package io.seedbed.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedbed.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndicatorSettingsTest {
  @TempDir
  Path dir;

  @Test
  void theShippedConfigLoads() {
    IndicatorSettings s = IndicatorSettings.load(Path.of("config"));
    assertThat(s.ledger.monthsKept).isEqualTo(36);
    assertThat(s.ledger.annualReturnsKept).isEqualTo(4);
    assertThat(s.ledger.lookbackYears).isEqualTo(3);
    assertThat(s.class2MinYearsSinceGrant).isEqualTo(2);
    assertThat(s.highValueMinYearsSinceGrant).isEqualTo(10);
    assertThat(s.transferredInMinYears).isEqualTo(1);
  }

  @Test
  void aWindowTooShortForTheIndicatorsFailsNamingLineAndField() throws IOException {
    copyConfigWith("monthsKept: 36", "monthsKept: 12");
    assertThatThrownBy(() -> IndicatorSettings.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("indicators.yaml:6:")
        .hasMessageContaining("field 'ledger.monthsKept'")
        .hasMessageContaining("at least 24");
  }

  @Test
  void aMisspelledFieldFailsInsteadOfBeingIgnored() throws IOException {
    copyConfigWith("transferredInMinYears: 1", "transferedInMinYears: 1");
    assertThatThrownBy(() -> IndicatorSettings.load(dir))
        .hasMessageContaining("field 'ip.transferedInMinYears'")
        .hasMessageContaining("unknown field");
  }

  private void copyConfigWith(String from, String to) throws IOException {
    for (String f : new String[] {"energy-factors.yaml", "sme-classification.yaml"}) {
      Files.copy(Path.of("config", f), dir.resolve(f));
    }
    String text = Files.readString(Path.of("config/indicators.yaml"));
    assertThat(text).contains(from);
    Files.writeString(dir.resolve("indicators.yaml"), text.replace(from, to));
  }
}
