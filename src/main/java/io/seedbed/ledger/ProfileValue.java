package io.seedbed.ledger;

import java.time.Instant;

/**
 * The current value of one profile field and the time of the patch that set it, in the ledger's
 * first state form ({@link Ledger#profile}, savepoint v1): kept so that such state restores; the
 * ledger now works with {@link ProfileFact}.
 */
public class ProfileValue implements Versioned {
  public String value;
  public Instant at;

  public ProfileValue() {}

  public ProfileValue(String value, Instant at) {
    this.value = value;
    this.at = at;
  }

  @Override
  public Instant versionTime() {
    return at;
  }

  @Override
  public String canonical() {
    return value;
  }
}
