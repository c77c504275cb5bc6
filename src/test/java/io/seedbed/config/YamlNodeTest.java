package io.seedbed.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class YamlNodeTest {
  private static final String DOC = """
      # a header comment
      name: seedbed          # the product
      limits:
        months: 24
        share: 0.25
        on: true
        from: 2022-08-01
      codes: [a, b]
      bands:
        - {atLeast: 0.05, points: 20}
        - {atLeast: 0.03, points: 15}
      """;

  private static final YamlNode ROOT = YamlNode.parse("t.yaml", DOC);

  @Test
  void typedAccessorsReadTheValuesWithTheirLineAndPath() {
    assertThat(ROOT.get("name").text()).isEqualTo("seedbed");
    assertThat(ROOT.get("name").comment()).isEqualTo("the product");
    YamlNode limits = ROOT.get("limits").allowOnly("months", "share", "on", "from");
    assertThat(limits.get("months").positiveInt()).isEqualTo(24);
    assertThat(limits.get("months").integer(24, 24)).isEqualTo(24);
    assertThat(limits.get("share").number(0, 1)).isEqualTo(0.25);
    assertThat(limits.get("share").positiveDouble()).isEqualTo(0.25);
    assertThat(limits.get("on").bool()).isTrue();
    assertThat(limits.get("from").date()).isEqualTo(LocalDate.of(2022, 8, 1));
    assertThat(ROOT.get("codes").texts()).containsExactly("a", "b");
    YamlNode second = ROOT.get("bands").items().get(1);
    assertThat(second.path()).isEqualTo("bands[1]");
    assertThat(second.line()).isEqualTo(11);
    assertThat(second.get("points").integer()).isEqualTo(15);
    assertThat(limits.get("share").line()).isEqualTo(5);
    assertThat(ROOT.opt("absent")).isNull();
  }

  @Test
  void aWrongTypeNamesFileLineFieldAndWhatWasFound() {
    assertThatThrownBy(() -> ROOT.get("name").number())
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.file()).isEqualTo("t.yaml");
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.field()).isEqualTo("name");
        })
        .hasMessage("t.yaml:2: field 'name': expected a number, found the text 'seedbed'");
    assertThatThrownBy(() -> ROOT.get("limits").get("share").integer(0, 10))
        .hasMessage("t.yaml:5: field 'limits.share': expected an integer, found the number 0.25");
    assertThatThrownBy(() -> ROOT.get("limits").get("months").integer(1, 12))
        .hasMessage("t.yaml:4: field 'limits.months': must be between 1 and 12, got 24");
    assertThatThrownBy(() -> ROOT.get("codes").items().get(1).bool())
        .hasMessage("t.yaml:8: field 'codes[1]': expected true or false, found the text 'b'");
  }

  @Test
  void aMissingFieldIsReportedAtTheLineNamingItsMapping() {
    assertThatThrownBy(() -> ROOT.get("limits").get("years"))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.field()).isEqualTo("limits.years");
        })
        .hasMessage("t.yaml:3: field 'limits.years': missing");
  }

  @Test
  void anUnknownFieldIsRejectedNotIgnored() {
    assertThatThrownBy(() -> ROOT.get("limits").allowOnly("months", "share", "from"))
        .hasMessage("t.yaml:6: field 'limits.on': unknown field 'on'; allowed: months, share, from");
  }

  @Test
  void duplicatesAndSyntaxErrorsNameTheirLine() {
    assertThatThrownBy(() -> YamlNode.parse("d.yaml", "a: 1\nb: 2\na: 3\n"))
        .hasMessage("d.yaml:3: field 'a': duplicate field");
    assertThatThrownBy(() -> YamlNode.parse("s.yaml", "a: 1\nb: [1, 2\n"))
        .isInstanceOfSatisfying(ConfigException.class, e -> {
          assertThat(e.field()).isEqualTo("(syntax)");
          assertThat(e.line()).isGreaterThanOrEqualTo(2);
        })
        .hasMessageContaining("not valid YAML");
    assertThatThrownBy(() -> YamlNode.parse("e.yaml", ""))
        .hasMessage("e.yaml:1: empty file");
  }

  @Test
  void aDurationHasAUnitFromMillisecondsToDays() {
    YamlNode d = YamlNode.parse("d.yaml", "a: 500ms\nb: 60s\nc: 2min\nd: 1h\ne: 45d\nf: 60\ng: often\n");
    assertThat(d.get("a").duration()).isEqualTo(Duration.ofMillis(500));
    assertThat(d.get("b").duration()).isEqualTo(Duration.ofSeconds(60));
    assertThat(d.get("c").duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(d.get("d").duration()).isEqualTo(Duration.ofHours(1));
    assertThat(d.get("e").duration()).isEqualTo(Duration.ofDays(45));
    assertThatThrownBy(() -> d.get("f").duration()).hasMessage(
        "d.yaml:6: field 'f': expected a duration like 500ms, 60s, 2min, 1h or 45d, found the number 60");
    assertThatThrownBy(() -> d.get("g").duration()).hasMessage(
        "d.yaml:7: field 'g': expected a duration like 500ms, 60s, 2min, 1h or 45d, found the text 'often'");
  }

  @Test
  void oneOfAcceptsOnlyTheListedTexts() {
    assertThat(ROOT.get("codes").items().get(0).oneOf("a", "z")).isEqualTo("a");
    assertThatThrownBy(() -> ROOT.get("name").oneOf("run", "backtest"))
        .hasMessage("t.yaml:2: field 'name': 'seedbed' is not one of run, backtest");
  }

  @Test
  void scalarTextIsAnyValueAsWrittenNumbersAndBooleansIncluded() {
    YamlNode limits = ROOT.get("limits");
    assertThat(limits.get("months").scalarText()).isEqualTo("24");
    assertThat(limits.get("on").scalarText()).isEqualTo("true");
    assertThat(ROOT.get("name").scalarText()).isEqualTo("seedbed");
    assertThatThrownBy(() -> ROOT.get("codes").scalarText())
        .hasMessage("t.yaml:8: field 'codes': expected a single value, found a list");
  }

  @Test
  void anAbsentOptionalMappingReadsAsEmptyAndErrsAtItsParent() {
    YamlNode absent = ROOT.get("limits").optMap("extra");
    assertThat(absent.entries()).isEmpty();
    assertThat(absent.path()).isEqualTo("limits.extra");
    assertThatThrownBy(() -> absent.get("x")).hasMessage("t.yaml:3: field 'limits.extra.x': missing");
    assertThat(ROOT.optMap("limits").get("months").integer()).isEqualTo(24);
    assertThatThrownBy(() -> ROOT.optMap("name"))
        .hasMessage("t.yaml:2: field 'name': expected a mapping, found the text 'seedbed'");
  }

  @Test
  void errorAtNamesTheKeyLineOfAFieldPresentOrAbsent() {
    // a block mapping starts on the line after its key; the error points at the key
    assertThat(ROOT.get("limits").line()).isEqualTo(4);
    assertThat(ROOT.errorAt("limits", "bad")).hasMessage("t.yaml:3: field 'limits': bad");
    assertThat(ROOT.get("limits").errorAt("years", "needed"))
        .hasMessage("t.yaml:3: field 'limits.years': needed");
  }
}
