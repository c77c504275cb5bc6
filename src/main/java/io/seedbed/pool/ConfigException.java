package io.seedbed.pool;

/** Invalid configuration: names the file, the line and the field, so the operator can fix it at once. */
public class ConfigException extends io.seedbed.config.ConfigError {
  private final String file;
  private final int line;
  private final String field;

  public ConfigException(String file, int line, String field, String problem) {
    super(file + ":" + line + ": field '" + field + "': " + problem);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public String field() {
    return field;
  }
}
