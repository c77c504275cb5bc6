package io.seedbed.ledger;

import io.seedbed.feed.Coded;
import io.seedbed.feed.IpEventType;
import io.seedbed.feed.IpType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Replays IP events into item states: the lifecycle rules of feeds.md (patent) in one place. */
public final class IpPortfolio {
  private IpPortfolio() {}

  /** Codes to constants, indexed once: the replay reads a code per event. */
  private static final Map<String, IpEventType> EVENTS = index(IpEventType.values());
  private static final Map<String, IpType> TYPES = index(IpType.values());

  private static <E extends Coded> Map<String, E> index(E[] values) {
    Map<String, E> m = new HashMap<>();
    for (E e : values) {
      m.put(e.code(), e);
    }
    return m;
  }

  static IpEventType event(String code) {
    return EVENTS.get(code);
  }

  static IpType type(String code) {
    return TYPES.get(code);
  }

  /**
   * Order of events at the same instant: starts of validity before flags, and ends of validity
   * last, so that "granted and lapsed at the same time" leaves the item invalid (the cautious reading).
   */
  private static int rank(IpEventType e) {
    return switch (e) {
      case FILED -> 0;
      case GRANTED -> 1;
      case TRANSFERRED_IN -> 2;
      case RESTORED -> 3;
      case LAPSED, INVALIDATED, TRANSFERRED_OUT -> 5;
      default -> 4;
    };
  }

  private static final Comparator<IpEventFact> ORDER = Comparator
      .comparing((IpEventFact f) -> f.at)
      .thenComparingInt(f -> rank(event(f.event)))
      .thenComparing(f -> f.event)
      .thenComparing(f -> f.ipType);

  /** The state of every item named in {@code events}, using only events at or before {@code until}; by ipNo. */
  public static List<IpItem> items(Collection<IpEventFact> events, Instant until) {
    Map<String, List<IpEventFact>> byItem = new TreeMap<>();
    for (IpEventFact f : events) {
      if (!f.at.isAfter(until)) {
        byItem.computeIfAbsent(f.ipNo, k -> new ArrayList<>()).add(f);
      }
    }
    List<IpItem> items = new ArrayList<>();
    byItem.forEach((ipNo, list) -> items.add(item(ipNo, list)));
    return items;
  }

  /** The state of one item after all of {@code events} (its events, in any order; sorted here). */
  static IpItem item(String ipNo, List<IpEventFact> events) {
    List<IpEventFact> sorted = new ArrayList<>(events);
    sorted.sort(ORDER);
    return replay(ipNo, sorted);
  }

  private static IpItem replay(String ipNo, List<IpEventFact> sorted) {
    boolean valid = false;
    boolean everValid = false;
    boolean filed = false;
    boolean transferredIn = false;
    boolean pledged = false;
    boolean foreignGranted = false;
    boolean awarded = false;
    Instant grantedAt = null;
    Instant transferredInAt = null;
    Instant endedAt = null;
    Instant abnormalAt = null;
    for (IpEventFact f : sorted) {
      switch (event(f.event)) {
        case FILED -> filed = true;
        case GRANTED -> {
          valid = true;
          if (grantedAt == null) {
            grantedAt = f.at;
          }
        }
        case TRANSFERRED_IN -> {
          valid = true;
          transferredIn = true;
          transferredInAt = f.at;
        }
        // Restoration (恢复权利) only revives an item that was valid before.
        case RESTORED -> valid = valid || everValid;
        case LAPSED, INVALIDATED, TRANSFERRED_OUT -> {
          valid = false;
          endedAt = f.at;
        }
        case PLEDGED -> pledged = true;
        case FOREIGN_GRANTED -> foreignGranted = true;
        case AWARDED -> awarded = true;
        case ABNORMAL -> {
          if (abnormalAt == null) {
            abnormalAt = f.at;
          }
        }
        default -> throw new IllegalStateException("unknown IP event " + f.event);
      }
      everValid |= valid;
      if (valid) {
        endedAt = null;
      }
    }
    // All events of one item should carry the same type; if they disagree, the last event's wins.
    IpType type = type(sorted.get(sorted.size() - 1).ipType);
    return new IpItem(ipNo, type, valid, grantedAt, transferredInAt, endedAt,
        filed && !transferredIn, pledged, foreignGranted, awarded, abnormalAt);
  }
}
