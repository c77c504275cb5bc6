package io.seedbed.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedbed.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invalid configuration fails fast naming the file, the line and the field. */
class RuleLoaderErrorsTest {
  private static final String HEAD = """
      id: t
      version: 1
      effectiveFrom: 2023-01-01
      pools:
        innovative:
          criteria:
      """;

  private static ConfigException error(String yaml) {
    try {
      RuleLoader.parse("t.yaml", yaml);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("no error for:\n" + yaml);
  }

  private static void assertError(String yaml, int line, String field, String words) {
    ConfigException e = error(yaml);
    assertThat(e.getMessage()).startsWith("t.yaml:" + line + ": field '" + field + "': ").contains(words);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.field()).isEqualTo(field);
  }

  @Test
  void unknownKey() {
    assertError(HEAD + "      all:\n        - {indicator: legal_person, op: \"==\", value: true, "
        + "treshold: 3}\n", 8, "pools.innovative.criteria.all[0].treshold", "unknown field 'treshold'");
  }

  @Test
  void wrongType() {
    assertError(HEAD + "      {indicator: debt_ratio, op: \"<=\", value: low}\n", 7,
        "pools.innovative.criteria.value", "expected a number, found the text 'low'");
  }

  @Test
  void versionMustBeAnInteger() {
    assertError(HEAD.replace("version: 1", "version: one") + "      {indicator: legal_person, "
        + "op: \"==\", value: true}\n", 2, "version", "expected an integer");
  }

  @Test
  void unknownIndicator() {
    assertError(HEAD + "      {indicator: rd_intensity, op: \">=\", value: 0.03}\n", 7,
        "pools.innovative.criteria.indicator", "unknown indicator 'rd_intensity'");
  }

  @Test
  void bandsNotMonotone() {
    assertError(HEAD + """
              name: s
              score:
                min: 10
                blocks:
                  - name: b
                    items:
                      - name: rd
                        indicator: rd_intensity_last_year
                        bands:
                          - {atLeast: 0.03, points: 15}
                          - {atLeast: 0.05, points: 20}
        """, 17, "pools.innovative.criteria.score.blocks[0].items[0].bands[1].atLeast",
        "bands not monotone");
  }

  @Test
  void bandPointsNotMonotone() {
    assertError(HEAD + """
              name: s
              score:
                min: 10
                blocks:
                  - name: b
                    items:
                      - name: debt
                        indicator: debt_ratio
                        bands:
                          - {atMost: 0.55, points: 5}
                          - {atMost: 0.75, points: 10}
        """, 17, "pools.innovative.criteria.score.blocks[0].items[0].bands[1].points",
        "points must not increase");
  }

  @Test
  void poolWithoutCriteria() {
    assertError("id: t\nversion: 1\neffectiveFrom: 2023-01-01\npools:\n  srdi:\n    target: 3\n",
        6, "pools.srdi", "a pool without criteria");
  }

  @Test
  void negativeThresholdForMoney() {
    assertError(HEAD + "      {indicator: rd_expense_last_year, op: \">=\", value: -1}\n", 7,
        "pools.innovative.criteria.value", "absurd threshold -1");
  }

  @Test
  void shareAboveOneLooksLikeAPercentage() {
    assertError(HEAD + "      {indicator: rd_intensity_last_year, op: \">=\", value: 3}\n", 7,
        "pools.innovative.criteria.value", "write 0.03 for 3%");
  }

  @Test
  void lookBackOfZeroYears() {
    assertError(HEAD + "      name: n\n      noIncident: {types: [accident], withinYears: 0}\n", 8,
        "pools.innovative.criteria.noIncident.withinYears", "at least 1 year");
  }

  @Test
  void unknownCodeInAList() {
    assertError(HEAD + "      {indicator: titles, op: in, value: [high_tech, hightech]}\n", 7,
        "pools.innovative.criteria.value[1]", "'hightech' is not a code of titles");
  }

  @Test
  void operatorNotAllowedForTheIndicator() {
    assertError(HEAD + "      {indicator: legal_person, op: \">=\", value: true}\n", 7,
        "pools.innovative.criteria.op", "allows only ==");
  }

  @Test
  void unknownPool() {
    assertError("id: t\nversion: 1\neffectiveFrom: 2023-01-01\npools:\n  gazele:\n"
        + "    criteria: {indicator: legal_person, op: \"==\", value: true}\n", 6, "pools.gazele",
        "unknown pool 'gazele'");
  }

  @Test
  void blockMinimumAboveItsPoints() {
    assertError(HEAD + """
              name: s
              score:
                min: 10
                blocks:
                  - name: b
                    min: 25
                    items:
                      - name: rd
                        indicator: rd_intensity_last_year
                        bands:
                          - {atLeast: 0.05, points: 20}
        """, 12, "pools.innovative.criteria.score.blocks[0].min", "exceeds the block's 20");
  }

  @Test
  void effectiveUntilBeforeFrom() {
    assertError(HEAD.replace("effectiveFrom: 2023-01-01", "effectiveFrom: 2023-01-01\n"
        + "effectiveUntil: 2022-12-31") + "      {indicator: legal_person, op: \"==\", value: "
        + "true}\n", 4, "effectiveUntil", "before it starts");
  }

  @Test
  void unknownCreditListInSuspendOn() {
    assertError("id: t\nversion: 1\neffectiveFrom: 2023-01-01\nsuspendOn:\n"
        + "  - {whileListed: [abnormal_operations]}\npools:\n  srdi:\n"
        + "    criteria: {indicator: legal_person, op: \"==\", value: true}\n", 5,
        "suspendOn[0].whileListed[0]", "'abnormal_operations' is not a credit list");
  }

  @Test
  void listingsAreNotIncidentsInSuspendOn() {
    // A listing blocks while listed (whileListed); no incident of type "listing" ever exists.
    assertError("id: t\nversion: 1\neffectiveFrom: 2023-01-01\npools:\n  srdi:\n"
        + "    criteria: {indicator: legal_person, op: \"==\", value: true}\n    suspendOn:\n"
        + "      - {types: [listing], years: 3}\n", 8, "pools.srdi.suspendOn[0].types[0]",
        "'listing' is not one of");
  }

  @Test
  void yamlSyntaxErrorNamesTheLine() {
    ConfigException e = error(HEAD + "      {indicator: legal_person, op: \"==\"\n");
    assertThat(e.getMessage()).startsWith("t.yaml:").contains("not valid YAML");
    assertThat(e.line()).isGreaterThanOrEqualTo(7);
  }

  @Test
  void overlappingRangesOfTheSameIdAndVersion(@TempDir Path dir) throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    String body = HEAD + "      {indicator: legal_person, op: \"==\", value: true}\n";
    Files.writeString(rules.resolve("a.yaml"), body.replace("2023-01-01",
        "2023-01-01\neffectiveUntil: 2023-12-31"));
    Files.writeString(rules.resolve("b.yaml"), body.replace("2023-01-01", "2023-06-01"));
    assertThatThrownBy(() -> RuleLoader.load(dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(rules.resolve("b.yaml") + ":3: field 'effectiveFrom': ")
        .hasMessageContaining("overlaps t v1");
  }

  @Test
  void cityPoolAlsoDefinedByTheRuleSet() {
    RuleSet rs = RuleLoader.parse("t.yaml", HEAD
        + "      {indicator: legal_person, op: \"==\", value: true}\n");
    CityConfig city = RuleLoader.parseCity("c.yaml", """
        city: x
        pools:
          innovative:
            criteria: {indicator: legal_person, op: "==", value: true}
        """);
    assertThatThrownBy(() -> RuleBook.of(List.of(rs), city))
        .hasMessageStartingWith("c.yaml:4: field 'pools.innovative': pool also defined by rule set t");
  }

  @Test
  void eligibleForCycle() {
    RuleSet rs = RuleLoader.parse("t.yaml", """
        id: t
        version: 1
        effectiveFrom: 2023-01-01
        pools:
          srdi:
            criteria: {name: a, eligibleFor: [listing_reserve]}
          listing_reserve:
            criteria: {name: b, eligibleFor: [srdi]}
        """);
    assertThatThrownBy(() -> RuleBook.of(List.of(rs), null))
        .hasMessageStartingWith("t.yaml:6: field 'pools.srdi': eligibleFor forms a cycle");
  }

  @Test
  void unknownDefinition() {
    assertError(HEAD + "      {ref: miit_comon}\n", 7, "pools.innovative.criteria.ref",
        "unknown definition 'miit_comon'");
  }
}
