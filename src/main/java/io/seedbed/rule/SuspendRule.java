package io.seedbed.rule;

import io.seedbed.indicator.Indicators;
import io.seedbed.ledger.IncidentFact;
import java.time.Instant;
import java.util.List;

/**
 * One line of a pool's {@code suspendOn} list (一票否决, criteria.md §7). Either an incident rule:
 * incidents of these types (and, if given, categories and severities) block the pool for
 * {@code years} after they occurred (MIIT tiers 3 years, city pools 2); or a listing rule
 * ({@code whileListed}): being on one of these credit lists blocks the pool for as long as the
 * enterprise is listed, an end nobody knows in advance.
 */
public final class SuspendRule {
  /** The credit lists a {@code whileListed} rule may name, as {@link io.seedbed.feed.ListName} codes. */
  static final List<String> LISTS = List.of("abnormal_operation", "serious_dishonesty",
      "dishonest_debtor");

  private final IncidentFilter filter;
  private final List<String> lists;
  private final String source;

  private SuspendRule(IncidentFilter filter, List<String> lists, String source) {
    this.filter = filter;
    this.lists = List.copyOf(lists);
    this.source = source;
  }

  static SuspendRule onIncidents(IncidentFilter filter, String source) {
    return new SuspendRule(filter, List.of(), source);
  }

  static SuspendRule whileListed(List<String> lists, String source) {
    return new SuspendRule(null, lists, source);
  }

  /** The credit lists that block while the enterprise is on them; empty for an incident rule. */
  public List<String> lists() {
    return lists;
  }

  /** The look-back in years of an incident rule; 0 for a listing rule. */
  public int years() {
    return filter == null ? 0 : filter.years();
  }

  /** Whether {@code f} is of a kind this rule blocks on (regardless of when it occurred). */
  public boolean matches(IncidentFact f) {
    return filter != null && filter.matchesKind(f);
  }

  /** When a matching {@code f} stops blocking: its date plus {@link #years()} (calendar years, China time). */
  public Instant blockedUntil(IncidentFact f) {
    return filter.until(f);
  }

  /** Whether the enterprise is now on one of {@link #lists()}. */
  public boolean listed(Indicators in) {
    for (String list : lists) {
      Boolean on = switch (list) {
        case "abnormal_operation" -> in.onAbnormalOperationList;
        case "serious_dishonesty" -> in.onSeriousDishonestyList;
        case "dishonest_debtor" -> in.onDishonestDebtorList;
        default -> throw new IllegalStateException("unknown credit list " + list);
      };
      if (Boolean.TRUE.equals(on)) {
        return true;
      }
    }
    return false;
  }

  /** The YAML line's comment: the criteria section this rule comes from. */
  String source() {
    return source;
  }

  String describe() {
    return filter != null ? filter.describe() : "while on the list " + Fmt.list(lists);
  }
}
