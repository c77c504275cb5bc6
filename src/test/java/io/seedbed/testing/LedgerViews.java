package io.seedbed.testing;

import io.seedbed.feed.ListName;
import io.seedbed.ledger.Ledger;
import io.seedbed.ledger.LedgerSettings;
import io.seedbed.ledger.ProfileField;
import java.util.ArrayList;
import java.util.List;

/**
 * Every view of a ledger the indicators may read, as of its latest event: what the order,
 * migration and fingerprint checks compare between two ledgers that must hold the same facts.
 */
public final class LedgerViews {
  private LedgerViews() {}

  public static List<Object> of(Ledger l, LedgerSettings s) {
    List<Object> views = new ArrayList<>();
    views.add(l.latestEventTime());
    views.add(l.vatMonths(s));
    views.add(l.energyTceByMonth(s));
    views.add(l.annualReturns(s));
    views.add(l.creditRatings(s));
    views.add(l.ipItems(s, l.latestEventTime()));
    views.add(l.incidentsInLookback(s));
    views.add(l.financingInLookback(s));
    views.add(l.awardsInLookback(s));
    views.add(l.titlesHeldAt(l.latestEventTime()));
    for (ListName list : ListName.values()) {
      views.add(l.onList(list));
    }
    for (ProfileField field : ProfileField.values()) {
      views.add(l.profileValue(field));
    }
    return views;
  }
}
