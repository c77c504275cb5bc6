package io.seedbed.config;

/**
 * Any invalid configuration file. Subclasses (per loader) put the file, the line and the field in
 * the message; the command line reports it and stops before the job starts.
 */
public abstract class ConfigError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected ConfigError(String message) {
    super(message);
  }

  protected ConfigError(String message, Throwable cause) {
    super(message, cause);
  }
}
