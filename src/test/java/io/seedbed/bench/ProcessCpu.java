package io.seedbed.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used, to turn a wall-clock rate into a rate per core: this JVM (the MiniCluster with
 * every Flink thread) from its MXBean, and a PostgreSQL server from /proc (Linux): the postmaster
 * whose command line names {@code dataDir}, its live children, and the children that exited.
 */
final class ProcessCpu {
  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

  private ProcessCpu() {}

  /** CPU seconds (user and system) of this JVM so far. */
  static double jvmSeconds() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }

  /**
   * CPU seconds so far of this JVM's garbage collector threads ({@code [0]}: G1's or the parallel
   * collector's workers, G1's refinement, marking and service threads, the VM thread that runs
   * the pauses) and JIT compiler threads ({@code [1]}), from /proc/self/task (Linux; NaN
   * elsewhere). These threads live as long as the JVM, so the difference of two readings is what
   * they used in between.
   */
  static double[] gcAndJitSeconds() {
    double gc = 0;
    double jit = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        String name = read(t.resolve("comm")).trim();
        String[] f = stat(t);
        double seconds = (ticks(f, 13) + ticks(f, 14)) / TICKS_PER_SECOND;
        if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
          gc += seconds;
        } else if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
          jit += seconds;
        }
      }
      return new double[] {gc, jit};
    } catch (IOException | RuntimeException e) {
      return new double[] {Double.NaN, Double.NaN};
    }
  }

  /** CPU seconds of the PostgreSQL server whose data folder path contains {@code dataDir}; NaN if not found. */
  static double postgresSeconds(String dataDir) {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      long postmaster = -1;
      double total = 0;
      for (Path p : (Iterable<Path>) procs.filter(ProcessCpu::isPid)::iterator) {
        String cmdline = read(p.resolve("cmdline")).replace('\0', ' ');
        if (cmdline.contains("postgres") && cmdline.contains(" -D ") && cmdline.contains(dataDir)) {
          postmaster = Long.parseLong(p.getFileName().toString());
          String[] f = stat(p);
          total += ticks(f, 13) + ticks(f, 14) + ticks(f, 15) + ticks(f, 16); // own + waited-for children
        }
      }
      if (postmaster < 0) {
        return Double.NaN;
      }
      try (Stream<Path> again = Files.list(Path.of("/proc"))) {
        for (Path p : (Iterable<Path>) again.filter(ProcessCpu::isPid)::iterator) {
          String[] f = stat(p);
          if (f.length > 15 && Long.parseLong(f[3]) == postmaster) {
            total += ticks(f, 13) + ticks(f, 14);
          }
        }
      }
      return total / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static boolean isPid(Path p) {
    return p.getFileName().toString().chars().allMatch(Character::isDigit);
  }

  /** The fields of /proc/PID/stat after the command name (which may hold spaces); index as in proc(5) minus one. */
  private static String[] stat(Path proc) {
    String s = read(proc.resolve("stat"));
    int close = s.lastIndexOf(')');
    if (close < 0) {
      return new String[0];
    }
    String[] rest = s.substring(close + 2).split(" ");
    String[] f = new String[rest.length + 2];
    f[0] = s.substring(0, s.indexOf(' '));
    f[1] = "comm";
    System.arraycopy(rest, 0, f, 2, rest.length);
    return f;
  }

  private static double ticks(String[] f, int i) {
    return f.length > i ? Long.parseLong(f[i]) : 0;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return ""; // the process ended meanwhile
    }
  }
}
