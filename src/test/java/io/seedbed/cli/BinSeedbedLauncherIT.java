package io.seedbed.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedbed.cli.generate.CityGenerator;
import io.seedbed.testing.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a user runs it: the packaged {@code bin/seedbed} (thin jar plus
 * target/lib, built by {@code mvn package}) runs a small city on the embedded PostgreSQL, then
 * {@code bin/seedbed db} reads the tables back from the data it left. Runs after {@code package}
 * (failsafe), so a classpath the MiniCluster tests cannot see is checked too.
 */
class BinSeedbedLauncherIT {
  @TempDir
  Path work;

  @Test
  void theEmbeddedRunAndTheDbCommandWorkFromThePackagedLauncher() throws Exception {
    Path city = work.resolve("city");
    new CityGenerator(30, YearMonth.of(2024, 1), YearMonth.of(2026, 6), 13).generate(city);
    Path state = work.resolve("state");

    Result run = seedbed("run", "--feeds", city.toString(), "--state-dir", state.toString(),
        "--out", work.resolve("out").toString());
    assertThat(run.exit).as(run.output).isZero();
    assertThat(run.output).contains("Seedbed run finished", "Enterprises: 30", "Pools (members");
    List<String> snapshots = Files.readAllLines(work.resolve("out/indicator_snapshot.jsonl"),
        StandardCharsets.UTF_8);
    assertThat(snapshots).hasSize(30);

    Result db = seedbed("db", "--state-dir", state.toString(), "--sql",
        "SELECT count(*) AS n FROM indicator_snapshot");
    assertThat(db.exit).as(db.output).isZero();
    assertThat(db.output).contains("n\n30\n(1 rows)");
  }

  private record Result(int exit, String output) {}

  private Result seedbed(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(ProjectFiles.path("bin/seedbed").toString());
    command.addAll(List.of(args));
    Path log = Files.createTempFile(work, "seedbed", ".log");
    Process p = new ProcessBuilder(command).directory(ProjectFiles.dir().toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("bin/seedbed " + args[0] + " did not finish in 10 minutes");
    }
    return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
