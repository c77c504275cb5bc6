package io.seedbed.backtest;

import static io.seedbed.backtest.Html.esc;

import io.seedbed.feed.FeedTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a {@link Diff} as one self-contained HTML page: inline CSS, inline SVG charts and a few
 * lines of inline script (the table filter). Nothing is fetched, so it opens straight from disk.
 * Every value from the runs goes through {@link Html#esc}; the script reads the page's own text
 * only and never writes markup.
 */
final class HtmlReport {
  private static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",
        "WenQuanYi Micro Hei",sans-serif;
        margin:24px;color:#1d2430;background:#fff;font-size:14px}
      h1{font-size:22px;margin:0 0 6px} h2{font-size:18px;margin:28px 0 10px;border-bottom:1px solid #d8dee8;padding-bottom:4px}
      table{border-collapse:collapse} th,td{border:1px solid #d8dee8;padding:4px 8px;text-align:left;vertical-align:top}
      th{background:#f1f4f9;font-weight:600} td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
      #verdict{font-weight:600;padding:6px 10px;display:inline-block;border-radius:4px}
      #verdict.identical{background:#e6f4ea;color:#1e6b34} #verdict.different{background:#fff4e5;color:#8a4b00}
      .charts{display:flex;flex-wrap:wrap;gap:12px}
      figure.pool-chart{margin:0;border:1px solid #d8dee8;border-radius:4px;padding:8px}
      figcaption{font-weight:600;margin-bottom:4px}
      svg.chart{max-width:100%;height:auto} svg .grid{stroke:#e6eaf0} svg .axis{stroke:#5b6575}
      svg text{font-size:11px;fill:#5b6575} svg .legend text{font-size:12px;fill:#1d2430}
      .untracked{color:#8a93a3;font-style:italic} .reason{color:#5b6575;font-size:12px;white-space:nowrap}
      .kind-enters td.kind{color:#1e6b34} .kind-leaves td.kind{color:#b42318} .kind-changes_status td.kind{color:#8a4b00}
      table.criteria{font-size:12px} table.criteria td,table.criteria th{padding:2px 6px}
      tr.differs{background:#fff4e5} tr.differs td.name{font-weight:600}
      .pass{color:#1e6b34} .fail{color:#b42318}
      .scroll{overflow-x:auto} td.uscc{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap}
      #totals{margin-top:12px}
      #filter{padding:4px 8px;width:320px} #shown{color:#5b6575;margin-left:8px}
      """;

  /** Hides affected rows that do not contain the filter text; touches no markup. */
  private static final String SCRIPT = """
      (function () {
        var filter = document.getElementById('filter');
        var shown = document.getElementById('shown');
        var rows = document.querySelectorAll('#affected tr.affected-row');
        function apply() {
          var q = filter.value.trim().toLowerCase();
          var n = 0;
          rows.forEach(function (row) {
            var hit = q === '' || row.textContent.toLowerCase().indexOf(q) >= 0;
            row.hidden = !hit;
            if (hit) { n++; }
          });
          shown.textContent = n + ' / ' + rows.length + ' shown';
        }
        filter.addEventListener('input', apply);
        apply();
      })();
      """;

  private HtmlReport() {}

  static String render(Diff diff) {
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Seedbed backtest 回测报告</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n");
    summary(out, diff);
    charts(out, diff);
    if (diff.withDistricts()) {
      districts(out, diff);
    }
    affected(out, diff);
    out.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void summary(StringBuilder out, Diff diff) {
    out.append("<header>\n<h1>Seedbed backtest 回测报告</h1>\n");
    out.append("<p id=\"verdict\" class=\"").append(diff.identical() ? "identical" : "different")
        .append("\">")
        .append(diff.identical()
            ? "Identical: the candidate rules change no pool. 候选规则与基线结果一致。"
            : diff.affected().size() + " enterprise-pool pairs differ. 候选规则改变了入库结果。")
        .append("</p>\n</header>\n<section id=\"summary\">\n<h2>Summary 概要</h2>\n");
    out.append("<table id=\"rule-sets\">\n<tr><th>run</th><th>rule sets compared 规则集</th></tr>\n");
    ruleSetRow(out, "baseline", "baseline 基线", diff.baselineRuleSets());
    ruleSetRow(out, "candidate", "candidate 候选", diff.candidateRuleSets());
    out.append("</table>\n<table id=\"totals\">\n<thead><tr><th>pool 培育库</th>")
        .append("<th class=\"num\">baseline members</th><th class=\"num\">candidate members</th>")
        .append("<th class=\"num\">Δ</th><th class=\"num\">enters 入库</th>")
        .append("<th class=\"num\">leaves 出库</th><th class=\"num\">status changes</th></tr></thead>\n<tbody>\n");
    for (PoolDiff p : diff.pools()) {
      int delta = p.candidateMembers() - p.baselineMembers();
      out.append("<tr class=\"pool-row\" data-pool=\"").append(esc(p.pool())).append("\"><td>")
          .append(esc(PoolLabels.label(p.pool()))).append("</td>")
          .append(num(p.baselineMembers())).append(num(p.candidateMembers()))
          .append("<td class=\"num\">").append(delta > 0 ? "+" : "").append(delta).append("</td>")
          .append(num(p.enters().size())).append(num(p.leaves().size()))
          .append(num(p.changesStatus().size())).append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  private static void ruleSetRow(StringBuilder out, String run, String label, List<RuleSetVersion> sets) {
    out.append("<tr class=\"run ").append(run).append("\"><td>").append(label).append("</td><td>")
        .append(esc(BacktestReport.joined(sets)))
        .append("</td></tr>\n");
  }

  private static void charts(StringBuilder out, Diff diff) {
    out.append("<section id=\"charts\">\n<h2>Pool size over time 入库企业数（月末）</h2>\n")
        .append("<div class=\"charts\">\n");
    for (PoolDiff p : diff.pools()) {
      String label = PoolLabels.label(p.pool());
      out.append("<figure class=\"pool-chart\" id=\"pool-").append(esc(p.pool())).append("\">\n")
          .append("<figcaption>").append(esc(label)).append("</figcaption>\n");
      SvgLineChart.write(out, p.pool(), label + ": members at month end, baseline vs candidate",
          p.series());
      out.append("</figure>\n");
    }
    out.append("</div>\n</section>\n");
  }

  private static void districts(StringBuilder out, Diff diff) {
    out.append("<section id=\"district-section\">\n<h2>By district 分区县</h2>\n")
        .append("<table id=\"districts\">\n<thead><tr><th>district 区县</th><th>pool</th>")
        .append("<th class=\"num\">baseline members</th><th class=\"num\">candidate members</th>")
        .append("<th class=\"num\">enters</th><th class=\"num\">leaves</th>")
        .append("<th class=\"num\">status changes</th></tr></thead>\n<tbody>\n");
    for (PoolDiff p : diff.pools()) {
      for (DistrictCounts d : p.byDistrict().values()) {
        out.append("<tr class=\"district-row\"><td>").append(esc(d.district())).append("</td><td>")
            .append(esc(PoolLabels.label(p.pool()))).append("</td>")
            .append(num(d.baselineMembers())).append(num(d.candidateMembers()))
            .append(num(d.enters())).append(num(d.leaves())).append(num(d.statusChanges()))
            .append("</tr>\n");
      }
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  private static void affected(StringBuilder out, Diff diff) {
    out.append("<section id=\"affected-section\">\n<h2>Affected enterprises 受影响企业 (")
        .append(diff.affected().size()).append(")</h2>\n")
        .append("<p><input id=\"filter\" type=\"search\" placeholder=\"filter: uscc, district, pool, status…\">")
        .append("<span id=\"shown\"></span></p>\n")
        .append("<div class=\"scroll\">\n<table id=\"affected\">\n<thead><tr><th>uscc 统一社会信用代码</th><th>district 区县</th>")
        .append("<th>pool 培育库</th><th>baseline status</th><th>candidate status</th><th>difference</th>")
        .append("<th>deciding criteria 判定指标 (last change of each run)</th></tr></thead>\n<tbody>\n");
    for (AffectedEnterprise a : diff.affected()) {
      out.append("<tr class=\"affected-row kind-").append(a.kind().code()).append("\" data-pool=\"")
          .append(esc(a.pool())).append("\" data-kind=\"").append(a.kind().code()).append("\">")
          .append("<td class=\"uscc\">").append(esc(a.uscc())).append("</td>")
          .append("<td class=\"district\">").append(esc(a.district() == null ? "" : a.district()))
          .append("</td><td class=\"pool\">").append(esc(PoolLabels.label(a.pool()))).append("</td>");
      status(out, "baseline-status", a.baselineLast());
      status(out, "candidate-status", a.candidateLast());
      out.append("<td class=\"kind\">").append(a.kind().code()).append("</td><td>");
      criteria(out, a);
      out.append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n</div>\n</section>\n");
  }

  private static void status(StringBuilder out, String cls, PoolChangeRow last) {
    out.append("<td class=\"").append(cls).append("\">");
    if (last == null) {
      out.append("<span class=\"untracked\">not tracked</span>");
    } else {
      out.append(esc(last.toStatus()));
      if (last.reason() != null) {
        out.append("<br><span class=\"reason\">").append(esc(last.reason())).append("</span>");
      }
      // the date in China, as the city reads it; the exact instant is in diff.json
      out.append("<br><span class=\"reason\" title=\"").append(esc(last.eventTime().toString()))
          .append("\">since ").append(FeedTime.dateOf(last.eventTime())).append("</span>");
    }
    out.append("</td>");
  }

  /** Both runs' criteria side by side, one line per name; names whose passed differs stand out. */
  private static void criteria(StringBuilder out, AffectedEnterprise a) {
    Map<String, Criterion> base = byName(a.baselineLast());
    Map<String, Criterion> cand = byName(a.candidateLast());
    Set<String> names = new LinkedHashSet<>(base.keySet());
    names.addAll(cand.keySet());
    if (names.isEmpty()) {
      out.append("<span class=\"untracked\">no criteria</span>");
      return;
    }
    Set<String> differing = new LinkedHashSet<>(a.differingCriteria());
    out.append("<table class=\"criteria\"><tr><th>criterion</th>")
        .append("<th>baseline value / threshold</th><th>passed</th>")
        .append("<th>candidate value / threshold</th><th>passed</th></tr>");
    for (String name : names) {
      out.append("<tr class=\"criterion").append(differing.contains(name) ? " differs" : "")
          .append("\"><td class=\"name\">").append(esc(name)).append("</td>");
      criterionCells(out, base.get(name));
      criterionCells(out, cand.get(name));
      out.append("</tr>");
    }
    out.append("</table>");
  }

  private static void criterionCells(StringBuilder out, Criterion c) {
    if (c == null) {
      out.append("<td class=\"untracked\">not evaluated</td><td class=\"untracked\">—</td>");
      return;
    }
    out.append("<td>").append(esc(c.valueText())).append(" / ").append(esc(c.thresholdText()))
        .append("</td>").append(c.passed() ? "<td class=\"pass\">✓ yes</td>" : "<td class=\"fail\">✗ no</td>");
  }

  private static Map<String, Criterion> byName(PoolChangeRow row) {
    Map<String, Criterion> byName = new LinkedHashMap<>();
    if (row != null) {
      row.criteria().forEach(c -> byName.put(c.name(), c));
    }
    return byName;
  }

  private static String num(int n) {
    return "<td class=\"num\">" + n + "</td>";
  }
}
