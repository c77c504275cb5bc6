package io.seedbed.testing;

import java.nio.file.Path;

/** Files of the project (config/, samples/) as seen from a test, wherever Maven runs it. */
public final class ProjectFiles {
  private ProjectFiles() {}

  public static Path dir() {
    return Path.of(System.getProperty("seedbed.project.dir", ".")).toAbsolutePath().normalize();
  }

  public static Path path(String relative) {
    return dir().resolve(relative);
  }
}
