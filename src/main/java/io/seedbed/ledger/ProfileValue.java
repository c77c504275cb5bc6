package io.seedbed.ledger;

import java.time.Instant;

/**
 * The current value of one profile field and the time of the patch that set it. Keeping the time
 * per field means an older patch arriving late cannot override a newer value. Values are stored as
 * text (dates ISO, lists as sorted JSON arrays) so one POJO type serves every field.
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
