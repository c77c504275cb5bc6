package io.seedbed.ledger;

import io.seedbed.feed.AnnualReturn;
import io.seedbed.feed.Award;
import io.seedbed.feed.BankCredit;
import io.seedbed.feed.CreditRating;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.Financing;
import io.seedbed.feed.IpEvent;
import io.seedbed.feed.ListAction;
import io.seedbed.feed.ListName;
import io.seedbed.feed.Listing;
import io.seedbed.feed.MeterReading;
import io.seedbed.feed.Profile;
import io.seedbed.feed.TaxCreditLevel;
import io.seedbed.feed.TitleAction;
import io.seedbed.feed.TitleEvent;
import io.seedbed.feed.VatReturn;
import io.seedbed.ledger.pack.PackedTable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * The per-enterprise set of facts folded from feed records (design.md, "State and time"). A Flink
 * POJO kept in keyed state.
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
 * it for every later one. IP events are never dropped: see {@link #ipPacked}.
 *
 * <p><b>State form.</b> The bulky kinds (VAT months, annual returns, ratings, meter readings, IP
 * events, profile values, title actions) are each one byte array, packed by {@link LedgerFormat}:
 * about 1.5 KB for an enterprise that took 10-13 KB as maps of POJOs under identity strings that
 * repeated its USCC. The few listings, bank status, financing, awards and incidents stay maps.
 * The first form's map fields ({@link #vat} ... {@link #titles}) are still here, with their types:
 * Flink's POJO schema evolution lets a class gain and lose fields but not change a kept field's
 * type, so new fields were added for the new form instead of retyping the old ones, and the old
 * ones were kept so that a savepoint of the first form (src/test/resources/savepoints/v1) restores
 * with its content. The first touch of such a ledger moves that content into the packed fields and
 * nulls the old ones (and drops the USCC from the financing and award keys). Removing the old
 * fields later would drop the content of ledgers never touched since the upgrade.
 *
 * <p><b>Working form.</b> Per record the operator folds, prunes and reads nearly every view, so the
 * facts are also kept decoded on the heap (transient: Flink neither stores nor copies them; a
 * restored or copied ledger decodes its bytes on first use), with what the views derive from them
 * (per-month energy, the replayed IP items, parsed profile values, window starts), each kept in
 * step with the facts it comes from. Only {@link #apply} and {@link #prune} change the facts.
 */
public class Ledger {
  /** The latest event time of any record folded in (including ones outside the windows). */
  public Instant latestEventTime;
  /** The latest month (yyyymm) of a VAT period or a meter reading's end; 0 if none yet. */
  public int latestMonth;
  /** VAT returns, by period ({@link LedgerFormat#VAT}); null if none. */
  public byte[] vatPacked;
  /** Annual returns, by year ({@link LedgerFormat#ANNUAL}); null if none. */
  public byte[] annualPacked;
  /** Tax credit ratings, by rated year ({@link LedgerFormat#RATINGS}); null if none. */
  public byte[] ratingsPacked;
  /** Meter readings, by identity ({@link LedgerFormat#READINGS}); null if none. */
  public byte[] readingsPacked;
  /**
   * IP events ({@link LedgerFormat#IP_EVENTS}): the whole history of every item, never pruned. An
   * item's state is a replay of all its events, and a record arriving later can revive any invalid
   * item (a {@code restored} needs the earlier grant, a {@code transferred_in} can come years later,
   * a re-delivered old {@code granted} dates the class-II age), so no IP event is ever provably
   * dead. Dropping items that looked dead against the latest event time seen so far made the result
   * depend on arrival order. The views hide items invalid for more than {@code invalidIpKeptYears}
   * against the final latest event time instead. Bounded by the enterprise's lifetime portfolio
   * times a handful of lifecycle events per item.
   */
  public byte[] ipPacked;
  /** Profile values by field, with the time of the patch that set each ({@link LedgerFormat#PROFILE}). */
  public byte[] profilePacked;
  /** Title actions, by identity ({@link LedgerFormat#TITLES}). */
  public byte[] titlesPacked;
  /** Latest action per credit list (ListName code). */
  public Map<String, ListingFact> listings = new HashMap<>();
  /** Latest bank credit status, null if none. */
  public BankFact bank;
  /** Financing by identity without the USCC ({@code financing|at|amount}). */
  public Map<String, FinancingFact> financing = new HashMap<>();
  /** Awards by identity without the USCC ({@code award|level|at}). */
  public Map<String, AwardFact> awards = new HashMap<>();
  /** Penalties, accidents, tax violations and falsifications by identity. */
  public Map<String, IncidentFact> incidents = new HashMap<>();

  // The first state form (see the class comment): null, except in a ledger restored from it and
  // not touched since.
  public Map<Integer, VatMonth> vat;
  public Map<Integer, AnnualFigures> annual;
  public Map<Integer, RatingFact> ratings;
  public Map<String, MeterFact> meters;
  public Map<String, IpEventFact> ipEvents;
  public Map<String, ProfileValue> profile;
  public Map<String, TitleFact> titles;

  // ---- working form: transient (see the class comment)
  private transient PackedTable<VatMonth> vatTable;
  private transient PackedTable<AnnualFigures> annualTable;
  private transient PackedTable<RatingFact> ratingTable;
  private transient PackedTable<Reading> readingTable;
  private transient PackedTable<IpEventFact> ipTable;
  private transient PackedTable<ProfileFact> profileTable;
  private transient PackedTable<TitleFact> titleTable;
  /** Energy per month, in step with {@link #readingTable}; null until first used. */
  private transient EnergyMonths energy;
  /** The IP portfolio replayed item by item, in step with {@link #ipTable}; null until first used. */
  private transient IpBook ipBook;
  private transient KeptItems keptItems;
  private transient Cached<SortedMap<Integer, AnnualFigures>> annualView;
  private transient Cached<SortedMap<Integer, RatingFact>> ratingsView;
  /** {@link #lookbackStart} and the IP horizon, for the latest event time they were computed for. */
  private transient Cached<Instant> lookbackStart;
  private transient Cached<Instant> ipHorizon;
  /** The profile values by ProfileField ordinal; null when the profile changed. */
  private transient ProfileFact[] profileByField;
  /**
   * What the indicators keep with this ledger between records (see IndicatorCalculator): working
   * state on the heap like the fields above, never in Flink state; its owner checks it still holds.
   */
  private transient Object indicatorMemo;
  /** The parsed form of each profile value (by field ordinal), and the value it was parsed from. */
  private transient ProfileFact[] parsedFrom;
  private transient Object[] parsed;
  /** A probe for VAT lookups by month. */
  private transient VatMonth vatProbe;
  /** The references the last prune ran with, and whether a title action was kept since. */
  private transient Instant prunedAt;
  private transient int prunedMonth;
  private transient int prunedAnnualYear;
  private transient int prunedRatingYear;
  private transient LedgerSettings prunedWith;
  private transient boolean titlesChanged;
  /**
   * Records applied to this object since it was made or read back. A second one shows it is kept
   * between records (heap state), so the working copies pay off; with RocksDB every record reads
   * a new object and this stays at 1.
   */
  private transient int applies;

  public Ledger() {}

  public Instant latestEventTime() {
    return latestEventTime;
  }

  // ------------------------------------------------------------------ folding

  /** Folds one record in; says whether the set of facts changed. */
  public LedgerChange apply(FeedRecord r, LedgerSettings s) {
    open();
    applies++;
    if (latestEventTime == null || r.eventTime().isAfter(latestEventTime)) {
      latestEventTime = r.eventTime();
    }
    LedgerChange change = fold(r, s);
    if (change.changed()) {
      store();
    }
    return change;
  }

  private LedgerChange fold(FeedRecord r, LedgerSettings s) {
    if (r instanceof VatReturn v) {
      int m = Months.of(v.period());
      if (!monthKept(m, s)) {
        return LedgerChange.OUTSIDE_WINDOW;
      }
      latestMonth = Math.max(latestMonth, m);
      return upsert(vatTable, new VatMonth(m, v.sales(), v.taxPaid(), v.filedAt()), null);
    }
    if (r instanceof AnnualReturn a) {
      if (!annualTable.isEmpty() && a.year() <= annualTable.last().year - s.annualReturnsKept) {
        return LedgerChange.OUTSIDE_WINDOW;
      }
      return upsert(annualTable, RecordFacts.annual(a), null);
    }
    if (r instanceof CreditRating c) {
      if (!ratingTable.isEmpty() && c.year() <= ratingTable.last().year - s.lookbackYears) {
        return LedgerChange.OUTSIDE_WINDOW;
      }
      return upsert(ratingTable, new RatingFact(c.year(), c.level().code(), c.publishedAt()), null);
    }
    if (r instanceof MeterReading m) {
      int toMonth = Months.of(m.to());
      if (!monthKept(toMonth, s)) {
        return LedgerChange.OUTSIDE_WINDOW;
      }
      latestMonth = Math.max(latestMonth, toMonth);
      Reading reading = Reading.converted(m.carrier().code(), String.valueOf(m.meterId()),
          m.unit().code(), m.amount(), (int) m.from().toEpochDay(), (int) m.to().toEpochDay(),
          s.energy.kgcePerUnit(m.carrier(), m.unit()));
      return upsert(readingTable, reading, energy == null ? null : energy::put);
    }
    if (r instanceof IpEvent e) {
      IpEventFact f = new IpEventFact(e.ipNo(), e.ipType().code(), e.event().code(), e.at());
      return upsert(ipTable, f, ipBook == null ? null : (old, fact) -> ipBook.put(fact));
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
      LedgerChange change = upsert(titleTable, f, null);
      titlesChanged |= change.changed();
      return change;
    }
    if (r instanceof Financing f) {
      if (!inLookback(f.at(), s)) {
        return LedgerChange.OUTSIDE_WINDOW;
      }
      return upsert(financing, RecordFacts.key(r), new FinancingFact(f.amount(), f.qualifiedInvestor(), f.at()));
    }
    if (r instanceof Award a) {
      if (!inLookback(a.at(), s)) {
        return LedgerChange.OUTSIDE_WINDOW;
      }
      return upsert(awards, RecordFacts.key(r), new AwardFact(a.level().code(), a.rank(), a.at()));
    }
    IncidentFact incident = RecordFacts.incident(r);
    if (!inLookback(incident.occurredAt, s)) {
      return LedgerChange.OUTSIDE_WINDOW;
    }
    return upsert(incidents, r.identity(), incident);
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
    if (changed) {
      profileByField = null;
    }
    return changed ? LedgerChange.CHANGED : LedgerChange.UNCHANGED;
  }

  private boolean putField(ProfileField field, Object value, Instant at) {
    if (value == null) {
      return false;
    }
    return upsert(profileTable, new ProfileFact(field.name(), RecordFacts.profileText(value), at), null)
        .changed();
  }

  private static <K, F extends Versioned> LedgerChange upsert(Map<K, F> map, K key, F fact) {
    F current = map.get(key);
    if (current != null && Versioned.compare(fact, current) <= 0) {
      return LedgerChange.UNCHANGED;
    }
    map.put(key, fact);
    return LedgerChange.CHANGED;
  }

  /** Told of a fact put into a table: the version it replaced (null if new) and the new one. */
  private interface Replaced<F> {
    void replaced(F old, F fact);
  }

  private static <F extends Versioned> LedgerChange upsert(PackedTable<F> table, F fact, Replaced<F> then) {
    int i = table.indexOf(fact);
    if (i >= 0 && Versioned.compare(fact, table.get(i)) <= 0) {
      return LedgerChange.UNCHANGED;
    }
    F old = table.put(i, fact);
    if (then != null) {
      then.replaced(old, fact);
    }
    return LedgerChange.CHANGED;
  }

  // ------------------------------------------------------------------ state form

  /**
   * Decodes the packed facts into the working form, once per ledger object, moving the content of
   * the first state form over first (see the class comment).
   */
  private void open() {
    if (vatTable != null) {
      return;
    }
    vatTable = PackedTable.read(LedgerFormat.VAT, vatPacked);
    annualTable = PackedTable.read(LedgerFormat.ANNUAL, annualPacked);
    ratingTable = PackedTable.read(LedgerFormat.RATINGS, ratingsPacked);
    readingTable = PackedTable.read(LedgerFormat.READINGS, readingsPacked);
    ipTable = PackedTable.read(LedgerFormat.IP_EVENTS, ipPacked);
    profileTable = PackedTable.read(LedgerFormat.PROFILE, profilePacked);
    titleTable = PackedTable.read(LedgerFormat.TITLES, titlesPacked);
    if (vat != null || annual != null || ratings != null || meters != null || ipEvents != null
        || profile != null || titles != null) {
      moveFirstForm();
      store();
    }
  }

  private void moveFirstForm() {
    if (vat != null) {
      vat.values().forEach(f -> upsert(vatTable, f, null));
    }
    if (annual != null) {
      annual.values().forEach(f -> upsert(annualTable, f, null));
    }
    if (ratings != null) {
      ratings.values().forEach(f -> upsert(ratingTable, f, null));
    }
    if (meters != null) {
      meters.forEach((key, f) -> upsert(readingTable, LegacyLedger.reading(key, f), null));
    }
    if (ipEvents != null) {
      ipEvents.values().forEach(f -> upsert(ipTable, f, null));
    }
    if (profile != null) {
      profile.forEach((field, v) -> upsert(profileTable, new ProfileFact(field, v.value, v.at), null));
    }
    if (titles != null) {
      titles.values().forEach(f -> upsert(titleTable, f, null));
    }
    financing = withoutUscc(financing);
    awards = withoutUscc(awards);
    vat = null;
    annual = null;
    ratings = null;
    meters = null;
    ipEvents = null;
    profile = null;
    titles = null;
  }

  private static <F> Map<String, F> withoutUscc(Map<String, F> firstForm) {
    Map<String, F> map = new HashMap<>();
    firstForm.forEach((key, f) -> map.put(LegacyLedger.withoutUscc(key), f));
    return map;
  }

  /** The packed fields from the tables, after a change. */
  private void store() {
    vatPacked = vatTable.bytes();
    annualPacked = annualTable.bytes();
    ratingsPacked = ratingTable.bytes();
    readingsPacked = readingTable.bytes();
    ipPacked = ipTable.bytes();
    profilePacked = profileTable.bytes();
    titlesPacked = titleTable.bytes();
  }

  // ------------------------------------------------------------------ windows

  private boolean monthKept(int yyyymm, LedgerSettings s) {
    return latestMonth == 0 || yyyymm > Months.plus(latestMonth, -s.monthsKept);
  }

  /** The start of the look-back: the latest event time minus {@code lookbackYears}, in China's calendar. */
  public Instant lookbackStart(LedgerSettings s) {
    Cached<Instant> c = lookbackStart;
    if (!Cached.fresh(c, latestEventTime, null, s)) {
      c = new Cached<>(latestEventTime, null, s, ChinaCalendar.plusYears(latestEventTime, -s.lookbackYears));
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
    for (TitleFact other : titleTable.facts()) {
      if (other.title.equals(f.title) && TITLE_ORDER.compare(other, f) > 0) {
        return false;
      }
    }
    return true;
  }

  /** Which of two actions is later: by time, then revoked/expired after granted at the same instant. */
  private static final Comparator<TitleFact> TITLE_ORDER = Ledger::titleOrder;

  private static int titleOrder(TitleFact a, TitleFact b) {
    int c = a.at.compareTo(b.at);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(granted(a) ? 0 : 1, granted(b) ? 0 : 1);
    if (c != 0) {
      return c;
    }
    c = a.action.compareTo(b.action);
    return c != 0 ? c : a.canonical().compareTo(b.canonical());
  }

  private static boolean granted(TitleFact f) {
    return TitleAction.GRANTED.code().equals(f.action);
  }

  /**
   * The items the views show (replayed to the latest event time): all but items invalid for more
   * than {@code invalidIpKeptYears}. Judged on the item's whole history against the latest event
   * time, so it is a function of the final facts only.
   */
  private KeptItems keptItems(LedgerSettings s) {
    Cached<Instant> c = ipHorizon;
    if (!Cached.fresh(c, latestEventTime, null, s)) {
      c = new Cached<>(latestEventTime, null, s, ChinaCalendar.plusYears(latestEventTime, -s.invalidIpKeptYears));
      ipHorizon = c;
    }
    KeptItems kept = keptItems;
    if (kept == null || !kept.holdFor(ipTable.bytes(), s, c.value)) {
      List<IpItem> items;
      if (ipBook == null && applies <= 1) {
        items = IpBook.replay(ipTable.facts()); // read back for one record: no book to keep up
      } else {
        if (ipBook == null) {
          ipBook = new IpBook(ipTable.facts());
        }
        items = ipBook.items();
      }
      kept = new KeptItems(items, c.value, ipTable.bytes(), s);
      keptItems = kept;
    }
    return kept;
  }

  // ------------------------------------------------------------------ views

  /** VAT months inside the window, by yyyymm (a fresh map). */
  public SortedMap<Integer, VatMonth> vatMonths(LedgerSettings s) {
    open();
    SortedMap<Integer, VatMonth> view = new TreeMap<>();
    for (VatMonth v : vatTable.facts()) {
      if (monthKept(v.month, s)) {
        view.put(v.month, v);
      }
    }
    return view;
  }

  /** The latest month (yyyymm) with a VAT return inside the window; 0 if none. */
  public int latestVatMonth(LedgerSettings s) {
    open();
    if (vatTable.isEmpty()) {
      return 0;
    }
    int latest = vatTable.last().month; // the months are sorted: if the latest is out, all are
    return monthKept(latest, s) ? latest : 0;
  }

  /**
   * The VAT returns of the {@code count} months ending with {@code end}, oldest first; null unless
   * every one of them has a return inside the window.
   */
  public List<VatMonth> vatMonths(int end, int count, LedgerSettings s) {
    int first = Months.plus(end, 1 - count);
    int i = vatIndex(first, s); // one search: the run is the entries from the first month on
    if (i < 0 || !monthKept(end, s)) {
      return null;
    }
    if (i + count > vatTable.size()) {
      return null;
    }
    List<VatMonth> run = vatTable.facts().subList(i, i + count);
    for (int k = 0, m = first; k < count; k++, m = Months.plus(m, 1)) {
      if (run.get(k).month != m) {
        return null;
      }
    }
    return run;
  }

  /** The VAT return of {@code yyyymm}; null if none or outside the window. */
  public VatMonth vatMonth(int yyyymm, LedgerSettings s) {
    int i = vatIndex(yyyymm, s);
    return i >= 0 ? vatTable.get(i) : null;
  }

  /** The index in the VAT table of the return of {@code yyyymm}; negative if none or outside the window. */
  private int vatIndex(int yyyymm, LedgerSettings s) {
    open();
    if (!monthKept(yyyymm, s)) {
      return -1;
    }
    if (vatProbe == null) {
      vatProbe = new VatMonth();
    }
    vatProbe.month = yyyymm;
    return vatTable.indexOf(vatProbe);
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

  /**
   * Energy in tce of the {@code count} months ending with {@code end}, oldest first, as in
   * {@link #energyTceByMonth}; null unless readings cover every one of them inside the window.
   */
  public double[] energyTce(int end, int count, LedgerSettings s) {
    double[] tce = new double[count];
    int m = Months.plus(end, 1 - count);
    if (!monthKept(m, s)) {
      return null;
    }
    if (energy == null && applies <= 1 && m > 100) {
      // A ledger read back for one record (RocksDB) is dropped after it: summing the window
      // straight from the readings is cheaper than building the per-month copy for one use.
      open();
      return EnergyMonths.tce(readingTable.facts(), m, count, tce) ? tce : null;
    }
    return energy().tce(m, count, tce) ? tce : null;
  }

  private EnergyMonths energy() {
    open();
    if (energy == null) {
      energy = new EnergyMonths(readingTable.facts());
    }
    return energy;
  }

  /** Annual returns inside the window, by year; read-only. */
  public SortedMap<Integer, AnnualFigures> annualReturns(LedgerSettings s) {
    open();
    if (!Cached.fresh(annualView, annualTable.bytes(), null, s)) {
      annualView = window(annualTable, s.annualReturnsKept, f -> f.year, s);
    }
    return annualView.value;
  }

  /** Tax credit ratings inside the window, by rated year; read-only. */
  public SortedMap<Integer, RatingFact> creditRatings(LedgerSettings s) {
    open();
    if (!Cached.fresh(ratingsView, ratingTable.bytes(), null, s)) {
      ratingsView = window(ratingTable, s.lookbackYears, f -> f.year, s);
    }
    return ratingsView.value;
  }

  /** The facts of the {@code years} latest years (counting back from the latest present), by year. */
  private static <F> Cached<SortedMap<Integer, F>> window(PackedTable<F> table, int years,
      ToIntFunction<F> year, LedgerSettings s) {
    SortedMap<Integer, F> view = new TreeMap<>();
    if (!table.isEmpty()) {
      int from = year.applyAsInt(table.last()) - years + 1;
      for (F f : table.facts()) {
        if (year.applyAsInt(f) >= from) {
          view.put(year.applyAsInt(f), f);
        }
      }
    }
    return new Cached<>(table.bytes(), null, s, Collections.unmodifiableSortedMap(view));
  }

  /**
   * IP items shown in the portfolio (all but those invalid for more than {@code invalidIpKeptYears}
   * at the latest event time), in their state at {@code until}, by ipNo; read-only.
   */
  public List<IpItem> ipItems(LedgerSettings s, Instant until) {
    open();
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
    for (IpEventFact f : ipTable.facts()) {
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
    open();
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
    open();
    return sortedValues(financing, f -> inLookback(f.at, s));
  }

  /** Awards inside the look-back, oldest first. */
  public List<AwardFact> awardsInLookback(LedgerSettings s) {
    open();
    return sortedValues(awards, a -> inLookback(a.at, s));
  }

  /** The values {@code keep} accepts, by time, then by key. */
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
    open();
    ListingFact f = listings.get(list.code());
    return f != null && ListAction.ADD.code().equals(f.action);
  }

  /** The current text value of a profile field, null if never reported. */
  public String profileValue(ProfileField field) {
    ProfileFact v = profileFact(field);
    return v == null ? null : v.value;
  }

  /**
   * The current value of a profile field parsed by {@code parse} (which must be a pure function of
   * the text, returning an immutable value), null if never reported. Parsed once per stored value:
   * the indicators read every field on every record.
   */
  @SuppressWarnings("unchecked")
  public <T> T profileValue(ProfileField field, Function<String, T> parse) {
    ProfileFact v = profileFact(field);
    if (v == null) {
      return null;
    }
    if (parsedFrom == null) {
      parsedFrom = new ProfileFact[ProfileField.values().length];
      parsed = new Object[parsedFrom.length];
    }
    int i = field.ordinal();
    if (parsedFrom[i] != v) {
      parsed[i] = parse.apply(v.value);
      parsedFrom[i] = v;
    }
    return (T) parsed[i];
  }

  private ProfileFact profileFact(ProfileField field) {
    open();
    if (profileByField == null) {
      ProfileFact[] byField = new ProfileFact[ProfileField.values().length];
      for (ProfileFact f : profileTable.facts()) {
        byField[ProfileField.valueOf(f.field).ordinal()] = f;
      }
      profileByField = byField;
    }
    return profileByField[field.ordinal()];
  }

  /**
   * Whether {@code title} is held at {@code t}: the latest action at or before {@code t} is
   * {@code granted} and, if it names a {@code validUntil}, the day of {@code t} is not after it.
   */
  public boolean titleHeldAt(String title, Instant t) {
    open();
    TitleFact latest = null;
    for (TitleFact f : titleTable.facts()) {
      if (f.title.equals(title)) {
        latest = later(latest, f, t);
      }
    }
    return held(latest, t);
  }

  /** Title codes held at {@code t}, sorted. */
  public Set<String> titlesHeldAt(Instant t) {
    open();
    Set<String> held = new TreeSet<>();
    TitleFact latest = null;
    for (TitleFact f : titleTable.facts()) { // by title: each title's actions are together
      if (latest != null && !latest.title.equals(f.title)) {
        if (held(latest, t)) {
          held.add(latest.title);
        }
        latest = null;
      }
      latest = later(latest, f, t);
    }
    if (held(latest, t)) {
      held.add(latest.title);
    }
    return held;
  }

  /** The later of two actions of one title that are at or before {@code t} ({@code latest} may be null). */
  private static TitleFact later(TitleFact latest, TitleFact f, Instant t) {
    return !f.at.isAfter(t) && (latest == null || titleOrder(f, latest) > 0) ? f : latest;
  }

  private static boolean held(TitleFact latest, Instant t) {
    return latest != null && granted(latest)
        && (latest.validUntilDay == null || ChinaCalendar.epochDay(t) <= latest.validUntilDay);
  }

  // ------------------------------------------------------------------ pruning

  /**
   * Drops every fact that no later record can bring back into a view (the operator calls it after
   * every record). IP events are kept: see {@link #ipPacked}.
   *
   * <p>Each kind of fact is looked at only when there can be something to drop: when the reference
   * of its window moved (latest month, latest annual or rated year, latest event time) or, for
   * titles, an action was kept since the last prune. Otherwise every fact of the kind is one
   * {@link #apply} accepted against the same reference, so inside the window. The references the
   * last prune ran with are transient: after a restore it runs once in full.
   */
  public void prune(LedgerSettings s) {
    open();
    if (latestEventTime == null) {
      return;
    }
    boolean all = s != prunedWith;
    boolean changed = false;
    if (all || latestMonth != prunedMonth) {
      changed |= pruneMonths(s);
    }
    int annualYear = annualTable.isEmpty() ? Integer.MIN_VALUE : annualTable.last().year;
    if (all || annualYear != prunedAnnualYear) {
      changed |= annualTable.removeIf(f -> f.year <= annualYear - s.annualReturnsKept);
    }
    int ratingYear = ratingTable.isEmpty() ? Integer.MIN_VALUE : ratingTable.last().year;
    if (all || ratingYear != prunedRatingYear) {
      changed |= ratingTable.removeIf(f -> f.year <= ratingYear - s.lookbackYears);
    }
    if (all || !latestEventTime.equals(prunedAt) || titlesChanged) {
      changed |= pruneLookback(s);
    }
    if (changed) {
      store();
    }
    prunedWith = s;
    prunedAt = latestEventTime;
    prunedMonth = latestMonth;
    prunedAnnualYear = annualYear;
    prunedRatingYear = ratingYear;
    titlesChanged = false;
  }

  private boolean pruneMonths(LedgerSettings s) {
    if (latestMonth == 0) {
      return false;
    }
    int firstKept = Months.plus(latestMonth, 1 - s.monthsKept);
    boolean changed = vatTable.removeIf(v -> v.month < firstKept);
    // A reading is kept while the month of its last day is: while that day is on or after the
    // first day of the first kept month.
    long firstKeptDay = LocalDate.of(firstKept / 100, firstKept % 100, 1).toEpochDay();
    changed |= readingTable.removeIf(r -> {
      if (r.toDay >= firstKeptDay) {
        return false;
      }
      if (energy != null) {
        energy.remove(r);
      }
      return true;
    });
    return changed;
  }

  private boolean pruneLookback(LedgerSettings s) {
    boolean changed = false;
    if (!financing.isEmpty()) {
      changed |= financing.values().removeIf(f -> !inLookback(f.at, s));
    }
    if (!awards.isEmpty()) {
      changed |= awards.values().removeIf(a -> !inLookback(a.at, s));
    }
    if (!incidents.isEmpty()) {
      changed |= incidents.values().removeIf(f -> !inLookback(f.occurredAt, s));
    }
    if (anyTitleBeforeLookback(s)) { // mostly none: then no copy of the table to scan
      List<TitleFact> allTitles = new ArrayList<>(titleTable.facts());
      changed |= titleTable.removeIf(f -> !inLookback(f.at, s) && allTitles.stream()
          .anyMatch(o -> o.title.equals(f.title) && TITLE_ORDER.compare(o, f) > 0));
    }
    return changed;
  }

  /** See {@link #indicatorMemo}: null until set, and after the ledger was deserialized. */
  public Object indicatorMemo() {
    return indicatorMemo;
  }

  public void indicatorMemo(Object memo) {
    indicatorMemo = memo;
  }

  private boolean anyTitleBeforeLookback(LedgerSettings s) {
    for (int i = 0; i < titleTable.size(); i++) {
      if (!inLookback(titleTable.get(i).at, s)) {
        return true;
      }
    }
    return false;
  }

  /** Number of stored entries of every kind: shows pruning in tests and metrics. */
  public int entryCount() {
    open();
    return vatTable.size() + annualTable.size() + ratingTable.size() + readingTable.size()
        + ipTable.size() + listings.size() + (bank == null ? 0 : 1) + financing.size()
        + awards.size() + incidents.size() + profileTable.size() + titleTable.size();
  }
}
