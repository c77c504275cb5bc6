package io.seedbed.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedbed.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link TransactionalJdbcSink} in a tiny streaming job: rows 1..1500 are numbered with the attempt
 * that produced them. Attempt 0 fails a few rows after a checkpoint completed, and just before, it
 * emits a phantom row (id -1 - attempt) that no later attempt produces. Rows of the failed
 * attempt's unfinished checkpoint must not reach PostgreSQL: every id exactly once, committed ones
 * from attempt 0 and the replayed rest from attempt 1, and no phantom. The same job through the
 * direct at-least-once writer shows what the test catches: the phantom and doubled ids.
 */
class TransactionalJdbcSinkIT {
  @RegisterExtension
  static final MiniClusterExtension MINI = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder()
          .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  private static final int ROWS = 1500;
  /** Rows attempt 0 emits after its phantom, before it fails: the uncommitted window. */
  private static final int WINDOW = 40;

  /** One produced row: its number and the attempt of the task that produced it. */
  public static class Numbered {
    public int id;
    public int attempt;

    public Numbered() {}

    Numbered(int id, int attempt) {
      this.id = id;
      this.attempt = attempt;
    }
  }

  static final OutputTable<Numbered> NUMBERED = OutputTable
      .<Numbered>builder("numbered", OutputTable.Mode.INSERT_ONCE)
      .column("id", OutputTable.Type.INT, r -> r.id)
      .column("attempt", OutputTable.Type.INT, r -> r.attempt)
      .key("id", "attempt")
      .build();

  /** Writes every row at once, so whatever the failed attempt produced is in the table. */
  static final ResilientJdbcSink.Settings EVERY_ROW = new ResilientJdbcSink.Settings(
      1, Duration.ofMillis(10), Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(500));

  private Database db;

  @BeforeEach
  void freshTable() throws Exception {
    FailAfterCheckpoint.FAILED.set(false);
    db = TestPostgres.freshDatabase();
    try (Connection c = db.connect(); Statement st = c.createStatement()) {
      st.execute("CREATE TABLE numbered (id integer, attempt integer, PRIMARY KEY (id, attempt))");
    }
  }

  @Test
  void rowsOfAnUnfinishedCheckpointNeverBecomeVisible() throws Exception {
    run(new DatabaseSinks(db, EVERY_ROW, true));

    assertThat(FailAfterCheckpoint.FAILED).as("failure injected").isTrue();
    List<Map<String, Object>> rows = rows();
    assertThat(rows).extracting(r -> r.get("id"))
        .as("every id exactly once, no phantom")
        .containsExactlyElementsOf(IntStream.rangeClosed(1, ROWS).boxed().collect(Collectors.toList()));
    int lastOfAttempt0 = maxId(rows, 0);
    assertThat(lastOfAttempt0).as("rows committed before the failure").isPositive();
    assertThat(rows).as("the rest replayed by attempt 1")
        .allSatisfy(r -> assertThat(r.get("attempt"))
            .isEqualTo((Integer) r.get("id") <= lastOfAttempt0 ? 0 : 1));
  }

  @Test
  void theDirectWriterLeavesTheFailedAttemptsRowsBehind() throws Exception {
    run(new DatabaseSinks(db, EVERY_ROW, false));

    assertThat(FailAfterCheckpoint.FAILED).as("failure injected").isTrue();
    List<Map<String, Object>> rows = rows();
    assertThat(rows).extracting(r -> r.get("id")).as("the phantom of attempt 0").contains(-1);
    assertThat(rows.size()).as("ids of the failed window twice, plus the phantom")
        .isGreaterThanOrEqualTo(ROWS + WINDOW + 1);
  }

  @Test
  void refusesAStreamWithoutExactlyOnceCheckpoints() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
        Configuration.fromMap(Map.of("execution.checkpointing.interval", "1s",
            "execution.checkpointing.mode", "AT_LEAST_ONCE")));
    DataStream<Numbered> rows = env.fromData(new Numbered(1, 0));
    assertThatThrownBy(() -> new DatabaseSinks(db, EVERY_ROW, true).write(NUMBERED, rows))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("PostgreSQL sink for numbered commits on checkpoints, but "
            + "execution.checkpointing.mode is AT_LEAST_ONCE, not EXACTLY_ONCE");

    StreamExecutionEnvironment unchecked = StreamExecutionEnvironment.getExecutionEnvironment();
    DataStream<Numbered> more = unchecked.fromData(new Numbered(1, 0));
    assertThatThrownBy(() -> new DatabaseSinks(db, EVERY_ROW, true).write(NUMBERED, more))
        .hasMessageContaining("checkpointing is off");
  }

  private static void run(DatabaseSinks sinks) throws Exception {
    Configuration conf = new Configuration();
    conf.setString("execution.checkpointing.interval", "300ms");
    conf.setString("restart-strategy.type", "fixed-delay");
    conf.setString("restart-strategy.fixed-delay.attempts", "3");
    conf.setString("restart-strategy.fixed-delay.delay", "100ms");
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(1);
    DataStream<Numbered> rows = env.fromSequence(1, ROWS).uid("numbers")
        .flatMap(new FailAfterCheckpoint()).uid("number")
        .returns(TypeInformation.of(Numbered.class));
    sinks.write(NUMBERED, rows);
    env.execute("transactional-sink-test");
  }

  private List<Map<String, Object>> rows() throws Exception {
    return TestPostgres.query(db, "SELECT id, attempt FROM numbered ORDER BY id, attempt");
  }

  private static int maxId(List<Map<String, Object>> rows, int attempt) {
    return rows.stream().filter(r -> r.get("attempt").equals(attempt))
        .mapToInt(r -> (Integer) r.get("id")).max().orElse(0);
  }

  /**
   * Numbers each value with the task's attempt, slowly (about 1 ms a row, so checkpoints fall in
   * between). In attempt 0, once a checkpoint has completed, it emits the phantom, then
   * {@link #WINDOW} more rows, then fails; should the next checkpoint come first, that checkpoint
   * fails instead, so the window is never part of a completed checkpoint. The failure happens once
   * per test ({@link #FAILED} is static: the MiniCluster runs in this JVM).
   */
  static final class FailAfterCheckpoint extends RichFlatMapFunction<Long, Numbered>
      implements CheckpointListener, CheckpointedFunction {
    static final AtomicBoolean FAILED = new AtomicBoolean();

    private transient volatile boolean checkpointDone;
    /** Rows since the phantom, or -1 before it (set in open: transient fields are not initialised). */
    private transient int sincePhantom;

    @Override
    public void open(OpenContext context) {
      sincePhantom = -1;
    }

    @Override
    public void flatMap(Long value, Collector<Numbered> out) throws InterruptedException {
      Thread.sleep(1);
      int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
      if (attempt == 0 && checkpointDone && !FAILED.get()) {
        if (sincePhantom < 0) {
          out.collect(new Numbered(-1 - attempt, attempt));
          sincePhantom = 0;
        } else if (++sincePhantom > WINDOW) {
          fail("after " + WINDOW + " rows of an unfinished checkpoint");
        }
      }
      out.collect(new Numbered(value.intValue(), attempt));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      checkpointDone = true;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
      if (sincePhantom >= 0 && !FAILED.get()) {
        fail("in checkpoint " + context.getCheckpointId() + ", which would commit the phantom");
      }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {}

    private static void fail(String where) {
      FAILED.set(true);
      throw new IllegalStateException("injected failure " + where);
    }
  }
}
