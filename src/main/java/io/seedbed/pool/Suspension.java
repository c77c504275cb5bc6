package io.seedbed.pool;

import io.seedbed.indicator.Indicators;
import io.seedbed.ledger.IncidentFact;
import java.time.Instant;

/**
 * Whether a veto list blocks an enterprise at an evaluation time. Only the evaluation time decides
 * whether an incident's block has ended: never the end of the input or any other signal.
 */
public final class Suspension {
  /**
   * @param active whether anything blocks
   * @param until when the last incident block ends; null while a credit listing blocks (it lasts
   *     until the listing is removed, a time nobody knows in advance) or when nothing blocks
   */
  public record Block(boolean active, Instant until) {}

  private Suspension() {}

  public static Block blockFor(VetoProfile veto, Indicators in, Instant at) {
    Instant until = null;
    for (IncidentFact f : in.incidents) {
      if (veto.matches(f)) {
        Instant end = veto.blockEnd(f);
        if (end.isAfter(at) && (until == null || end.isAfter(until))) {
          until = end;
        }
      }
    }
    boolean listed = veto.lists().stream().anyMatch(list -> listed(in, list));
    return new Block(listed || until != null, listed ? null : until);
  }

  private static boolean listed(Indicators in, String list) {
    Boolean on = switch (list) {
      case "abnormal_operation" -> in.onAbnormalOperationList;
      case "serious_dishonesty" -> in.onSeriousDishonestyList;
      case "dishonest_debtor" -> in.onDishonestDebtorList;
      default -> throw new IllegalArgumentException("unknown credit list " + list);
    };
    return Boolean.TRUE.equals(on);
  }
}
