package io.seedbed.pipeline;

import io.seedbed.feed.RejectedRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** The side outputs of the pipeline's operators, one per output table. */
public final class Outputs {
  private Outputs() {}

  public static final OutputTag<RejectedRecord> REJECTED =
      new OutputTag<>("rejected_record", TypeInformation.of(RejectedRecord.class));
}
