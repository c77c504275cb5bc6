package io.seedbed.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The size on disk of a savepoint or checkpoint folder. */
final class CheckpointSize {
  private CheckpointSize() {}

  /** Bytes of every file under {@code dir}; fails unless it holds a completed one ({@code _metadata}). */
  static long of(Path dir) throws IOException {
    if (!Files.exists(dir.resolve("_metadata"))) {
      throw new IllegalStateException("no completed savepoint or checkpoint in " + dir);
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(CheckpointSize::size).sum();
    }
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
