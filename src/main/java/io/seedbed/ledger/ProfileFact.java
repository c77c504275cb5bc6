package io.seedbed.ledger;

import java.time.Instant;

/**
 * The current value of one profile field and the time of the patch that set it, as the ledger
 * works with it (the packed state form is in {@link LedgerFormat}; {@link ProfileValue} is the older
 * map form). Keeping the time per field means an older patch arriving late cannot override a newer
 * value. Values are text (dates ISO, lists as sorted JSON arrays) so one form serves every field.
 */
public final class ProfileFact implements Versioned {
  /** The ProfileField name. */
  public final String field;
  public final String value;
  public final Instant at;

  public ProfileFact(String field, String value, Instant at) {
    this.field = field;
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
