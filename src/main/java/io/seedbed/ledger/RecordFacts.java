package io.seedbed.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.seedbed.feed.Accident;
import io.seedbed.feed.AnnualReturn;
import io.seedbed.feed.Coded;
import io.seedbed.feed.Falsification;
import io.seedbed.feed.FeedRecord;
import io.seedbed.feed.Json;
import io.seedbed.feed.Penalty;
import io.seedbed.feed.TaxViolation;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** The facts the ledger keeps of a feed record: what of a record it stores, and in what form. */
final class RecordFacts {
  private RecordFacts() {}

  static IncidentFact incident(FeedRecord r) {
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

  static AnnualFigures annual(AnnualReturn a) {
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

  /** Text form of a profile value: codes for enums, ISO dates, lists as sorted JSON arrays. */
  static String profileText(Object value) {
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

  /**
   * A record's identity without the USCC: the map keys of a ledger, which is one enterprise's
   * (feeds.md spells identities as {@code kind|USCC|...}; some kinds have no USCC in them).
   */
  static String key(FeedRecord r) {
    String identity = r.identity();
    String uscc = "|" + r.uscc() + "|";
    int at = identity.indexOf(uscc);
    return at < 0 ? identity : identity.substring(0, at + 1) + identity.substring(at + uscc.length());
  }
}
