package io.seedbed.backtest;

import static io.seedbed.backtest.Html.esc;

import java.util.List;
import java.util.Locale;

/**
 * One pool's members at each month end, baseline against candidate, as an inline SVG line chart:
 * no script and no network, so it renders the same from disk in any browser and in print.
 */
final class SvgLineChart {
  static final String BASELINE_COLOUR = "#1f6fb4";
  static final String CANDIDATE_COLOUR = "#d9480f";

  private static final int WIDTH = 760;
  private static final int HEIGHT = 270;
  private static final int LEFT = 52;
  /** Wide enough for half of the last month label, which is centred on the last point. */
  private static final int RIGHT = 36;
  private static final int TOP = 36;
  private static final int BOTTOM = 40;
  /** Room for one "2024-05" label; fewer labels are drawn when the months do not fit. */
  private static final int LABEL_WIDTH = 58;
  /** Above this many months the point markers would clutter the lines; they are left out. */
  private static final int MAX_MARKED_MONTHS = 48;

  private SvgLineChart() {}

  static void write(StringBuilder out, String pool, String title, List<MonthCount> series) {
    int n = series.size();
    int max = 1;
    for (MonthCount m : series) {
      max = Math.max(max, Math.max(m.baseline(), m.candidate()));
    }
    int step = niceStep(max);
    int yMax = ((max + step - 1) / step) * step;
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;

    out.append("<svg id=\"chart-").append(esc(pool)).append("\" class=\"chart\" data-pool=\"")
        .append(esc(pool)).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(esc(title)).append("\">\n");
    out.append("<title>").append(esc(title)).append("</title>\n");

    // horizontal grid lines and y labels
    for (int v = 0; v <= yMax; v += step) {
      double y = TOP + plotH - plotH * v / yMax;
      out.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
          .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>")
          .append("<text class=\"y-label\" x=\"").append(LEFT - 6).append("\" y=\"")
          .append(fmt(y + 4)).append("\" text-anchor=\"end\">").append(v).append("</text>\n");
    }
    // axes
    out.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(LEFT)
        .append("\" y1=\"").append(TOP).append("\" y2=\"").append(fmt(TOP + plotH)).append("\"/>")
        .append("<line class=\"axis\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
        .append("\" y1=\"").append(fmt(TOP + plotH)).append("\" y2=\"").append(fmt(TOP + plotH))
        .append("\"/>\n");
    // month labels, every k-th so that they never overlap
    int every = Math.max(1, (int) Math.ceil(n * LABEL_WIDTH / plotW));
    for (int i = 0; i < n; i += every) {
      out.append("<text class=\"x-label\" x=\"").append(fmt(x(i, n, plotW))).append("\" y=\"")
          .append(fmt(TOP + plotH + 18)).append("\" text-anchor=\"middle\">")
          .append(series.get(i).month()).append("</text>\n");
    }
    series(out, "baseline", BASELINE_COLOUR, "", series, true, yMax, plotW, plotH);
    series(out, "candidate", CANDIDATE_COLOUR, " stroke-dasharray=\"7 4\"", series, false, yMax,
        plotW, plotH);
    legend(out);
    out.append("</svg>\n");
  }

  private static void series(StringBuilder out, String run, String colour, String extra,
      List<MonthCount> series, boolean baseline, int yMax, double plotW, double plotH) {
    int n = series.size();
    StringBuilder points = new StringBuilder();
    StringBuilder markers = new StringBuilder();
    for (int i = 0; i < n; i++) {
      MonthCount m = series.get(i);
      int v = baseline ? m.baseline() : m.candidate();
      String px = fmt(x(i, n, plotW));
      String py = fmt(TOP + plotH - plotH * v / yMax);
      points.append(i == 0 ? "" : " ").append(px).append(',').append(py);
      if (n <= MAX_MARKED_MONTHS) {
        markers.append("<circle class=\"point ").append(run).append("\" cx=\"").append(px)
            .append("\" cy=\"").append(py).append("\" r=\"3\" fill=\"").append(colour)
            .append("\"><title>").append(m.month()).append(' ').append(run).append(": ").append(v)
            .append("</title></circle>");
      }
    }
    out.append("<polyline class=\"series ").append(run).append("\" data-run=\"").append(run)
        .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"")
        .append(baseline ? "3" : "2").append('"').append(extra).append(" points=\"").append(points)
        .append("\"/>\n");
    if (markers.length() > 0) {
      out.append("<g class=\"points ").append(run).append("\">").append(markers).append("</g>\n");
    }
  }

  private static void legend(StringBuilder out) {
    int x = WIDTH - RIGHT - 250;
    out.append("<g class=\"legend\">")
        .append("<line x1=\"").append(x).append("\" x2=\"").append(x + 28)
        .append("\" y1=\"14\" y2=\"14\" stroke=\"").append(BASELINE_COLOUR)
        .append("\" stroke-width=\"3\"/>")
        .append("<text x=\"").append(x + 34).append("\" y=\"18\">baseline 基线</text>")
        .append("<line x1=\"").append(x + 130).append("\" x2=\"").append(x + 158)
        .append("\" y1=\"14\" y2=\"14\" stroke=\"").append(CANDIDATE_COLOUR)
        .append("\" stroke-width=\"2\" stroke-dasharray=\"7 4\"/>")
        .append("<text x=\"").append(x + 164).append("\" y=\"18\">candidate 候选</text>")
        .append("</g>\n");
  }

  private static double x(int i, int n, double plotW) {
    return n == 1 ? LEFT + plotW / 2 : LEFT + plotW * i / (n - 1);
  }

  /** A whole-number grid step of 1, 2 or 5 × 10^k giving at most five intervals. */
  static int niceStep(int max) {
    int step = 1;
    while (true) {
      for (int f : new int[] {1, 2, 5}) {
        if (max <= 5 * step * f) {
          return step * f;
        }
      }
      step *= 10;
    }
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
