package io.seedbed.ledger;

import java.nio.file.Path;

/** An invalid config file: the message names the file, the line and the field. */
public class ConfigException extends io.seedbed.config.ConfigError {
  public ConfigException(Path file, int line, String field, String message) {
    super(file + ":" + line + ": " + (field == null || field.isEmpty() ? "" : "field '" + field + "': ")
        + message);
  }

  public ConfigException(Path file, String message, Throwable cause) {
    super(file + ": " + message, cause);
  }
}
