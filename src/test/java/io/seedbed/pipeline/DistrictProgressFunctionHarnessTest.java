package io.seedbed.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seedbed.pool.DistrictProgress;
import io.seedbed.pool.DistrictTally;
import io.seedbed.pool.Transition;
import io.seedbed.testing.ProjectFiles;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DistrictProgressFunction} in a Flink test harness, keyed by district as in the pipeline:
 * each transition moves one count, only rows whose counts moved are emitted, and the tally lives in
 * keyed state per district. Targets: config/city/pools.yaml splits the city's 600 srdi firms over
 * five districts of equal weight (120 each); {@code innovative} has no plan target (null).
 */
class DistrictProgressFunctionHarnessTest {
  private static final String DONGGANG = "371102";
  private static final String LANSHAN = "371103";

  private KeyedOneInputStreamOperatorTestHarness<String, Transition, DistrictProgress> harness;

  @BeforeEach
  void open() throws Exception {
    DistrictProgressFunction fn =
        new DistrictProgressFunction(ConfigBundle.read(ProjectFiles.path("config")));
    harness = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(fn),
        (KeySelector<Transition, String>) t -> t.district, Types.STRING);
    harness.setup(TypeInformation.of(DistrictProgress.class)
        .createSerializer(harness.getExecutionConfig().getSerializerConfig()));
    harness.open();
  }

  @AfterEach
  void close() throws Exception {
    harness.close();
  }

  @Test
  void aFirstMemberAndAFirstCandidateAreCountedWithTheirTargets() throws Exception {
    send(DONGGANG, "innovative", null, "member");
    send(DONGGANG, "srdi", null, "candidate");

    // district, pool, members, candidates, suspended, target
    assertThat(rows()).containsExactly(
        tuple(DONGGANG, "innovative", 1, 0, 0, null),
        tuple(DONGGANG, "srdi", 0, 1, 0, 120));
  }

  @Test
  void aMemberSuspendedAndBackMovesOneCountEachWay() throws Exception {
    send(DONGGANG, "innovative", null, "member");
    send(DONGGANG, "innovative", null, "member");
    send(DONGGANG, "innovative", "member", "suspended");
    send(DONGGANG, "innovative", "suspended", "member");

    assertThat(rows()).containsExactly(
        tuple(DONGGANG, "innovative", 1, 0, 0, null),
        tuple(DONGGANG, "innovative", 2, 0, 0, null),
        tuple(DONGGANG, "innovative", 1, 0, 1, null),
        tuple(DONGGANG, "innovative", 2, 0, 0, null));
  }

  @Test
  void aCandidateThatEntersAndThenExitsLeavesEveryCountAtZero() throws Exception {
    send(DONGGANG, "srdi", null, "candidate");
    send(DONGGANG, "srdi", "candidate", "member");
    send(DONGGANG, "srdi", "member", "exited");

    assertThat(rows()).containsExactly(
        tuple(DONGGANG, "srdi", 0, 1, 0, 120),
        tuple(DONGGANG, "srdi", 1, 0, 0, 120),
        tuple(DONGGANG, "srdi", 0, 0, 0, 120));
  }

  @Test
  void transitionsThatMoveNoCountEmitNothing() throws Exception {
    send(DONGGANG, "srdi", "member", "member"); // a re-stamped membership
    send(DONGGANG, "srdi", null, "exited"); // first seen already out: counted nowhere

    assertThat(rows()).isEmpty();
  }

  /** A firm moving district: the processor sends "out of the old" and "into the new". */
  @Test
  void aFirmMovingDistrictIsCountedInTheNewOneOnly() throws Exception {
    send(DONGGANG, "srdi", null, "member");
    send(DONGGANG, "srdi", "member", null);
    send(LANSHAN, "srdi", null, "member");

    assertThat(rows()).containsExactly(
        tuple(DONGGANG, "srdi", 1, 0, 0, 120),
        tuple(DONGGANG, "srdi", 0, 0, 0, 120),
        tuple(LANSHAN, "srdi", 1, 0, 0, 120));
    // one tally per district, in keyed state
    assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
    assertThat(tally(DONGGANG).rows.get(DONGGANG + "|srdi").members).isZero();
    assertThat(tally(LANSHAN).rows.get(LANSHAN + "|srdi").members).isEqualTo(1);
  }

  @Test
  void aDistrictTheCityDoesNotListIsCountedAsUnknownWithoutATarget() throws Exception {
    send("999999", "srdi", null, "member");

    assertThat(rows()).containsExactly(tuple(DistrictTally.UNKNOWN, "srdi", 1, 0, 0, null));
  }

  @Test
  void countsPerPoolAreKeptApartInTheDistrictsState() throws Exception {
    send(DONGGANG, "srdi", null, "member");
    send(DONGGANG, "srdi", null, "candidate");
    send(DONGGANG, "innovative", null, "suspended");
    send(DONGGANG, "innovative", null, "member");

    DistrictTally tally = tally(DONGGANG);
    assertThat(tally.rows.values())
        .extracting(r -> r.pool, r -> r.members, r -> r.candidates, r -> r.suspended)
        .containsExactlyInAnyOrder(tuple("srdi", 1, 1, 0), tuple("innovative", 1, 0, 1));
    assertThat(harness.numKeyedStateEntries()).isEqualTo(1);
  }

  private void send(String district, String pool, String from, String to) throws Exception {
    harness.processElement(new Transition(district, pool, from, to), 0L);
  }

  private List<Tuple> rows() {
    return harness.extractOutputValues().stream()
        .map(r -> tuple(r.district, r.pool, r.members, r.candidates, r.suspended, r.target))
        .toList();
  }

  private DistrictTally tally(String district) throws Exception {
    KeyedStateBackend<String> backend = harness.getOperator().getKeyedStateBackend();
    backend.setCurrentKey(district);
    return backend.getPartitionedState(VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE,
        DistrictProgressFunction.TALLY).value();
  }
}
