package io.seedbed.pool;

import io.seedbed.feed.FeedTime;
import io.seedbed.ledger.IncidentFact;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A veto list (一票否决, criteria.md §7): the incidents that suspend a pool for {@link #lookBackYears}
 * after they occurred, and the credit lists that block it for as long as the enterprise is listed.
 */
public record VetoProfile(String name, int lookBackYears, Set<String> lists,
    List<IncidentMatcher> incidents) implements Serializable {

  public VetoProfile {
    lists = Set.copyOf(lists);
    incidents = List.copyOf(incidents);
  }

  public boolean matches(IncidentFact f) {
    for (IncidentMatcher m : incidents) {
      if (m.matches(f)) {
        return true;
      }
    }
    return false;
  }

  /** When a matching fact stops blocking: the same calendar date {@link #lookBackYears} later, in China. */
  public Instant blockEnd(IncidentFact f) {
    return f.occurredAt.atZone(FeedTime.ZONE).plusYears(lookBackYears).toInstant();
  }
}
