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
    final List<IpEventFact> events = new ArrayList<>(4);
    /** The replay of {@link #events}; null when an event changed since. */
    IpItem item;
  }

  private final Map<String, Entry> byItem = new TreeMap<>();
  /** {@link #items()} until an event changes. */
  private List<IpItem> items;

  IpBook(Collection<IpEventFact> events) {
    for (IpEventFact f : events) {
      put(f);
    }
  }

  /** A new event, or a new version of one (same ipNo, event and time: the identity). */
  void put(IpEventFact fact) {
    Entry e = byItem.computeIfAbsent(fact.ipNo, k -> new Entry());
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
    List<IpItem> out = new ArrayList<>(byItem.size());
    for (Map.Entry<String, Entry> m : byItem.entrySet()) {
      Entry e = m.getValue();
      if (e.item == null) {
        e.item = IpPortfolio.item(m.getKey(), e.events);
      }
      out.add(e.item);
    }
    items = Collections.unmodifiableList(out);
    return items;
  }
}
