package io.seedbed.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.pool.PoolChange;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * Where the transactional sink's parts run: the writer in the chain of the operator that feeds it
 * (it only buffers), the committer, which waits for PostgreSQL, in a chain of its own behind a
 * hand-over map. Read off the job graph Flink would submit.
 */
class TransactionalJdbcSinkTopologyTest {
  @Test
  void theCommitterRunsInATaskOfItsOwnAndTheWriterStaysWithItsInput() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
        Configuration.fromMap(Map.of("execution.checkpointing.interval", "10s")));
    env.setParallelism(2);
    DataStream<PoolChange> changes = env.fromSequence(1, 10)
        .map(i -> new PoolChange()).returns(TypeInformation.of(PoolChange.class))
        .uid("decide").name("Decide pools");
    new DatabaseSinks(new Database("jdbc:postgresql://localhost:1/none", "u", "p"),
        ResilientJdbcSink.Settings.defaults(), true).write(OutputTables.POOL_CHANGE, changes);

    JobGraph graph = env.getStreamGraph().getJobGraph();
    List<String> tasks = StreamSupport.stream(graph.getVertices().spliterator(), false)
        .map(JobVertex::getName).toList();

    assertThat(tasks).as("tasks of %s", tasks)
        .anySatisfy(t -> assertThat(t).contains("Decide pools").contains("Writer")
            .doesNotContain("Committer"))
        .anySatisfy(t -> assertThat(t).contains("batches to the committer").contains("Committer")
            .doesNotContain("Writer"));
    assertThat(graph.getVertices()).as("one committer task per writer task")
        .allSatisfy(v -> assertThat(v.getParallelism()).isEqualTo(2));
  }
}
