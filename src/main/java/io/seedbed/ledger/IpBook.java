package io.seedbed.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IP portfolio replayed item by item and kept: a working copy of {@link Ledger#ipEvents} on the
 * heap (never in Flink state), so that a record replays only the item it touches instead of the
 * whole portfolio, and one that touches no IP event replays nothing. Items are by ipNo.
 *
 * <p>Every item's state here is its replay over all its events. The views ask for the portfolio
 * as of the latest event time or later, and every stored event is at or before the latest event
 * time (it is the latest of all event times), so that replay is the one they need.
 */
final class IpBook {
  private static final class Entry {
    final String ipNo;
    final List<IpEventFact> events = new ArrayList<>(4);
    /** The replay of {@link #events}; null when an event changed since. */
    IpItem item;
    /** Position in {@link #built} (the entries' order by ipNo). */
    int index;

    Entry(String ipNo) {
      this.ipNo = ipNo;
    }
  }

  private final Map<String, Entry> byItem = new TreeMap<>();
  /** {@link #items()} until an event changes. */
  private List<IpItem> items;
  /** The items last built, by ipNo, and whether an item was added since (else their positions hold). */
  private ArrayList<IpItem> built;
  private boolean added;
  /** Entries whose events changed since {@link #built}. */
  private final List<Entry> changed = new ArrayList<>();

  IpBook(Collection<IpEventFact> events) {
    for (IpEventFact f : events) {
      put(f);
    }
  }

  /**
   * {@link #items()} of a book of {@code events} (identity order: by ipNo, then time), without the
   * book: each run of one ipNo replayed once. For a ledger read back from RocksDB, which answers one
   * record's queries and is dropped (building the book's tree of entries was 5 % of a RocksDB job).
   */
  static List<IpItem> replay(List<IpEventFact> events) {
    ArrayList<IpItem> out = new ArrayList<>();
    int n = events.size();
    for (int from = 0, to; from < n; from = to) {
      String ipNo = events.get(from).ipNo;
      to = from + 1;
      while (to < n && events.get(to).ipNo.equals(ipNo)) {
        to++;
      }
      out.add(IpPortfolio.item(ipNo, events.subList(from, to)));
    }
    return Collections.unmodifiableList(out);
  }

  /** A new event, or a new version of one (same ipNo, event and time: the identity). */
  void put(IpEventFact fact) {
    Entry e = byItem.get(fact.ipNo);
    if (e == null) {
      e = new Entry(fact.ipNo);
      byItem.put(fact.ipNo, e);
      added = true;
    } else if (e.item != null) {
      changed.add(e);
    }
    e.events.removeIf(f -> f.event.equals(fact.event) && f.at.equals(fact.at));
    e.events.add(fact);
    e.item = null;
    items = null;
  }

  /** Every item's state after all its events, by ipNo; read-only. */
  List<IpItem> items() {
    if (items != null) {
      return items;
    }
    ArrayList<IpItem> out;
    if (built == null || added) {
      out = new ArrayList<>(byItem.size());
      for (Map.Entry<String, Entry> m : byItem.entrySet()) {
        Entry e = m.getValue();
        if (e.item == null) {
          e.item = IpPortfolio.item(m.getKey(), e.events);
        }
        e.index = out.size();
        out.add(e.item);
      }
    } else {
      // Same items in the same places: replay only those whose events changed. A copy, because
      // the list handed out before must not change.
      out = new ArrayList<>(built);
      for (Entry e : changed) {
        if (e.item == null) {
          e.item = IpPortfolio.item(e.ipNo, e.events);
        }
        out.set(e.index, e.item);
      }
    }
    changed.clear();
    added = false;
    built = out;
    items = Collections.unmodifiableList(out);
    return items;
  }
}
