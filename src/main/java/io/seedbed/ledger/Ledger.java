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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The per-enterprise set of facts folded from feed records (design.md, "State and time"). A Flink
 * POJO kept in keyed state: public fields, collections declared by interface, dates as ints.
 *
 * <p>Every fact is stored under its identity (contract/feeds.md) and replaced only by a newer
 * version (see {@link Versioned}), so the set of facts, and every view of it, is the same whatever
 * the arrival order. Windows count back from the enterprise's own latest data; a view shows only
 * facts inside the windows, {@link #apply} refuses facts the final view could never show, and
 * {@link #prune} drops what the views no longer show. Views are sorted (fresh or read-only), so
 * that sums are added in a fixed order.
 *
 * <p>Order-freedom holds for any interleaving of {@code apply} and {@code prune} (the operator
 * prunes after every record) because a fact is refused or dropped only when no later record can
 * bring it back into a view: the references of the windows (latest month, latest year, latest
 * event time) only move forward, and a fact outside a window of the current reference is outside
 * it for every later one. IP events are never dropped: see {@link #ipEvents}.
 *
 * <p>Per record the operator folds, prunes and reads nearly every view, so the views are served from
 * transient working state (per-month energy, the replayed IP items, parsed profile values, window
 * starts) that changes only with the facts it comes from; see the transient fields.
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

  // Working state: transient, so Flink neither stores nor copies it (a restored or copied ledger
  // starts without it and rebuilds it from the facts on first use). Only apply and prune change
  // the facts, and they keep it in step.
  /** Energy per month, kept in step with {@link #meters}; null until first used. */
  private transient EnergyMonths energy;
  /** The IP portfolio replayed item by item, kept in step with {@link #ipEvents}; null until first used. */
  private transient IpBook ipBook;
  /** Bumped on every change of {@link #vat}, {@link #annual} and {@link #ratings}: keys the caches below. */
  private transient int vatVersion;
  private transient int annualVersion;
  private transient int ratingsVersion;
  private transient int ipVersion;
  private transient Cached<Integer> latestVat;
  private transient Cached<SortedMap<Integer, AnnualFigures>> annualView;
  private transient Cached<SortedMap<Integer, RatingFact>> ratingsView;
  /** The items {@link #ipItems} shows as of the latest event time (asked twice per record). */
  private transient KeptItems keptItems;
  /** {@link #lookbackStart} and the IP horizon, for the latest event time they were computed for. */
  private transient Cached<Instant> lookbackStart;
  private transient Cached<Instant> ipHorizon;
  /** The parsed form of each profile value (by field ordinal), and the stored value it was parsed from. */
  private transient ProfileValue[] parsedFrom;
  private transient Object[] parsed;
  /** The references the last prune ran with, and whether a title action was kept since. */
  private transient Instant prunedAt;
  private transient int prunedMonth;
  private transient int prunedAnnualYear;
  private transient int prunedRatingYear;
  private transient LedgerSettings prunedWith;
  private transient boolean titlesChanged;

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
      return counted(upsert(vat, m, new VatMonth(m, v.sales(), v.taxPaid(), v.filedAt())), Kind.VAT);
    }
    if (r instanceof AnnualReturn a) {
      if (!annual.isEmpty() && a.year() <= maxKey(annual) - s.annualReturnsKept) {
        return LedgerChange.OUTSIDE_WINDOW;
      }
      return counted(upsert(annual, a.year(), annualFigures(a)), Kind.ANNUAL);
    }
    if (r instanceof CreditRating c) {
      if (!ratings.isEmpty() && c.year() <= maxKey(ratings) - s.lookbackYears) {
        return LedgerChange.OUTSIDE_WINDOW;
      }
      return counted(upsert(ratings, c.year(), new RatingFact(c.year(), c.level().code(), c.publishedAt())),
          Kind.RATINGS);
    }
    if (r instanceof MeterReading m) {
      int toMonth = Months.of(m.to());
      if (!monthKept(toMonth, s)) {
        return LedgerChange.OUTSIDE_WINDOW;
      }
      latestMonth = Math.max(latestMonth, toMonth);
      double tce = s.energy.tce(m.carrier(), m.unit(), m.amount());
      MeterFact f = new MeterFact(m.carrier().code(), m.unit().code(),
          m.amount(), (int) m.from().toEpochDay(), (int) m.to().toEpochDay(), tce);
      String identity = m.identity();
      MeterFact old = meters.get(identity);
      if (upsert(meters, identity, f) == LedgerChange.UNCHANGED) {
        return LedgerChange.UNCHANGED;
      }
      if (energy != null) {
        energy.put(identity, old, f);
      }
      return LedgerChange.CHANGED;
    }
    if (r instanceof IpEvent e) {
      IpEventFact f = new IpEventFact(e.ipNo(), e.ipType().code(), e.event().code(), e.at());
      if (upsert(ipEvents, e.identity(), f) == LedgerChange.UNCHANGED) {
        return LedgerChange.UNCHANGED;
      }
      if (ipBook != null) {
        ipBook.put(f);
      }
      ipVersion++;
      return LedgerChange.CHANGED;
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
      LedgerChange change = upsert(titles, t.identity(), f);
      titlesChanged |= change.changed();
      return change;
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

  /** What a change touched, for the caches keyed by a version. */
  private enum Kind { VAT, ANNUAL, RATINGS }

  private LedgerChange counted(LedgerChange change, Kind kind) {
    if (change.changed()) {
      switch (kind) {
        case VAT -> vatVersion++;
        case ANNUAL -> annualVersion++;
        case RATINGS -> ratingsVersion++;
        default -> throw new IllegalStateException(kind.name());
      }
    }
    return change;
  }

  /** A value computed from one state of its inputs: a key (a time or null), a version and the settings. */
  private static final class Cached<T> {
    final Object key;
    final int version;
    final LedgerSettings settings;
    final T value;

    Cached(Object key, int version, LedgerSettings settings, T value) {
      this.key = key;
      this.version = version;
      this.settings = settings;
      this.value = value;
    }

    static boolean fresh(Cached<?> c, Object key, int version, LedgerSettings s) {
      return c != null && c.version == version && c.settings == s && Objects.equals(c.key, key);
    }
  }

  // ------------------------------------------------------------------ windows

  private boolean monthKept(int yyyymm, LedgerSettings s) {
    return latestMonth == 0 || yyyymm > Months.plus(latestMonth, -s.monthsKept);
  }

  /** The start of the look-back: the latest event time minus {@code lookbackYears}, in China's calendar. */
  public Instant lookbackStart(LedgerSettings s) {
    Cached<Instant> c = lookbackStart;
    if (!Cached.fresh(c, latestEventTime, 0, s)) {
      c = new Cached<>(latestEventTime, 0, s, ChinaCalendar.plusYears(latestEventTime, -s.lookbackYears));
      lookbackStart = c;
    }
    return c.value;
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
   * The items the views show (replayed to the latest event time): all but items invalid for more
   * than {@code invalidIpKeptYears}. Judged on the item's whole history against the latest event
   * time, so it is a function of the final facts only.
   */
  private KeptItems keptItems(LedgerSettings s) {
    if (ipBook == null) {
      ipBook = new IpBook(ipEvents.values());
    }
    Cached<Instant> c = ipHorizon;
    if (!Cached.fresh(c, latestEventTime, 0, s)) {
      c = new Cached<>(latestEventTime, 0, s, ChinaCalendar.plusYears(latestEventTime, -s.invalidIpKeptYears));
      ipHorizon = c;
    }
    Instant horizon = c.value;
    KeptItems kept = keptItems;
    if (kept == null || kept.ipVersion != ipVersion || kept.settings != s || !kept.holdsAt(horizon)) {
      kept = new KeptItems(ipBook.items(), horizon, ipVersion, s);
      keptItems = kept;
    }
    return kept;
  }

  /**
   * The items shown for one state of the portfolio, and the horizons they stay right for: a new
   * latest event time moves the horizon but changes the list only when it passes an item's end.
   */
  private static final class KeptItems {
    final List<IpItem> items;
    /** The shown items with an abnormal-filing mark. */
    final List<IpItem> abnormal;
    final int ipVersion;
    final LedgerSettings settings;
    /** The earliest end of a shown invalid item, and the latest end of a hidden one (null if none). */
    private final Instant earliestShownEnd;
    private final Instant latestHiddenEnd;

    KeptItems(List<IpItem> all, Instant horizon, int ipVersion, LedgerSettings settings) {
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
      this.ipVersion = ipVersion;
      this.settings = settings;
      this.earliestShownEnd = shownEnd;
      this.latestHiddenEnd = hiddenEnd;
    }

    /** Whether {@code horizon} shows and hides the same items as the one this was built for. */
    boolean holdsAt(Instant horizon) {
      return (earliestShownEnd == null || !earliestShownEnd.isBefore(horizon))
          && (latestHiddenEnd == null || latestHiddenEnd.isBefore(horizon));
    }
  }

  // ------------------------------------------------------------------ views

  /** VAT months inside the window, by yyyymm (a fresh map). */
  public SortedMap<Integer, VatMonth> vatMonths(LedgerSettings s) {
    SortedMap<Integer, VatMonth> view = new TreeMap<>();
    vat.forEach((m, v) -> {
      if (monthKept(m, s)) {
        view.put(m, v);
      }
    });
    return view;
  }

  /** The latest month (yyyymm) with a VAT return inside the window; 0 if none. */
  public int latestVatMonth(LedgerSettings s) {
    Cached<Integer> c = latestVat;
    if (!Cached.fresh(c, latestMonth, vatVersion, s)) {
      int latest = 0;
      for (int m : vat.keySet()) {
        if (m > latest && monthKept(m, s)) {
          latest = m;
        }
      }
      c = new Cached<>(latestMonth, vatVersion, s, latest);
      latestVat = c;
    }
    return c.value;
  }

  /** The VAT return of {@code yyyymm}; null if none or outside the window. */
  public VatMonth vatMonth(int yyyymm, LedgerSettings s) {
    return monthKept(yyyymm, s) ? vat.get(yyyymm) : null;
  }

  /**
   * Energy use in tce per month inside the window (a fresh map): each reading spread over the
   * months it covers by days (a reading 01-15..02-14 puts 17/31 in January and 14/31 in February).
   * A month is present iff some reading covers at least one of its days (a reading of 0 gives a
   * present 0). Each month adds its readings' shares in the order of their identities.
   */
  public SortedMap<Integer, Double> energyTceByMonth(LedgerSettings s) {
    return energy().view(m -> monthKept(m, s));
  }

  /** Energy in tce of {@code yyyymm} as in {@link #energyTceByMonth}; null if none or outside the window. */
  public Double energyTce(int yyyymm, LedgerSettings s) {
    return monthKept(yyyymm, s) ? energy().tce(yyyymm) : null;
  }

  private EnergyMonths energy() {
    if (energy == null) {
      energy = new EnergyMonths(meters);
    }
    return energy;
  }

  /** Annual returns inside the window, by year; read-only. */
  public SortedMap<Integer, AnnualFigures> annualReturns(LedgerSettings s) {
    Cached<SortedMap<Integer, AnnualFigures>> c = annualView;
    if (!Cached.fresh(c, null, annualVersion, s)) {
      SortedMap<Integer, AnnualFigures> view = new TreeMap<>(annual);
      if (!view.isEmpty()) {
        int from = view.lastKey() - s.annualReturnsKept + 1;
        view = new TreeMap<>(view.tailMap(from));
      }
      c = new Cached<>(null, annualVersion, s, Collections.unmodifiableSortedMap(view));
      annualView = c;
    }
    return c.value;
  }

  /** Tax credit ratings inside the window, by rated year; read-only. */
  public SortedMap<Integer, RatingFact> creditRatings(LedgerSettings s) {
    Cached<SortedMap<Integer, RatingFact>> c = ratingsView;
    if (!Cached.fresh(c, null, ratingsVersion, s)) {
      SortedMap<Integer, RatingFact> view = new TreeMap<>(ratings);
      if (!view.isEmpty()) {
        view = new TreeMap<>(view.tailMap(view.lastKey() - s.lookbackYears + 1));
      }
      c = new Cached<>(null, ratingsVersion, s, Collections.unmodifiableSortedMap(view));
      ratingsView = c;
    }
    return c.value;
  }

  /**
   * IP items shown in the portfolio (all but those invalid for more than {@code invalidIpKeptYears}
   * at the latest event time), in their state at {@code until}, by ipNo; read-only.
   */
  public List<IpItem> ipItems(LedgerSettings s, Instant until) {
    List<IpItem> kept = keptItems(s).items;
    if (!until.isBefore(latestEventTime)) {
      // Every event is at or before the latest event time: the items' full replays are the answer.
      return kept;
    }
    Set<String> keptNos = new HashSet<>();
    for (IpItem item : kept) {
      keptNos.add(item.ipNo);
    }
    List<IpEventFact> events = new ArrayList<>();
    for (IpEventFact f : ipEvents.values()) {
      if (keptNos.contains(f.ipNo)) {
        events.add(f);
      }
    }
    return Collections.unmodifiableList(IpPortfolio.items(events, until));
  }

  /**
   * Disqualifying facts inside the look-back, oldest first: penalties, accidents, tax violations,
   * falsifications, plus the derived ones: tax credit rating D (kept ratings only) and abnormal IP filings.
   */
  public List<IncidentFact> incidentsInLookback(LedgerSettings s) {
    List<IncidentFact> all = new ArrayList<>();
    for (IncidentFact f : incidents.values()) {
      if (inLookback(f.occurredAt, s)) {
        all.add(f);
      }
    }
    for (RatingFact r : creditRatings(s).values()) {
      if (TaxCreditLevel.D.code().equals(r.level) && inLookback(r.publishedAt, s)) {
        all.add(new IncidentFact("tax/credit_rating/" + r.year, "tax_credit_d", r.level, null,
            r.publishedAt, "tax/credit_rating"));
      }
    }
    for (IpItem item : keptItems(s).abnormal) {
      if (inLookback(item.abnormalAt, s)) {
        all.add(new IncidentFact("patent/ip_event/" + item.ipNo, "abnormal_ip", item.type.code(),
            null, item.abnormalAt, "patent/ip_event"));
      }
    }
    all.sort(INCIDENT_ORDER);
    return all;
  }

  private static final Comparator<IncidentFact> INCIDENT_ORDER =
      Comparator.comparing((IncidentFact f) -> f.occurredAt).thenComparing(f -> f.id);

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
    if (map.isEmpty()) {
      return out;
    }
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
   * The current value of a profile field parsed by {@code parse} (which must be a pure function of
   * the text, returning an immutable value), null if never reported. Parsed once per stored value:
   * the indicators read every field on every record.
   */
  @SuppressWarnings("unchecked")
  public <T> T profileValue(ProfileField field, Function<String, T> parse) {
    ProfileValue v = profile.get(field.name());
    if (v == null) {
      return null;
    }
    if (parsedFrom == null) {
      parsedFrom = new ProfileValue[ProfileField.values().length];
      parsed = new Object[parsedFrom.length];
    }
    int i = field.ordinal();
    if (parsedFrom[i] != v) {
      parsed[i] = parse.apply(v.value);
      parsedFrom[i] = v;
    }
    return (T) parsed[i];
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
        && (latest.validUntilDay == null || ChinaCalendar.epochDay(t) <= latest.validUntilDay);
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
   *
   * <p>Each kind of fact is looked at only when there can be something to drop: when the reference
   * of its window moved (latest month, latest annual or rated year, latest event time) or, for
   * titles, an action was kept since the last prune. Otherwise every fact of the kind is one
   * {@link #apply} accepted against the same reference, so inside the window. The references the
   * last prune ran with are transient: after a restore it runs once in full.
   */
  public void prune(LedgerSettings s) {
    if (latestEventTime == null) {
      return;
    }
    boolean all = s != prunedWith;
    if (all || latestMonth != prunedMonth) {
      pruneMonths(s);
    }
    int annualYear = annual.isEmpty() ? Integer.MIN_VALUE : maxKey(annual);
    if ((all || annualYear != prunedAnnualYear)
        && annual.keySet().retainAll(annualReturns(s).keySet())) {
      annualVersion++;
    }
    int ratingYear = ratings.isEmpty() ? Integer.MIN_VALUE : maxKey(ratings);
    if ((all || ratingYear != prunedRatingYear)
        && ratings.keySet().retainAll(creditRatings(s).keySet())) {
      ratingsVersion++;
    }
    if (all || !latestEventTime.equals(prunedAt) || titlesChanged) {
      pruneLookback(s);
    }
    prunedWith = s;
    prunedAt = latestEventTime;
    prunedMonth = latestMonth;
    prunedAnnualYear = annualYear;
    prunedRatingYear = ratingYear;
    titlesChanged = false;
  }

  private void pruneMonths(LedgerSettings s) {
    if (vat.keySet().removeIf(m -> !monthKept(m, s))) {
      vatVersion++;
    }
    if (latestMonth == 0 || meters.isEmpty()) {
      return;
    }
    // A reading is kept while the month of its last day is: while that day is on or after the
    // first day of the first kept month.
    int firstKept = Months.plus(latestMonth, 1 - s.monthsKept);
    long firstKeptDay = LocalDate.of(firstKept / 100, firstKept % 100, 1).toEpochDay();
    for (Iterator<Map.Entry<String, MeterFact>> it = meters.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, MeterFact> e = it.next();
      if (e.getValue().toDay < firstKeptDay) {
        it.remove();
        if (energy != null) {
          energy.remove(e.getKey(), e.getValue());
        }
      }
    }
  }

  private void pruneLookback(LedgerSettings s) {
    if (!financing.isEmpty()) {
      financing.values().removeIf(f -> !inLookback(f.at, s));
    }
    if (!awards.isEmpty()) {
      awards.values().removeIf(a -> !inLookback(a.at, s));
    }
    if (!incidents.isEmpty()) {
      incidents.values().removeIf(f -> !inLookback(f.occurredAt, s));
    }
    if (!titles.isEmpty()) {
      List<TitleFact> allTitles = new ArrayList<>(titles.values());
      titles.values().removeIf(f -> !inLookback(f.at, s) && allTitles.stream()
          .anyMatch(o -> o.title.equals(f.title) && TITLE_ORDER.compare(o, f) > 0));
    }
  }

  /** Number of stored entries of every kind: shows pruning in tests and metrics. */
  public int entryCount() {
    return vat.size() + annual.size() + ratings.size() + meters.size() + ipEvents.size()
        + listings.size() + (bank == null ? 0 : 1) + financing.size()
        + awards.size() + incidents.size() + profile.size() + titles.size();
  }
}
