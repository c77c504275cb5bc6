package io.seedbed.ledger;

import io.seedbed.feed.IpType;
import java.time.Instant;

/**
 * One IP item's state after replaying its events in time order (criteria.md §11, feeds.md patent).
 * A derived view, never stored.
 */
public final class IpItem {
  public final String ipNo;
  public final IpType type;
  /** Valid (有效) at the time the events were replayed to. */
  public final boolean valid;
  /** First grant, null if never granted to anyone while the enterprise held it. */
  public final Instant grantedAt;
  /** Latest transfer in, null if never transferred in. */
  public final Instant transferredInAt;
  /** Time of the last lapsed/invalidated/transferred_out while the item is invalid after it; else null. */
  public final Instant endedAt;
  /** Filed by the enterprise itself and never acquired by transfer (自主研发). */
  public final boolean selfDeveloped;
  public final boolean pledged;
  public final boolean foreignGranted;
  public final boolean awarded;
  /** Time of the abnormal-filing (非正常专利申请) mark, null if none. */
  public final Instant abnormalAt;

  IpItem(String ipNo, IpType type, boolean valid, Instant grantedAt, Instant transferredInAt,
      Instant endedAt, boolean selfDeveloped, boolean pledged, boolean foreignGranted,
      boolean awarded, Instant abnormalAt) {
    this.ipNo = ipNo;
    this.type = type;
    this.valid = valid;
    this.grantedAt = grantedAt;
    this.transferredInAt = transferredInAt;
    this.endedAt = endedAt;
    this.selfDeveloped = selfDeveloped;
    this.pledged = pledged;
    this.foreignGranted = foreignGranted;
    this.awarded = awarded;
    this.abnormalAt = abnormalAt;
  }

  /** Memo of {@link #plusYears}, newest first; a lost update only costs a recomputation. */
  private Shifted shifted;

  private record Shifted(Instant from, int years, Instant to, Shifted next) {}

  /**
   * {@code t} (one of this item's times) moved by whole years in China's calendar, remembered: the
   * indicators ask the same few of an item on every record while the item stays the same.
   */
  public Instant plusYears(Instant t, int years) {
    for (Shifted s = shifted; s != null; s = s.next) {
      // Mostly the very instant remembered (the item's own field): identity first, no loads.
      if (s.years == years && (s.from == t || s.from.equals(t))) {
        return s.to;
      }
    }
    Instant to = ChinaCalendar.plusYears(t, years);
    shifted = new Shifted(t, years, to, shifted);
    return to;
  }

  /** Class I (Ⅰ类): invention, IC layout, plant variety, new drug (criteria.md §11). */
  public boolean classOne() {
    return type == IpType.INVENTION || type == IpType.IC_LAYOUT || type == IpType.PLANT_VARIETY
        || type == IpType.NEW_DRUG;
  }
}
