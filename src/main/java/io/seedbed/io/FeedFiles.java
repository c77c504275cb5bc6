package io.seedbed.io;

import io.seedbed.feed.Feed;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;

/**
 * Where a feed's files are in a feeds folder (contract/feeds.md): {@code FEED.jsonl} and/or the
 * folder {@code FEED/} with any number of {@code *.jsonl} files. A feed with neither is empty.
 */
public final class FeedFiles {
  private FeedFiles() {}

  /** The paths to read for {@code feed}: the file, the folder, both or none. */
  public static List<Path> paths(Path feedsDir, Feed feed) {
    List<Path> paths = new ArrayList<>();
    Path file = feedsDir.resolve(feed.id() + ".jsonl");
    Path dir = feedsDir.resolve(feed.id());
    if (Files.isRegularFile(file)) {
      paths.add(file);
    }
    if (Files.isDirectory(dir)) {
      paths.add(dir);
    }
    return paths;
  }

  /**
   * A file source for {@code feed}, or null when the feed has no files (and is not followed).
   * When {@code follow}, the folder {@code FEED/} is created if missing and watched for new files.
   */
  public static FileSource<RawLine> source(Path feedsDir, Feed feed, boolean follow,
      Duration discoveryInterval) {
    List<Path> paths = paths(feedsDir, feed);
    if (follow && !paths.contains(feedsDir.resolve(feed.id()))) {
      File dir = feedsDir.resolve(feed.id()).toFile();
      if (!dir.isDirectory() && !dir.mkdirs()) {
        throw new IllegalStateException("cannot create the folder to follow: " + dir);
      }
      paths.add(dir.toPath());
    }
    if (paths.isEmpty()) {
      return null;
    }
    org.apache.flink.core.fs.Path[] flinkPaths = paths.stream()
        .map(p -> new org.apache.flink.core.fs.Path(p.toAbsolutePath().toUri()))
        .toArray(org.apache.flink.core.fs.Path[]::new);
    FileSource.FileSourceBuilder<RawLine> builder = FileSource
        .forRecordStreamFormat(new CappedLineFormat(), flinkPaths)
        .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(FeedFiles::isFeedFile));
    if (follow) {
      builder.monitorContinuously(discoveryInterval);
    }
    return builder.build();
  }

  /** Folders, and files named {@code *.jsonl}; hidden and in-progress ({@code _x}) names are skipped. */
  private static boolean isFeedFile(org.apache.flink.core.fs.Path path) {
    String name = path.getName();
    if (name.startsWith(".") || name.startsWith("_")) {
      return false;
    }
    if (name.endsWith(".jsonl")) {
      return true;
    }
    try {
      return path.getFileSystem().getFileStatus(path).isDir();
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
