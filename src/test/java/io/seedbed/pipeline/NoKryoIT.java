package io.seedbed.pipeline;

import static io.seedbed.pipeline.EnterpriseFixtures.uscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.seedbed.io.FileFeedSources;
import io.seedbed.io.OutputTables;
import io.seedbed.testing.CollectingSinks;
import io.seedbed.testing.PipelineRuns;
import io.seedbed.testing.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole graph ({@link Pipeline#define}: every feed, a rules stream, every side output and
 * sink, district progress) runs with generic types disabled ({@code pipeline.generic-types: false},
 * {@link PipelineOptions#GENERIC_TYPES}): Flink then refuses to create a Kryo serializer for any
 * record, state or side output, so a successful run proves nothing falls back to Kryo.
 */
class NoKryoIT {
  @RegisterExtension
  static final MiniClusterExtension MINI = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final String QUALIFYING = uscc(21);
  private static final String TECH_SME = uscc(22);

  @TempDir
  Path tmp;

  @ParameterizedTest
  @EnumSource(value = RuntimeExecutionMode.class, names = {"STREAMING", "BATCH"})
  void theWholePipelineRunsWithGenericTypesDisabled(RuntimeExecutionMode mode) throws Exception {
    Path feeds = writeFeeds(tmp.resolve("feeds"));
    StreamExecutionEnvironment env = environment(mode);
    CollectingSinks sinks = new CollectingSinks();
    String v1 = Files.readString(ProjectFiles.path("config/rules/miit-2022.yaml"));
    RuleSources rules = RuleSources.of(List.of(
        new RuleUpdate("rules/miit-2022.yaml", v1.replace("version: 1", "version: 2")
            .replace("value: [high_tech]}", "value: [high_tech, tech_sme]}"), "test"),
        new RuleUpdate("rules/broken.yaml", "id: Not-An-Id\n", "test")));

    Pipeline.define(env, new FileFeedSources(feeds, false, Duration.ofSeconds(1)), rules, sinks,
        PipelineConfig.defaults(ConfigBundle.read(ProjectFiles.path("config")),
            JobClock.fixed(PipelineRuns.NOW)));
    env.execute("no-kryo-" + mode);

    // Rows went through every kind of edge: the firm admitted by rule version 2 (when the update
    // meets its records depends on timing, the outcome does not), one rejected line per source.
    assertThat(sinks.rows(OutputTables.POOL_MEMBERSHIP).stream()
        .filter(m -> m.uscc.equals(TECH_SME) && m.pool.equals("innovative")).toList())
        .last().extracting(m -> m.status, m -> m.ruleVersion).containsExactly("member", 2);
    assertThat(sinks.rows(OutputTables.REJECTED_RECORD)).extracting(r -> r.feed, r -> r.reason)
        .containsExactlyInAnyOrder(
            tuple("tax", "malformed_json"),
            tuple("rules", "invalid_rules"));
    assertThat(sinks.rows(OutputTables.INCIDENT)).extracting(i -> i.uscc).containsExactly(QUALIFYING);
    assertThat(sinks.rows(OutputTables.DISTRICT_PROGRESS)).isNotEmpty();
    assertThat(sinks.rows(OutputTables.INDICATOR_SNAPSHOT)).extracting(s -> s.uscc)
        .contains(QUALIFYING, TECH_SME);
  }

  /** The control: the same environment does reject a type that would need Kryo. */
  @Test
  void theSettingRejectsAGenericType() {
    StreamExecutionEnvironment env = environment(RuntimeExecutionMode.STREAMING);
    assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();

    assertThatThrownBy(() -> {
      env.fromData(YearMonth.of(2025, 1)).print();
      env.execute("generic");
    }).hasStackTraceContaining("Generic types have been disabled");
  }

  private static StreamExecutionEnvironment environment(RuntimeExecutionMode mode) {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    conf.set(ExecutionOptions.RUNTIME_MODE, mode);
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    return env;
  }

  /** A line or two per feed: two firms (one suspended by an accident), and one malformed line. */
  private static Path writeFeeds(Path dir) throws Exception {
    Files.createDirectories(dir);
    write(dir, "registry",
        profile(QUALIFYING), title(QUALIFYING, "high_tech"),
        profile(TECH_SME), title(TECH_SME, "tech_sme"));
    write(dir, "tax",
        annualReturn(QUALIFYING), rating(QUALIFYING), annualReturn(TECH_SME), rating(TECH_SME),
        "{\"kind\":\"vat_return\",\"uscc\":");
    write(dir, "credit", "{\"kind\":\"accident\",\"uscc\":\"" + QUALIFYING + "\",\"caseId\":\"ACC-1\","
        + "\"category\":\"safety\",\"severity\":\"major\",\"occurredAt\":\"2022-09-10T10:00:00+08:00\"}");
    write(dir, "energy", "{\"kind\":\"meter\",\"uscc\":\"" + QUALIFYING + "\",\"carrier\":\"electricity\","
        + "\"amount\":123456.7,\"unit\":\"kWh\",\"from\":\"2022-08-01\",\"to\":\"2022-08-31\",\"meterId\":\"M-1\"}");
    write(dir, "patent", "{\"kind\":\"ip_event\",\"uscc\":\"" + TECH_SME + "\",\"ipNo\":\"ZL202110123456.7\","
        + "\"ipType\":\"invention\",\"event\":\"granted\",\"at\":\"2022-06-10T00:00:00+08:00\"}");
    return dir;
  }

  private static void write(Path dir, String feed, String... lines) throws Exception {
    Files.write(dir.resolve(feed + ".jsonl"), List.of(lines), StandardCharsets.UTF_8);
  }

  private static String profile(String uscc) {
    return "{\"kind\":\"profile\",\"uscc\":\"" + uscc + "\",\"at\":\"2022-08-05T09:00:00+08:00\","
        + "\"name\":\"日照测试科技有限公司\",\"registeredAt\":\"2015-03-01\",\"district\":\"371102\","
        + "\"industry\":\"C3311\",\"legalPerson\":true,\"status\":\"active\"}";
  }

  private static String title(String uscc, String title) {
    return "{\"kind\":\"title\",\"uscc\":\"" + uscc + "\",\"title\":\"" + title + "\",\"action\":\"granted\","
        + "\"at\":\"2022-08-20T10:00:00+08:00\",\"validUntil\":\"2026-08-19\"}";
  }

  private static String annualReturn(String uscc) {
    return "{\"kind\":\"annual_return\",\"uscc\":\"" + uscc + "\",\"year\":2021,\"operatingRevenue\":3.0E7,"
        + "\"mainBusinessRevenue\":2.7E7,\"netProfit\":2000000,\"totalAssets\":2.1E7,"
        + "\"totalLiabilities\":8000000,\"rdExpense\":1200000,\"employees\":50,\"rdStaff\":10,"
        + "\"filedAt\":\"2022-08-10T10:00:00+08:00\"}";
  }

  private static String rating(String uscc) {
    return "{\"kind\":\"credit_rating\",\"uscc\":\"" + uscc + "\",\"year\":2021,\"level\":\"A\","
        + "\"publishedAt\":\"2022-08-15T10:00:00+08:00\"}";
  }
}
