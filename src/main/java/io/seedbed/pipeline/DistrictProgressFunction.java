package io.seedbed.pipeline;

import io.seedbed.pool.DistrictProgress;
import io.seedbed.pool.DistrictTally;
import io.seedbed.pool.Transition;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per district (keyed by district code): counts members, candidates and suspended firms per pool
 * from the membership transitions and emits the {@code district_progress} rows that changed.
 */
public class DistrictProgressFunction extends KeyedProcessFunction<String, Transition, DistrictProgress> {
  private static final long serialVersionUID = 1L;

  /** Keyed state: the district's counts (package-private so the harness test reads the same state). */
  static final ValueStateDescriptor<DistrictTally> TALLY =
      new ValueStateDescriptor<>("district-tally", TypeInformation.of(DistrictTally.class));

  private final ConfigBundle config;
  private transient SeedbedConfig settings;
  private transient ValueState<DistrictTally> tallyState;

  public DistrictProgressFunction(ConfigBundle config) {
    this.config = config;
  }

  @Override
  public void open(OpenContext openContext) {
    settings = SeedbedConfig.parse(config);
    tallyState = getRuntimeContext().getState(TALLY);
  }

  @Override
  public void processElement(Transition t, Context ctx, Collector<DistrictProgress> out) throws Exception {
    DistrictTally tally = tallyState.value();
    if (tally == null) {
      tally = new DistrictTally();
    }
    for (DistrictProgress row : tally.apply(t, settings.pools())) {
      out.collect(row);
    }
    tallyState.update(tally);
  }
}
