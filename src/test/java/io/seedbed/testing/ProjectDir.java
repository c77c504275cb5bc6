package io.seedbed.testing;

import java.nio.file.Path;

/** The project's root folder: Surefire passes it as seedbed.project.dir; an IDE runs from it. */
public final class ProjectDir {
  private ProjectDir() {}

  public static Path path() {
    return Path.of(System.getProperty("seedbed.project.dir", System.getProperty("user.dir")))
        .toAbsolutePath();
  }
}
