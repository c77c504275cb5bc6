package io.seedbed.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.seedbed.feed.Accident;
import io.seedbed.feed.AnnualReturn;
import io.seedbed.feed.Award;
import io.seedbed.feed.BankCredit;
import io.seedbed.feed.Coded;
import io.seedbed.feed.CreditRating;
import io.seedbed.feed.Falsification;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.FeedTime;
import io.seedbed.feed.Financing;
import io.seedbed.feed.IpEvent;
import io.seedbed.feed.Json;
import io.seedbed.feed.ListAction;
import io.seedbed.feed.ListName;
import io.seedbed.feed.Listing;
import io.seedbed.feed.MeterReading;
import io.seedbed.feed.Penalty;
import io.seedbed.feed.Profile;
import io.seedbed.feed.TaxCreditLevel;
import io.seedbed.feed.TaxViolation;
import io.seedbed.feed.TitleAction;
import io.seedbed.feed.TitleEvent;
import io.seedbed.feed.VatReturn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The per-enterprise set of facts folded from feed records (design.md, "State and time"). A Flink
 * POJO kept in keyed state: public fields, collections declared by interface, dates as ints.
 *
 * <p>Every fact is stored under its identity (contract/feeds.md) and replaced only by a newer
 * version (see {@link Versioned}), so the set of facts, and every view of it, is the same whatever
 * the arrival order. Windows count back from the enterprise's own latest data; a view shows only
 * facts inside the windows, {@link #apply} refuses facts the final view could never show, and
 * {@link #prune} drops what the views no longer show. Views return fresh sorted collections so
 * that sums are added in a fixed order.
 *
 * <p>Order-freedom holds for any interleaving of {@code apply} and {@code prune} (the operator
 * prunes after every record) because a fact is refused or dropped only when no later record can
 * bring it back into a view: the references of the windows (latest month, latest year, latest
 * event time) only move forward, and a fact outside a window of the current reference is outside
 * it for every later one. IP events are never dropped: see {@link #ipEvents}.
 */
public class Ledger {
  /** The latest event time of any record folded in (including ones outside the windows). */
  public Instant latestEventTime;
  /** The latest month (yyyymm) of a VAT period or a meter reading's end; 0 if none yet. */
  public int latestMonth;
  /** VAT returns by period (yyyymm). */
  public Map<Integer, VatMonth> vat = new HashMap<>();
  /** Annual returns by year. */
  public Map<Integer, AnnualFigures> annual = new HashMap<>();
  /** Tax credit ratings by rated year. */
  public Map<Integer, RatingFact> ratings = new HashMap<>();
  /** Meter readings by identity. */
  public Map<String, MeterFact> meters = new HashMap<>();
  /**
   * IP events by identity: the whole history of every item, never pruned. An item's state is a
   * replay of all its events, and a record arriving later can revive any invalid item (a
   * {@code restored} needs the earlier grant, a {@code transferred_in} can come years later, a
   * re-delivered old {@code granted} dates the class-II age), so no IP event is ever provably dead.
   * Dropping items that looked dead against the latest event time seen so far made the result
   * depend on arrival order. The views hide items invalid for more than
   * {@code invalidIpKeptYears} against the final latest event time instead. Bounded by the
   * enterprise's lifetime portfolio times a handful of lifecycle events per item.
   */
  public Map<String, IpEventFact> ipEvents = new HashMap<>();
  /** Latest action per credit list (ListName code). */
  public Map<String, ListingFact> listings = new HashMap<>();
  /** Latest bank credit status, null if none. */
  public BankFact bank;
  public Map<String, FinancingFact> financing = new HashMap<>();
  public Map<String, AwardFact> awards = new HashMap<>();
  /** Penalties, accidents, tax violations and falsifications by identity. */
  public Map<String, IncidentFact> incidents = new HashMap<>();
  /** Profile values by ProfileField name. */
  public Map<String, ProfileValue> profile = new HashMap<>();
  /** Title actions by identity. */
  public Map<String, TitleFact> titles = new HashMap<>();

  public Ledger() {}

  public Instant latestEventTime() {
    return latestEventTime;
  }

  // ------------------------------------------------------------------ folding

  /** Folds one record in; says whether the set of facts changed. */
  public LedgerChange apply(FeedRecord r, LedgerSettings s) {
    if (latestEventTime == null || r.eventTime().isAfter(latestEventTime)) {
      latestEventTime = r.eventTime();
    }
    if (r instanceof VatReturn v) {
      int m = Months.of(v.period());
      if (!monthKept(m, s)) {
        return LedgerChange.OUTSIDE_WINDOW;
      }
      latestMonth = Math.max(latestMonth, m);
      return upsert(vat, m, new VatMonth(m, v.sales(), v.taxPaid(), v.filedAt()));
    }
    if (r instanceof AnnualReturn a) {
      if (!annual.isEmpty() && a.year() <= maxKey(annual) - s.annualReturnsKept) {
        return LedgerChange.OUTSIDE_WINDOW;
      }
      return upsert(annual, a.year(), annualFigures(a));
    }
    if (r instanceof CreditRating c) {
      if (!ratings.isEmpty() && c.year() <= maxKey(ratings) - s.lookbackYears) {
        return LedgerChange.OUTSIDE_WINDOW;
      }
      return upsert(ratings, c.year(), new RatingFact(c.year(), c.level().code(), c.publishedAt()));
    }
    if (r instanceof MeterReading m) {
      int toMonth = Months.of(m.to());
      if (!monthKept(toMonth, s)) {
        return LedgerChange.OUTSIDE_WINDOW;
      }
      latestMonth = Math.max(latestMonth, toMonth);
      double tce = s.energy.tce(m.carrier(), m.unit(), m.amount());
      return upsert(meters, m.identity(), new MeterFact(m.carrier().code(), m.unit().code(),
          m.amount(), (int) m.from().toEpochDay(), (int) m.to().toEpochDay(), tce));
    }
    if (r instanceof IpEvent e) {
      return upsert(ipEvents, e.identity(),
          new IpEventFact(e.ipNo(), e.ipType().code(), e.event().code(), e.at()));
    }
    if (r instanceof Listing l) {
      return upsert(listings, l.list().code(), new ListingFact(l.list().code(), l.action().code(), l.at()));
    }
    if (r instanceof BankCredit b) {
      BankFact f = new BankFact((int) b.asOf().toEpochDay(), b.overdueDays(), b.creditScore());
      if (bank != null && Versioned.compare(f, bank) <= 0) {
        return LedgerChange.UNCHANGED;
      }
      bank = f;
      return LedgerChange.CHANGED;
    }
    if (r instanceof Profile p) {
      return applyProfile(p);
    }
    if (r instanceof TitleEvent t) {
      TitleFact f = new TitleFact(t.title().code(), t.action().code(), t.at(),
          t.validUntil() == null ? null : (int) t.validUntil().toEpochDay());
      if (!titleKept(f, s)) {
        return LedgerChange.OUTSIDE_WINDOW;
      }
      return upsert(titles, t.identity(), f);
    }
    if (r instanceof Financing f) {
      if (!inLookback(f.at(), s)) {
        return LedgerChange.OUTSIDE_WINDOW;
      }
      return upsert(financing, f.identity(), new FinancingFact(f.amount(), f.qualifiedInvestor(), f.at()));
    }
    if (r instanceof Award a) {
      if (!inLookback(a.at(), s)) {
        return LedgerChange.OUTSIDE_WINDOW;
      }
      return upsert(awards, a.identity(), new AwardFact(a.level().code(), a.rank(), a.at()));
    }
    IncidentFact incident = incidentOf(r);
    if (!inLookback(incident.occurredAt, s)) {
      return LedgerChange.OUTSIDE_WINDOW;
    }
    return upsert(incidents, r.identity(), incident);
  }

  private static IncidentFact incidentOf(FeedRecord r) {
    String source = r.feed().id() + "/" + r.kind();
    if (r instanceof Penalty p) {
      return new IncidentFact(source + "/" + p.caseId(), "penalty", p.category().code(),
          p.severity().code(), p.decidedAt(), source);
    }
    if (r instanceof Accident a) {
      return new IncidentFact(source + "/" + a.caseId(), "accident", a.category().code(),
          a.severity().code(), a.occurredAt(), source);
    }
    if (r instanceof TaxViolation v) {
      return new IncidentFact(source + "/" + v.caseId(), "violation", v.category().code(), null,
          v.decidedAt(), source);
    }
    if (r instanceof Falsification f) {
      return new IncidentFact(source + "/" + f.caseId(), "falsification", null, null, f.at(), source);
    }
    throw new IllegalArgumentException("no ledger rule for record kind " + r.kind());
  }

  private static AnnualFigures annualFigures(AnnualReturn a) {
    AnnualFigures f = new AnnualFigures();
    f.year = a.year();
    f.operatingRevenue = a.operatingRevenue();
    f.mainBusinessRevenue = a.mainBusinessRevenue();
    f.netProfit = a.netProfit();
    f.totalAssets = a.totalAssets();
    f.totalLiabilities = a.totalLiabilities();
    f.rdExpense = a.rdExpense();
    f.employees = a.employees();
    f.rdStaff = a.rdStaff();
    f.filedAt = a.filedAt();
    return f;
  }

  /** A patch: each present field replaces the current value unless that one is newer. */
  private LedgerChange applyProfile(Profile p) {
    boolean changed = false;
    changed |= putField(ProfileField.NAME, p.name(), p.at());
    changed |= putField(ProfileField.REGISTERED_AT, p.registeredAt(), p.at());
    changed |= putField(ProfileField.DISTRICT, p.district(), p.at());
    changed |= putField(ProfileField.INDUSTRY, p.industry(), p.at());
    changed |= putField(ProfileField.LEGAL_PERSON, p.legalPerson(), p.at());
    changed |= putField(ProfileField.STATUS, p.status(), p.at());
    changed |= putField(ProfileField.LAND_AREA_MU, p.landAreaMu(), p.at());
    changed |= putField(ProfileField.CERTIFICATIONS, p.certifications(), p.at());
    changed |= putField(ProfileField.NICHE_SINCE, p.nicheSince(), p.at());
    changed |= putField(ProfileField.PRODUCT_TAGS, p.productTags(), p.at());
    changed |= putField(ProfileField.RD_INSTITUTION, p.rdInstitution(), p.at());
    changed |= putField(ProfileField.DIGITAL_LEVEL, p.digitalLevel(), p.at());
    changed |= putField(ProfileField.OWN_BRAND, p.ownBrand(), p.at());
    changed |= putField(ProfileField.LISTING, p.listing(), p.at());
    changed |= putField(ProfileField.VALUATION_USD, p.valuationUsd(), p.at());
    changed |= putField(ProfileField.MARKET_SHARE, p.marketShare(), p.at());
    changed |= putField(ProfileField.MARKET_RANK, p.marketRank(), p.at());
    changed |= putField(ProfileField.DEVELOPMENT_SCORE, p.developmentScore(), p.at());
    return changed ? LedgerChange.CHANGED : LedgerChange.UNCHANGED;
  }

  private boolean putField(ProfileField field, Object value, Instant at) {
    if (value == null) {
      return false;
    }
    return upsert(profile, field.name(), new ProfileValue(encode(value), at)).changed();
  }

  /** Text form of a profile value: codes for enums, ISO dates, lists as sorted JSON arrays. */
  private static String encode(Object value) {
    if (value instanceof Coded c) {
      return c.code();
    }
    if (value instanceof Collection<?> list) {
      Set<String> sorted = new TreeSet<>();
      for (Object o : list) {
        sorted.add(o instanceof Coded c ? c.code() : String.valueOf(o));
      }
      try {
        return Json.MAPPER.writeValueAsString(sorted);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return value.toString();
  }

  private static <K, F extends Versioned> LedgerChange upsert(Map<K, F> map, K key, F fact) {
    F current = map.get(key);
    if (current != null && Versioned.compare(fact, current) <= 0) {
      return LedgerChange.UNCHANGED;
    }
    map.put(key, fact);
    return LedgerChange.CHANGED;
  }

  private static int maxKey(Map<Integer, ?> map) {
    int max = Integer.MIN_VALUE;
    for (int k : map.keySet()) {
      max = Math.max(max, k);
    }
    return max;
  }

  // ------------------------------------------------------------------ windows

  private boolean monthKept(int yyyymm, LedgerSettings s) {
    return latestMonth == 0 || yyyymm > Months.plus(latestMonth, -s.monthsKept);
  }

  /** The start of the look-back: the latest event time minus {@code lookbackYears}, in China's calendar. */
  public Instant lookbackStart(LedgerSettings s) {
    return latestEventTime.atZone(FeedTime.ZONE).minusYears(s.lookbackYears).toInstant();
  }

  private boolean inLookback(Instant t, LedgerSettings s) {
    return !t.isBefore(lookbackStart(s));
  }

  /** Actions inside the look-back are kept; older ones only while they are their title's latest. */
  private boolean titleKept(TitleFact f, LedgerSettings s) {
    if (inLookback(f.at, s)) {
      return true;
    }
    for (TitleFact other : titles.values()) {
      if (other.title.equals(f.title) && TITLE_ORDER.compare(other, f) > 0) {
        return false;
      }
    }
    return true;
  }

  /** Which of two actions is later: by time, then revoked/expired after granted at the same instant. */
  private static final Comparator<TitleFact> TITLE_ORDER = Comparator
      .comparing((TitleFact f) -> f.at)
      .thenComparingInt(f -> TitleAction.GRANTED.code().equals(f.action) ? 0 : 1)
      .thenComparing(f -> f.action)
      .thenComparing(TitleFact::canonical);

  /**
   * Whether the views show an item (replayed to the latest event time): all but items invalid for
   * more than {@code invalidIpKeptYears}. Judged on the item's whole history against the latest
   * event time, so it is a function of the final facts only.
   */
  private boolean ipItemKept(IpItem item, LedgerSettings s) {
    if (item.valid || item.endedAt == null) {
      return true;
    }
    Instant horizon = latestEventTime.atZone(FeedTime.ZONE).minusYears(s.invalidIpKeptYears).toInstant();
    return !item.endedAt.isBefore(horizon);
  }

  // ------------------------------------------------------------------ views

  /** VAT months inside the window, by yyyymm. */
  public SortedMap<Integer, VatMonth> vatMonths(LedgerSettings s) {
    SortedMap<Integer, VatMonth> view = new TreeMap<>();
    vat.forEach((m, v) -> {
      if (monthKept(m, s)) {
        view.put(m, v);
      }
    });
    return view;
  }

  /**
   * Energy use in tce per month inside the window: each reading spread over the months it covers
   * by days (a reading 01-15..02-14 puts 17/31 in January and 14/31 in February). A month is
   * present iff some reading covers at least one of its days (a reading of 0 gives a present 0).
   */
  public SortedMap<Integer, Double> energyTceByMonth(LedgerSettings s) {
    SortedMap<Integer, Double> view = new TreeMap<>();
    for (MeterFact f : new TreeMap<>(meters).values()) {
      int days = f.toDay - f.fromDay + 1;
      if (days <= 0) {
        continue;
      }
      LocalDate day = LocalDate.ofEpochDay(f.fromDay);
      LocalDate last = LocalDate.ofEpochDay(f.toDay);
      while (!day.isAfter(last)) {
        LocalDate monthEnd = day.withDayOfMonth(day.lengthOfMonth());
        LocalDate segmentEnd = monthEnd.isBefore(last) ? monthEnd : last;
        int segmentDays = (int) (segmentEnd.toEpochDay() - day.toEpochDay() + 1);
        int m = Months.of(day);
        if (monthKept(m, s)) {
          view.merge(m, f.tce * segmentDays / days, Double::sum);
        }
        day = segmentEnd.plusDays(1);
      }
    }
    return view;
  }

  /** Annual returns inside the window, by year. */
  public SortedMap<Integer, AnnualFigures> annualReturns(LedgerSettings s) {
    SortedMap<Integer, AnnualFigures> view = new TreeMap<>(annual);
    if (!view.isEmpty()) {
      int from = view.lastKey() - s.annualReturnsKept + 1;
      view = new TreeMap<>(view.tailMap(from));
    }
    return view;
  }

  /** Tax credit ratings inside the window, by rated year. */
  public SortedMap<Integer, RatingFact> creditRatings(LedgerSettings s) {
    SortedMap<Integer, RatingFact> view = new TreeMap<>(ratings);
    if (!view.isEmpty()) {
      view = new TreeMap<>(view.tailMap(view.lastKey() - s.lookbackYears + 1));
    }
    return view;
  }

  /**
   * IP items shown in the portfolio (all but those invalid for more than {@code invalidIpKeptYears}
   * at the latest event time), in their state at {@code until}, by ipNo.
   */
  public List<IpItem> ipItems(LedgerSettings s, Instant until) {
    Set<String> kept = new HashSet<>();
    for (IpItem item : IpPortfolio.items(ipEvents.values(), latestEventTime)) {
      if (ipItemKept(item, s)) {
        kept.add(item.ipNo);
      }
    }
    List<IpEventFact> events = new ArrayList<>();
    for (IpEventFact f : ipEvents.values()) {
      if (kept.contains(f.ipNo)) {
        events.add(f);
      }
    }
    return IpPortfolio.items(events, until);
  }

  /**
   * Disqualifying facts inside the look-back, oldest first: penalties, accidents, tax violations,
   * falsifications, plus the derived ones: tax credit rating D (kept ratings only) and abnormal IP filings.
   */
  public List<IncidentFact> incidentsInLookback(LedgerSettings s) {
    List<IncidentFact> all = new ArrayList<>(incidents.values());
    for (RatingFact r : creditRatings(s).values()) {
      if (TaxCreditLevel.D.code().equals(r.level)) {
        all.add(new IncidentFact("tax/credit_rating/" + r.year, "tax_credit_d", r.level, null,
            r.publishedAt, "tax/credit_rating"));
      }
    }
    for (IpItem item : ipItems(s, latestEventTime)) {
      if (item.abnormalAt != null) {
        all.add(new IncidentFact("patent/ip_event/" + item.ipNo, "abnormal_ip", item.type.code(),
            null, item.abnormalAt, "patent/ip_event"));
      }
    }
    all.removeIf(f -> !inLookback(f.occurredAt, s));
    all.sort(Comparator.comparing((IncidentFact f) -> f.occurredAt).thenComparing(f -> f.id));
    return all;
  }

  /** Financing inside the look-back, oldest first. */
  public List<FinancingFact> financingInLookback(LedgerSettings s) {
    return sortedValues(financing, f -> inLookback(f.at, s));
  }

  /** Awards inside the look-back, oldest first. */
  public List<AwardFact> awardsInLookback(LedgerSettings s) {
    return sortedValues(awards, a -> inLookback(a.at, s));
  }

  private static <F> List<F> sortedValues(Map<String, F> map, Predicate<F> keep) {
    List<F> out = new ArrayList<>();
    for (F f : new TreeMap<>(map).values()) {
      if (keep.test(f)) {
        out.add(f);
      }
    }
    out.sort(Comparator.comparing(f -> ((Versioned) f).versionTime()));
    return out;
  }

  /** Whether the latest action on {@code list} is an add. */
  public boolean onList(ListName list) {
    ListingFact f = listings.get(list.code());
    return f != null && ListAction.ADD.code().equals(f.action);
  }

  /** The current text value of a profile field, null if never reported. */
  public String profileValue(ProfileField field) {
    ProfileValue v = profile.get(field.name());
    return v == null ? null : v.value;
  }

  /**
   * Whether {@code title} is held at {@code t}: the latest action at or before {@code t} is
   * {@code granted} and, if it names a {@code validUntil}, the day of {@code t} is not after it.
   */
  public boolean titleHeldAt(String title, Instant t) {
    TitleFact latest = null;
    for (TitleFact f : titles.values()) {
      if (f.title.equals(title) && !f.at.isAfter(t)
          && (latest == null || TITLE_ORDER.compare(f, latest) > 0)) {
        latest = f;
      }
    }
    return latest != null && TitleAction.GRANTED.code().equals(latest.action)
        && (latest.validUntilDay == null || FeedTime.dateOf(t).toEpochDay() <= latest.validUntilDay);
  }

  /** Title codes held at {@code t}, sorted. */
  public Set<String> titlesHeldAt(Instant t) {
    Set<String> held = new TreeSet<>();
    for (TitleFact f : titles.values()) {
      if (titleHeldAt(f.title, t)) {
        held.add(f.title);
      }
    }
    return held;
  }

  // ------------------------------------------------------------------ pruning

  /**
   * Drops every fact that no later record can bring back into a view (the operator calls it after
   * every record). IP events are kept: see {@link #ipEvents}.
   */
  public void prune(LedgerSettings s) {
    if (latestEventTime == null) {
      return;
    }
    vat.keySet().removeIf(m -> !monthKept(m, s));
    meters.values().removeIf(f -> !monthKept(Months.of(LocalDate.ofEpochDay(f.toDay)), s));
    annual.keySet().retainAll(annualReturns(s).keySet());
    ratings.keySet().retainAll(creditRatings(s).keySet());
    financing.values().removeIf(f -> !inLookback(f.at, s));
    awards.values().removeIf(a -> !inLookback(a.at, s));
    incidents.values().removeIf(f -> !inLookback(f.occurredAt, s));
    List<TitleFact> allTitles = new ArrayList<>(titles.values());
    titles.values().removeIf(f -> !inLookback(f.at, s) && allTitles.stream()
        .anyMatch(o -> o.title.equals(f.title) && TITLE_ORDER.compare(o, f) > 0));
  }

  /** Number of stored entries of every kind: shows pruning in tests and metrics. */
  public int entryCount() {
    return vat.size() + annual.size() + ratings.size() + meters.size() + ipEvents.size()
        + listings.size() + (bank == null ? 0 : 1) + financing.size()
        + awards.size() + incidents.size() + profile.size() + titles.size();
  }
}
