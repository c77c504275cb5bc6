package io.seedbed.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.seedbed.config.ConfigException;
import io.seedbed.feed.EnergyCarrier;
import io.seedbed.feed.EnergyUnit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnergyFactorsTest {
  private static final EnergyFactors FACTORS = EnergyFactors.load(Path.of("config/energy-factors.yaml"));

  @TempDir
  Path dir;

  @Test
  void convertsEachCarrierToTonnesOfStandardCoal() {
    // 10,000 kWh × 0.1229 kgce/kWh = 1,229 kgce = 1.229 tce
    assertThat(FACTORS.tce(EnergyCarrier.ELECTRICITY, EnergyUnit.KWH, 10_000)).isCloseTo(1.229, within(1e-12));
    // 1,000 m3 × 1.2143 = 1,214.3 kgce
    assertThat(FACTORS.tce(EnergyCarrier.NATURAL_GAS, EnergyUnit.M3, 1_000)).isCloseTo(1.2143, within(1e-12));
    // 2 t raw coal × 714.3 kgce/t = 1.4286 tce
    assertThat(FACTORS.tce(EnergyCarrier.COAL, EnergyUnit.T, 2)).isCloseTo(1.4286, within(1e-12));
    // 100 GJ steam × 34.1 kgce/GJ = 3.41 tce
    assertThat(FACTORS.tce(EnergyCarrier.STEAM, EnergyUnit.GJ, 100)).isCloseTo(3.41, within(1e-12));
    assertThat(FACTORS.tce(EnergyCarrier.DIESEL, EnergyUnit.T, 1)).isCloseTo(1.4571, within(1e-12));
    assertThat(FACTORS.tce(EnergyCarrier.HEAT, EnergyUnit.GJ, 1_000)).isCloseTo(34.12, within(1e-12));
  }

  @Test
  void listsTheUnitsThatFitEachCarrier() {
    assertThat(FACTORS.unitsByCarrier()).containsOnlyKeys(EnergyCarrier.values());
    assertThat(FACTORS.unitsByCarrier().get(EnergyCarrier.ELECTRICITY)).isEqualTo(Set.of(EnergyUnit.KWH));
    assertThat(FACTORS.unitsByCarrier().get(EnergyCarrier.COAL)).isEqualTo(Set.of(EnergyUnit.T));
  }

  @Test
  void refusesAUnitThatDoesNotFitTheCarrier() {
    assertThatThrownBy(() -> FACTORS.tce(EnergyCarrier.ELECTRICITY, EnergyUnit.M3, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("electricity").hasMessageContaining("m3");
  }

  @Test
  void aBadNumberFailsNamingFileLineAndField() throws IOException {
    Path file = write("""
        factors:
          electricity:
            kWh: 0.1229
          natural_gas:
            m3: lots
        """);
    assertThatThrownBy(() -> EnergyFactors.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file.toString() + ":5:")
        .hasMessageContaining("field 'factors.natural_gas.m3'")
        .hasMessageContaining("must be a number");
  }

  @Test
  void anUnknownUnitOrMissingCarrierFails() throws IOException {
    Path unknownUnit = write("""
        factors:
          electricity:
            MWh: 122.9
        """);
    assertThatThrownBy(() -> EnergyFactors.load(unknownUnit))
        .hasMessageContaining(":3:").hasMessageContaining("factors.electricity.MWh")
        .hasMessageContaining("unknown unit");
    Path missing = write("""
        factors:
          electricity:
            kWh: 0.1229
        """);
    assertThatThrownBy(() -> EnergyFactors.load(missing))
        .hasMessageContaining("field 'factors'").hasMessageContaining("missing carrier 'natural_gas'");
  }

  @Test
  void aNegativeFactorFails() throws IOException {
    Path file = write("factors:\n  electricity:\n    kWh: -0.1\n");
    assertThatThrownBy(() -> EnergyFactors.load(file))
        .hasMessageContaining(":3:").hasMessageContaining("must be a positive number");
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("energy-factors.yaml");
    Files.writeString(file, text);
    return file;
  }
}
