package io.seedbed.pool;

import static org.apache.flink.types.PojoTestUtils.assertSerializedAsPojoWithoutKryo;

import org.junit.jupiter.api.Test;

/** Everything the Flink operators keep in state or send downstream serializes as a POJO, never with Kryo. */
class PoolPojoTest {
  @Test
  void stateClasses() {
    assertSerializedAsPojoWithoutKryo(EnterprisePools.class);
    assertSerializedAsPojoWithoutKryo(PoolState.class);
    assertSerializedAsPojoWithoutKryo(DistrictTally.class);
  }

  @Test
  void rowClasses() {
    assertSerializedAsPojoWithoutKryo(PoolChange.class);
    assertSerializedAsPojoWithoutKryo(PoolMembership.class);
    assertSerializedAsPojoWithoutKryo(CandidateRow.class);
    assertSerializedAsPojoWithoutKryo(IncidentRow.class);
    assertSerializedAsPojoWithoutKryo(DistrictProgress.class);
    assertSerializedAsPojoWithoutKryo(RewardRow.class);
    assertSerializedAsPojoWithoutKryo(Transition.class);
  }
}
