package io.seedbed.pipeline;

import io.seedbed.feed.RejectedRecord;
import io.seedbed.pool.CandidateRow;
import io.seedbed.pool.IncidentRow;
import io.seedbed.pool.PoolChange;
import io.seedbed.pool.PoolMembership;
import io.seedbed.pool.RewardRow;
import io.seedbed.pool.Transition;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.util.OutputTag;

/** The side outputs of the pipeline's operators, one per output table (plus pool transitions). */
public final class Outputs {
  private Outputs() {}

  public static final OutputTag<RejectedRecord> REJECTED =
      new OutputTag<>("rejected_record", TypeInformation.of(RejectedRecord.class));
  public static final OutputTag<PoolChange> POOL_CHANGE =
      new OutputTag<>("pool_change", TypeInformation.of(PoolChange.class));
  public static final OutputTag<PoolMembership> MEMBERSHIP =
      new OutputTag<>("pool_membership", TypeInformation.of(PoolMembership.class));
  public static final OutputTag<CandidateRow> CANDIDATE =
      new OutputTag<>("candidate", TypeInformation.of(CandidateRow.class));
  public static final OutputTag<IncidentRow> INCIDENT =
      new OutputTag<>("incident", TypeInformation.of(IncidentRow.class));
  public static final OutputTag<RewardRow> REWARD =
      new OutputTag<>("reward", TypeInformation.of(RewardRow.class));
  /** Membership status changes, with the district, for {@link DistrictProgressFunction}. */
  public static final OutputTag<Transition> TRANSITION =
      new OutputTag<>("transition", TypeInformation.of(Transition.class));
}
