package io.seedbed.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** registry feed, kind {@code profile}: A profile patch: the non-null fields replace the enterprise's current values; null fields keep theirs. */
public record Profile(
    String uscc,
    Instant at,
    String name,
    LocalDate registeredAt,
    String district,
    String industry,
    Boolean legalPerson,
    EnterpriseStatus status,
    Double landAreaMu,
    List<String> certifications,
    LocalDate nicheSince,
    List<ProductTag> productTags,
    RdInstitution rdInstitution,
    Integer digitalLevel,
    Boolean ownBrand,
    ListingStage listing,
    Double valuationUsd,
    Double marketShare,
    Integer marketRank,
    Double developmentScore) implements FeedRecord {

  public static final String KIND = "profile";

  @Override
  public Feed feed() {
    return Feed.REGISTRY;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Instant eventTime() {
    return at;
  }

  @Override
  public String identity() {
    return KIND + "|" + uscc + "|" + at;
  }
}
