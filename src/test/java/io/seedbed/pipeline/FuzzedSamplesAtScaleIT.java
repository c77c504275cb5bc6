package io.seedbed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.feed.Feed;
import io.seedbed.feed.Hashes;
import io.seedbed.io.Database;
import io.seedbed.io.OutputTable;
import io.seedbed.io.OutputTables;
import io.seedbed.testing.PipelineRuns;
import io.seedbed.testing.ProjectFiles;
import io.seedbed.testing.TableDump;
import io.seedbed.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input at scale: 100,000 mutated lines mixed into the shipped samples. No crash, every
 * mutated line rejected with a reason, and every other table equal to the clean run.
 */
@Tag("slow")
class FuzzedSamplesAtScaleIT {
  @RegisterExtension
  static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  static final int MUTATIONS = 100_000;

  @TempDir
  Path work;

  @Test
  void aHundredThousandBadLinesAreAllRejectedAndChangeNothingElse() throws Exception {
    Path samples = ProjectFiles.path("samples");
    Random random = new Random(100_000);
    Set<String> mutatedIds = new HashSet<>();
    for (Feed feed : Feed.DATA) {
      List<String> lines = Files.readAllLines(samples.resolve(feed.id() + ".jsonl"), StandardCharsets.UTF_8);
      List<String> mixed = new ArrayList<>(lines);
      for (int i = 0; i < MUTATIONS / Feed.DATA.length; i++) {
        String bad = Mutations.mutate(lines.get(random.nextInt(lines.size())), i % Mutations.KINDS, random);
        mixed.add(bad);
        mutatedIds.add(Hashes.sha256Hex(feed.id() + "\n" + bad));
      }
      java.util.Collections.shuffle(mixed, random);
      Files.write(work.resolve(feed.id() + ".jsonl"), mixed, StandardCharsets.UTF_8);
    }
    Database clean = TestPostgres.freshDatabase();
    PipelineRuns.run(samples, clean, 2);
    Database fuzzed = TestPostgres.freshDatabase();
    PipelineRuns.run(work, fuzzed, 2);

    Set<String> rejected = new HashSet<>();
    TestPostgres.query(fuzzed, "SELECT rejected_id FROM rejected_record WHERE reason IS NOT NULL")
        .forEach(r -> rejected.add((String) r.get("rejected_id")));
    assertThat(mutatedIds).hasSizeGreaterThan(MUTATIONS * 9 / 10); // distinct mutated lines
    assertThat(rejected).containsAll(mutatedIds);
    for (OutputTable<?> t : OutputTables.ALL) {
      if (t != OutputTables.REJECTED_RECORD) {
        assertThat(TableDump.fromDatabase(fuzzed, t)).as(t.name)
            .containsExactlyElementsOf(TableDump.fromDatabase(clean, t));
      }
    }
  }
}
