package io.seedbed.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The harness against Flink's own behaviour: a separate TaskManager JVM registers its two slots,
 * its death is noticed by the JobManager, and a new one takes its place.
 */
class StandaloneClusterIT {
  private static StandaloneCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    long t0 = System.nanoTime();
    cluster = StandaloneCluster.start();
    System.out.printf("StandaloneCluster started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void oneTaskManagerWithTwoSlotsThatComesBackAfterAKill() throws Exception {
    JsonNode overview = cluster.rest("/overview");
    assertThat(overview.path("taskmanagers").asInt()).isEqualTo(1);
    assertThat(overview.path("slots-total").asInt()).isEqualTo(2);
    assertThat(overview.path("flink-version").asText()).isEqualTo(StandaloneCluster.FLINK_VERSION);

    long t0 = System.nanoTime();
    cluster.killTaskManager();
    cluster.awaitOverview(o -> o.path("taskmanagers").asInt() == 0, "0 TaskManagers",
        Duration.ofSeconds(30));
    long lost = System.nanoTime();

    cluster.startTaskManager();
    JsonNode back = cluster.rest("/overview");
    System.out.printf("TaskManager loss noticed in %d ms, new one registered in %d ms%n",
        (lost - t0) / 1_000_000, (System.nanoTime() - lost) / 1_000_000);

    assertThat(back.path("taskmanagers").asInt()).isEqualTo(1);
    assertThat(back.path("slots-total").asInt()).isEqualTo(2);
  }

  @Test
  void aJobJarGoesInThroughTheCliStopsWithASavepointAndRestoresFromIt() throws Exception {
    Path jar = TinyJob.jar(cluster.home().resolve("jars"));

    long t0 = System.nanoTime();
    String bounded = cluster.submit(jar, "500");
    long submitted = System.nanoTime();
    cluster.awaitJobStatus(bounded, "FINISHED", Duration.ofSeconds(60));

    // -D options reach the job, as jobs/submit relies on
    String endless = cluster.submit(List.of("-D", "pipeline.name=tiny endless",
        "-D", "execution.checkpointing.interval=1500ms", "-D", "state.backend.type=hashmap"), jar);
    cluster.awaitJobStatus(endless, "RUNNING", Duration.ofSeconds(60));
    assertThat(cluster.rest("/jobs/" + endless).path("name").asText()).isEqualTo("tiny endless");
    JsonNode checkpoints = cluster.rest("/jobs/" + endless + "/checkpoints/config");
    assertThat(checkpoints.path("interval").asLong()).isEqualTo(1500);
    assertThat(checkpoints.path("state_backend").asText()).isEqualTo("HashMapStateBackend");
    long t1 = System.nanoTime();
    String savepoint = cluster.stopWithSavepoint(endless, cluster.home().resolve("savepoints"));
    long stopped = System.nanoTime();
    cluster.awaitJobStatus(endless, "FINISHED", Duration.ofSeconds(30));
    assertThat(Path.of(URI.create(savepoint)).resolve("_metadata")).exists();

    String restored = cluster.submitFromSavepoint(savepoint, jar);
    cluster.awaitJobStatus(restored, "RUNNING", Duration.ofSeconds(60));
    System.out.printf("CLI submit %d ms, stop-with-savepoint %d ms%n",
        (submitted - t0) / 1_000_000, (stopped - t1) / 1_000_000);

    assertThat(restored).isNotIn(bounded, endless);
    assertThat(cluster.rest("/jobs/" + restored + "/checkpoints")
        .path("latest").path("restored").path("external_path").asText())
        .isEqualTo(savepoint);
  }
}
