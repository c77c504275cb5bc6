package io.seedbed.ledger;

import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/** The ledger lives in Flink keyed state: it must serialize as a POJO, never through Kryo. */
class LedgerPojoTest {
  @Test
  void ledgerAndItsFactsAreFlinkPojosWithoutKryo() {
    PojoTestUtils.assertSerializedAsPojoWithoutKryo(Ledger.class);
    PojoTestUtils.assertSerializedAsPojoWithoutKryo(MeterFact.class);
    PojoTestUtils.assertSerializedAsPojoWithoutKryo(TitleFact.class);
  }
}
