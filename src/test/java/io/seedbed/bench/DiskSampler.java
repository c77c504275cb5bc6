package io.seedbed.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * Samples the bytes under a few folders every 2 s on a daemon thread and keeps each one's peak:
 * RocksDB's local files and the checkpoints live only while the job runs (both are deleted when
 * it ends), so their size must be caught during the run. Files that compaction or checkpoint
 * subsumption delete during a walk are skipped.
 */
final class DiskSampler {
  private final List<Path> dirs;
  private final long[] peak;
  private final Thread thread;
  private volatile boolean running = true;

  private DiskSampler(List<Path> dirs) {
    this.dirs = dirs;
    this.peak = new long[dirs.size()];
    thread = new Thread(this::loop, "disk-sampler");
    thread.setDaemon(true);
  }

  static DiskSampler start(List<Path> dirs) {
    DiskSampler s = new DiskSampler(dirs);
    s.thread.start();
    return s;
  }

  private void loop() {
    while (running) {
      for (int i = 0; i < dirs.size(); i++) {
        peak[i] = Math.max(peak[i], bytesUnder(dirs.get(i)));
      }
      try {
        Thread.sleep(2000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  static long bytesUnder(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.mapToLong(DiskSampler::sizeOrZero).sum();
    } catch (NoSuchFileException | UncheckedIOException e) {
      return 0; // a folder vanished mid-walk; the next sample counts again
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long sizeOrZero(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return a.isRegularFile() ? a.size() : 0;
    } catch (IOException e) {
      return 0; // deleted between listing and reading
    }
  }

  void stop() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join();
  }

  /** The largest size seen of the i-th folder, in MB. */
  long peakMb(int i) {
    return peak[i] >> 20;
  }
}
