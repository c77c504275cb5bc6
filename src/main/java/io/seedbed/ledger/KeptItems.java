package io.seedbed.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The IP items the views show for one state of the portfolio (all but items invalid for more
 * than {@code invalidIpKeptYears} before the latest event time), and the horizons they stay right
 * for: a new latest event time moves the horizon but changes the list only when it passes an
 * item's end. Transient working state of the ledger.
 */
final class KeptItems {
  final List<IpItem> items;
  /** The shown items with an abnormal-filing mark. */
  final List<IpItem> abnormal;
  /** The portfolio state (its packed bytes) and settings these are for. */
  final Object portfolio;
  final LedgerSettings settings;
  /** The earliest end of a shown invalid item, and the latest end of a hidden one (null if none). */
  private final Instant earliestShownEnd;
  private final Instant latestHiddenEnd;

  KeptItems(List<IpItem> all, Instant horizon, Object portfolio, LedgerSettings settings) {
    List<IpItem> shown = new ArrayList<>(all.size());
    List<IpItem> marked = new ArrayList<>(0);
    Instant shownEnd = null;
    Instant hiddenEnd = null;
    for (IpItem item : all) {
      if (item.valid || item.endedAt == null) {
        shown.add(item);
      } else if (!item.endedAt.isBefore(horizon)) {
        shown.add(item);
        shownEnd = shownEnd == null || item.endedAt.isBefore(shownEnd) ? item.endedAt : shownEnd;
      } else {
        hiddenEnd = hiddenEnd == null || item.endedAt.isAfter(hiddenEnd) ? item.endedAt : hiddenEnd;
        continue;
      }
      if (item.abnormalAt != null) {
        marked.add(item);
      }
    }
    this.items = Collections.unmodifiableList(shown);
    this.abnormal = marked;
    this.portfolio = portfolio;
    this.settings = settings;
    this.earliestShownEnd = shownEnd;
    this.latestHiddenEnd = hiddenEnd;
  }

  /** Whether these are the items shown for {@code portfolio} under {@code s} at {@code horizon}. */
  boolean holdFor(Object portfolio, LedgerSettings s, Instant horizon) {
    return this.portfolio == portfolio && settings == s
        && (earliestShownEnd == null || !earliestShownEnd.isBefore(horizon))
        && (latestHiddenEnd == null || latestHiddenEnd.isBefore(horizon));
  }
}
