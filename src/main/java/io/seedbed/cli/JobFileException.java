package io.seedbed.cli;

/** An invalid job file: names the file, the line and the field, e.g. {@code engine.yaml:12: sinks.jdbc.url: missing}. */
public final class JobFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public final String file;
  public final int line;
  public final String field;

  public JobFileException(String file, int line, String field, String problem) {
    super(file + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
    this.file = file;
    this.line = line;
    this.field = field;
  }
}
