package io.seedbed.feed;

import java.time.Instant;

/**
 * One validated record of a feed (see contract/feeds.md). Every record names its enterprise, its
 * event time (the field marked (t) in the contract) and its identity: two records with the same
 * identity are the same fact, and the one with the later event time replaces the other.
 */
public sealed interface FeedRecord
    permits VatReturn, AnnualReturn, CreditRating, TaxViolation, Penalty, Accident, Listing, BankCredit, Falsification, MeterReading, IpEvent, Profile, TitleEvent, Financing, Award {

  /** The enterprise's unified social credit code; always valid. */
  String uscc();

  Feed feed();

  /** The {@code kind} of the record within its feed. */
  String kind();

  /** The event time: the contract's (t) field; a date counts from its start in China. */
  Instant eventTime();

  /** The fields that make two records the same fact, joined into one string (kind included). */
  String identity();
}
