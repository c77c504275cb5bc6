package io.seedbed.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boundaries of criteria.md §8; revenue and assets are passed in yuan (1 万元 = 10,000 yuan). */
class SmeClassifierTest {
  private static final SmeClassifier SME = SmeClassifier.load(Path.of("config/sme-classification.yaml"));
  private static final double WAN = 10_000;

  @TempDir
  Path dir;

  @Test
  void industryBoundaries() {
    String c = "C3311";
    // medium: employees >= 300 and revenue >= 2000万
    assertThat(SME.classify(c, 300, 2000 * WAN, null)).isEqualTo("medium");
    assertThat(SME.classify(c, 299, 2000 * WAN, null)).isEqualTo("small");
    assertThat(SME.classify(c, 300, 2000 * WAN - 1, null)).isEqualTo("small");
    // small: employees >= 20 and revenue >= 300万; micro if either is below
    assertThat(SME.classify(c, 20, 300 * WAN, null)).isEqualTo("small");
    assertThat(SME.classify(c, 19, 300 * WAN, null)).isEqualTo("micro");
    assertThat(SME.classify(c, 500, 300 * WAN - 1, null)).isEqualTo("micro");
    // large only if BOTH reach the ceiling (1000 people, 40000万); one below keeps it an SME
    assertThat(SME.classify(c, 1000, 40000 * WAN, null)).isEqualTo("large");
    assertThat(SME.classify(c, 999, 90000 * WAN, null)).isEqualTo("medium");
    assertThat(SME.classify(c, 5000, 40000 * WAN - 1, null)).isEqualTo("medium");
    // mining and utilities are industry too
    assertThat(SME.classify("B0610", 20, 300 * WAN, null)).isEqualTo("small");
    assertThat(SME.classify("D4411", 1000, 40000 * WAN, null)).isEqualTo("large");
  }

  @Test
  void wholesaleBoundaries() {
    String f = "F5171";
    assertThat(SME.classify(f, 20, 5000 * WAN, null)).isEqualTo("medium");
    assertThat(SME.classify(f, 19, 5000 * WAN, null)).isEqualTo("small");
    assertThat(SME.classify(f, 5, 1000 * WAN, null)).isEqualTo("small");
    assertThat(SME.classify(f, 4, 1000 * WAN, null)).isEqualTo("micro");
    assertThat(SME.classify(f, 200, 40000 * WAN, null)).isEqualTo("large");
    assertThat(SME.classify(f, 199, 40000 * WAN, null)).isEqualTo("medium");
  }

  @Test
  void softwareBoundaries() {
    String i = "I6510";
    assertThat(SME.classify(i, 100, 1000 * WAN, null)).isEqualTo("medium");
    assertThat(SME.classify(i, 10, 50 * WAN, null)).isEqualTo("small");
    assertThat(SME.classify(i, 10, 50 * WAN - 1, null)).isEqualTo("micro");
    assertThat(SME.classify(i, 9, 900 * WAN, null)).isEqualTo("micro");
    assertThat(SME.classify(i, 300, 10000 * WAN, null)).isEqualTo("large");
    assertThat(SME.classify(i, 300, 10000 * WAN - 1, null)).isEqualTo("medium");
  }

  @Test
  void sectorsUsingAssets() {
    // construction: revenue >= 6000万 and assets >= 5000万 → medium
    assertThat(SME.classify("E4710", null, 6000 * WAN, 5000 * WAN)).isEqualTo("medium");
    assertThat(SME.classify("E4710", null, 6000 * WAN, 4999 * WAN)).isEqualTo("small");
    // leasing and business services: employees and assets
    assertThat(SME.classify("L7211", 10, null, 100 * WAN)).isEqualTo("small");
    assertThat(SME.classify("L7211", 10, null, 99 * WAN)).isEqualTo("micro");
  }

  @Test
  void industrySectionsByLongestPrefix() {
    assertThat(SME.section("A0111")).isEqualTo("agriculture");
    assertThat(SME.section("C3311")).isEqualTo("industry");
    assertThat(SME.section("F5211")).isEqualTo("retail");
    assertThat(SME.section("G5410")).isEqualTo("transport");
    assertThat(SME.section("G5951")).isEqualTo("warehousing");
    assertThat(SME.section("G6010")).isEqualTo("postal");
    assertThat(SME.section("H6110")).isEqualTo("accommodation");
    assertThat(SME.section("H6210")).isEqualTo("catering");
    assertThat(SME.section("I6311")).isEqualTo("information_transmission");
    assertThat(SME.section("I6410")).isEqualTo("information_transmission");
    assertThat(SME.section("K7010")).isEqualTo("real_estate_development");
    assertThat(SME.section("K7020")).isEqualTo("property_management");
    assertThat(SME.section("K7090")).isEqualTo("other");
    assertThat(SME.section("J6610")).isEqualTo("other");
    assertThat(SME.section(null)).isNull();
  }

  @Test
  void missingInputsGiveNull() {
    assertThat(SME.classify(null, 100, 1e8, 1e8)).isNull();
    assertThat(SME.classify("C3311", null, 1e8, null)).isNull();
    assertThat(SME.classify("C3311", 100, null, null)).isNull();
    assertThat(SME.classify("E4710", 100, 1e8, null)).isNull();
    // agriculture uses revenue only: employees may be unknown
    assertThat(SME.classify("A0111", null, 500 * WAN, null)).isEqualTo("medium");
    // "other" uses employees only
    assertThat(SME.classify("J6610", 10, null, null)).isEqualTo("small");
  }

  @Test
  void anUnknownSectorInTheMappingFailsNamingLineAndField() throws IOException {
    Path file = dir.resolve("sme.yaml");
    Files.writeString(file, """
        sectors:
          other:
            smeCeiling: {employees: 300}
            medium: {employees: 100}
            small: {employees: 10}
        industryPrefixes:
          C: manufacturing
        """);
    assertThatThrownBy(() -> SmeClassifier.load(file))
        .hasMessageContaining(file + ":7:")
        .hasMessageContaining("field 'industryPrefixes.C'")
        .hasMessageContaining("unknown sector 'manufacturing'");
  }
}
