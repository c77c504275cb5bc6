package io.seedbed.rule;

/**
 * An invalid rule or city configuration file. The message always names the file, the line and the
 * field (its dotted path in the file), e.g.
 * {@code miit-2022.yaml:42: pools.srdi.criteria.all[1].value: negative threshold -1.0 ...}.
 */
public class RuleConfigException extends io.seedbed.config.ConfigError {
  private final String file;
  private final int line;
  private final String field;

  public RuleConfigException(String file, int line, String field, String problem) {
    super(file + ":" + line + ": " + (field.isEmpty() ? "(document)" : field) + ": " + problem);
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

  /** Dotted path of the offending field, e.g. {@code pools.srdi.criteria.all[1].value}. */
  public String field() {
    return field;
  }
}
