package io.seedbed.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options of the form {@code --name value} and {@code --flag}. Unknown options are an
 * error naming the option, so a typo never silently runs with a default.
 */
public final class Args {
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  private Args() {}

  /**
   * Parses {@code args}. {@code withValue} names the options that take a value, {@code flags} the
   * ones that do not.
   */
  public static Args parse(String[] args, Set<String> withValue, Set<String> flags) {
    Args a = new Args();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("--")) {
        String name = arg.substring(2);
        String inline = null;
        int eq = name.indexOf('=');
        if (eq >= 0) {
          inline = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        if (flags.contains(name)) {
          a.values.put(name, "true");
        } else if (withValue.contains(name)) {
          if (inline == null && i + 1 >= args.length) {
            throw new UsageException("option --" + name + " needs a value");
          }
          a.values.put(name, inline != null ? inline : args[++i]);
        } else {
          throw new UsageException("unknown option --" + name);
        }
      } else {
        a.positional.add(arg);
      }
    }
    return a;
  }

  public String get(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  public String require(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new UsageException("missing --" + name);
    }
    return v;
  }

  public boolean flag(String name) {
    return values.containsKey(name);
  }

  public int intValue(String name, int defaultValue) {
    String v = values.get(name);
    if (v == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number, got '" + v + "'");
    }
  }

  public List<String> positional() {
    return positional;
  }

  /** A wrong command line: printed with the command's usage, exit code 2. */
  public static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }
}
