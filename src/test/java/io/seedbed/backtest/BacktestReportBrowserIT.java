package io.seedbed.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in a real browser (headless Chromium, straight from disk, no server) and checks
 * the page as the browser built it, after its script ran: charts drawn, table complete, filter
 * counter set. Installs Chromium (and a Chinese font) with apt when missing (the build machines
 * run as root);
 * if that is impossible the test fails and says why rather than skipping unnoticed.
 */
class BacktestReportBrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long INSTALL_TIMEOUT_SECONDS = 900;
  private static final long RENDER_TIMEOUT_SECONDS = 60;
  private static final Pattern SVG = Pattern.compile("<svg\\b([^>]*)>(.*?)</svg>", Pattern.DOTALL);
  private static final Pattern POLYLINE = Pattern.compile("<polyline\\b([^>]*)>");
  private static final Pattern POINT = Pattern.compile("-?\\d+(\\.\\d+)?,-?\\d+(\\.\\d+)?");

  @TempDir
  static Path tmp;

  private static Path html;

  @BeforeAll
  static void chromiumAndReport() throws Exception {
    ensureChromium();
    Path out = outputDir();
    html = out.resolve("report.html");
    BacktestReport.writeHtml(SampleRuns.diff(), html);
  }

  @Test
  void browserBuildsEveryChartAndTheWholeTable() throws Exception {
    String dom = run("dump-dom", "--dump-dom", html.toUri().toString());

    List<String> charts = new ArrayList<>();
    Matcher svg = SVG.matcher(dom);
    while (svg.find()) {
      String id = attr(svg.group(1), "id");
      if (id == null || !id.startsWith("chart-")) {
        continue;
      }
      assertThat(attr(svg.group(1), "class")).isEqualTo("chart");
      charts.add(id);
      List<String> runs = new ArrayList<>();
      Matcher line = POLYLINE.matcher(svg.group(2));
      while (line.find()) {
        runs.add(attr(line.group(1), "data-run"));
        Matcher point = POINT.matcher(attr(line.group(1), "points"));
        int points = 0;
        while (point.find()) {
          points++;
        }
        assertThat(points).as(id + " points per series (Jan..Jun)").isEqualTo(6);
      }
      assertThat(runs).as(id + " series").containsExactly("baseline", "candidate");
    }
    assertThat(charts).containsExactly("chart-scale_up", "chart-srdi");

    assertThat(count(dom, "<tr class=\"affected-row")).isEqualTo(SampleRuns.AFFECTED_ORDER.size());
    // the inline script ran: it fills the counter
    assertThat(dom).contains("<span id=\"shown\">4 / 4 shown</span>");
    // hostile district text stayed text: still exactly one script element after parsing
    assertThat(count(dom, "<script")).isEqualTo(1);
    assertThat(dom).contains("&lt;script&gt;alert('district')&lt;/script&gt;");
  }

  @Test
  void screenshotIsAFullPage() throws Exception {
    Path png = html.resolveSibling("report.png");
    Files.deleteIfExists(png);
    run("screenshot", "--screenshot=" + png, "--window-size=1280,2000", html.toUri().toString());

    assertThat(png).exists();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).as("PNG bytes of a drawn page").isGreaterThan(30_000);
    // IHDR: width and height, big-endian, at offsets 16 and 20
    ByteBuffer header = ByteBuffer.wrap(bytes, 16, 8);
    assertThat(header.getInt()).isEqualTo(1280);
    assertThat(header.getInt()).isEqualTo(2000);
  }

  /** Runs headless Chromium with a fresh profile and returns its standard output. */
  private static String run(String name, String... args) throws Exception {
    Path profile = Files.createTempDirectory(tmp, "profile-");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path stdout = tmp.resolve(name + ".out");
    Path stderr = tmp.resolve(name + ".err");
    Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile()).start();
    if (!p.waitFor(RENDER_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail("chromium " + name + " did not finish within " + RENDER_TIMEOUT_SECONDS + " s: " + tail(stderr));
    }
    if (p.exitValue() != 0) {
      fail("chromium " + name + " exited " + p.exitValue() + ": " + tail(stderr));
    }
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  /**
   * Installs what is missing: Chromium, and a small Chinese font (1.6 MB) so that the pool names
   * in the screenshot are readable rather than empty boxes.
   */
  private static void ensureChromium() throws Exception {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(CHROMIUM)) {
      missing.add("chromium");
    }
    if (!hasChineseFont()) {
      missing.add("fonts-wqy-microhei");
    }
    if (missing.isEmpty()) {
      return;
    }
    String install = "apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "
        + String.join(" ", missing);
    Path log = tmp.resolve("apt.log");
    Process p = new ProcessBuilder("bash", "-c", install)
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(INSTALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail("'" + install + "' did not finish within " + INSTALL_TIMEOUT_SECONDS
          + " s. Install " + missing + " by hand (as root). Last output: " + tail(log));
    }
    if (p.exitValue() != 0 || !Files.isExecutable(CHROMIUM)) {
      fail("'" + install + "' failed (exit " + p.exitValue() + "; it needs root and a Debian "
          + "mirror). Install " + missing + " by hand. Last output: " + tail(log));
    }
  }

  /** Whether fontconfig knows a font covering Chinese (false when fontconfig is not installed). */
  private static boolean hasChineseFont() throws Exception {
    try {
      Process p = new ProcessBuilder("fc-list", ":lang=zh", "family").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isBlank();
    } catch (IOException noFontconfig) {
      return false;
    }
  }

  /** target/backtest-report-it when run by Maven, so the page and screenshot can be looked at. */
  private static Path outputDir() throws IOException {
    String project = System.getProperty("seedbed.project.dir");
    Path dir = project == null ? tmp.resolve("report")
        : Path.of(project, "target", "backtest-report-it");
    return Files.createDirectories(dir);
  }

  private static String attr(String attributes, String name) {
    Matcher m = Pattern.compile("(?:^|\\s)" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(attributes);
    return m.find() ? m.group(1) : null;
  }

  private static int count(String s, String part) {
    return s.split(Pattern.quote(part), -1).length - 1;
  }

  private static String tail(Path file) throws IOException {
    if (!Files.exists(file)) {
      return "(no output)";
    }
    String s = Files.readString(file, StandardCharsets.UTF_8);
    return s.length() <= 2000 ? s : "…" + s.substring(s.length() - 2000);
  }
}
