package io.seedbed.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** The {@code seedbed} command line: one entry point, one class per command. */
public final class Seedbed {
  static final String USAGE = String.join("\n",
      "Seedbed: real-time cultivation pools for specialised, refined, distinctive and innovative SMEs",
      "",
      "usage: seedbed COMMAND [options]",
      "  run        run the streaming job (local Flink, embedded PostgreSQL by default)",
      "  generate   write a synthetic city's feeds",
      "  rules      validate rule files, or explain one enterprise's criteria",
      "  backtest   replay feeds under baseline and candidate rules; report what changes",
      "  db         query or serve the embedded PostgreSQL",
      "",
      "seedbed COMMAND --help shows a command's options.");

  private Seedbed() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
      out.println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    boolean help = Arrays.asList(rest).contains("--help");
    try {
      switch (command) {
        case "run":
          if (help) {
            out.println(RunCommand.USAGE);
            return 0;
          }
          return RunCommand.run(rest, out);
        case "generate":
          return io.seedbed.cli.generate.GenerateCommand.run(rest);
        case "rules":
          return RulesCommand.run(rest, out);
        case "backtest":
          if (help) {
            out.println(BacktestCommand.USAGE);
            return 0;
          }
          return BacktestCommand.run(rest, out);
        case "db":
          if (help) {
            out.println(DbCommand.USAGE);
            return 0;
          }
          return DbCommand.run(rest, out);
        default:
          err.println("unknown command '" + command + "'\n\n" + USAGE);
          return 2;
      }
    } catch (Args.UsageException e) {
      err.println("seedbed " + command + ": " + e.getMessage());
      return 2;
    } catch (io.seedbed.config.ConfigError e) {
      err.println("seedbed " + command + ": invalid config: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println("seedbed " + command + " failed: " + e);
      Throwable cause = e.getCause();
      while (cause != null) {
        err.println("  caused by: " + cause);
        cause = cause.getCause();
      }
      return 1;
    }
  }
}
