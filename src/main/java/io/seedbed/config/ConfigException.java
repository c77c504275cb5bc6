package io.seedbed.config;

/**
 * An invalid configuration file, naming the file, the line and the field (its dotted path, list
 * items as {@code [i]}): {@code miit-2022.yaml:42: field 'pools.srdi.criteria.all[1].value': problem}.
 * A problem of the whole document (empty, unreadable) has an empty field and leaves it out.
 */
public class ConfigException extends ConfigError {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String field;

  public ConfigException(String file, int line, String field, String problem) {
    this(file, line, field, problem, null);
  }

  public ConfigException(String file, int line, String field, String problem, Throwable cause) {
    super(file + ":" + line + ": " + (field == null || field.isEmpty() ? "" : "field '" + field
        + "': ") + problem, cause);
    this.file = file;
    this.line = line;
    this.field = field == null ? "" : field;
  }

  public String file() {
    return file;
  }

  /** 1-based line of the offending value (of its mapping when the field is missing); 0 if unknown. */
  public int line() {
    return line;
  }

  /** Dotted path of the offending field, e.g. {@code pools.srdi.criteria.all[1].value}. */
  public String field() {
    return field;
  }
}
