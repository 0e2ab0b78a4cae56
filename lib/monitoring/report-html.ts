/**
 * The monitoring report as one self-contained HTML file the learner can download and open
 * anywhere: inline CSS, charts as inline SVG, no script and no external URL. Column names and
 * labels come from user CSVs, so every value goes through the `html` tag, which escapes
 * everything that is not itself a fragment built by the tag.
 */
import type { MonitorReport } from './report-types';
import type { ColumnQuality } from './types';
import type { MonitorWindow } from './window-types';

/** Markup that is already escaped. */
class Fragment {
  constructor(readonly value: string) {}
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

function piece(v: unknown): string {
  if (v instanceof Fragment) return v.value;
  if (Array.isArray(v)) return v.map(piece).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(String(v));
}

/** Template tag: interpolated values are escaped unless they are fragments (or arrays of them). */
function html(strings: TemplateStringsArray, ...values: unknown[]): Fragment {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += piece(v) + (strings[i + 1] ?? '');
  });
  return new Fragment(out);
}

/** 1,234 · 0.4213 · 3.20e-7: whole numbers grouped, four significant digits, exponents for tiny values. */
function num(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  if (v !== 0 && Math.abs(v) < 0.001) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
// Dates JavaScript cannot represent (a hand-edited report) print as their number instead of throwing.
const iso = (ms: number) => (Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms));

const STYLE = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1b1f24;margin:2rem auto;max-width:72rem;padding:0 1rem}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;margin:.75rem 0;font-size:.9rem}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}thead th{background:#f3f4f6}
td.n{text-align:right;font-variant-numeric:tabular-nums}.drift{color:#a40e26;font-weight:600}.ok{color:#116329}
.charts{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0;border:1px solid #d0d7de;padding:.5rem;width:22rem}
figcaption{font-weight:600;overflow-wrap:anywhere}.legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 .6rem;vertical-align:middle}
.key-ref{background:#8c959f}.key-cur{background:#0969da;opacity:.55}
.ref{fill:#8c959f}.cur{fill:#0969da;fill-opacity:.55;stroke:#0969da}.axis{stroke:#57606a}svg text{font-size:10px;fill:#57606a}
`;

/** The whole report as one HTML document. */
export function renderReportHtml(report: MonitorReport): string {
  const body = html`<h1>${report.title}</h1>
<p>Generated <time datetime="${iso(report.generatedAt)}">${iso(report.generatedAt)}</time>.</p>
<section aria-labelledby="samples"><h2 id="samples">Samples</h2>
<dl><dt>Reference</dt><dd>${report.reference.label} (${num(report.reference.rows)} rows)</dd>
<dt>Current</dt><dd>${report.current.label} (${num(report.current.rows)} rows)</dd></dl></section>
${datasetSection(report)}${driftTable(report)}${histogramSection(report)}
<section aria-labelledby="quality"><h2 id="quality">Data quality</h2>
${qualityTable(report.quality.reference, `Reference: ${report.reference.label}`)}${qualityTable(report.quality.current, `Current: ${report.current.label}`)}</section>
${report.windows && report.windows.length > 0 ? windowsSection(report.windows) : null}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title><style>${STYLE}</style></head>
<body>${body.value}</body></html>
`;
}

function datasetSection({ dataset }: MonitorReport): Fragment {
  return html`<section aria-labelledby="dataset"><h2 id="dataset">Dataset drift</h2>
<p><strong class="${dataset.drifted ? 'drift' : 'ok'}">${dataset.drifted ? 'Dataset drift detected' : 'No dataset drift'}</strong>:
${num(dataset.driftedColumns)} of ${num(dataset.totalColumns)} columns drifted (share ${num(dataset.share)}); the dataset drifts when the share is at least ${num(dataset.threshold)}.</p></section>`;
}

function driftTable({ columns, skipped }: MonitorReport): Fragment {
  const rows = columns.map(
    (c) => html`<tr><th scope="row">${c.column}</th><td>${c.kind}</td><td>${c.testLabel}</td><td>${c.reason}</td>
<td class="n">${num(c.score)} <small>(${c.scoreKind})</small></td><td class="n">${num(c.threshold)}</td>
<td class="${c.drifted ? 'drift' : 'ok'}">${c.drifted ? 'Drift detected' : 'No drift'}</td></tr>`,
  );
  const skippedList = skipped.length
    ? html`<p>Not tested:</p><ul>${skipped.map((s) => html`<li>${s.column}: ${s.reason}</li>`)}</ul>`
    : null;
  return html`<section aria-labelledby="columns"><h2 id="columns">Drift per column</h2>
<table><caption>Drift test, score and verdict of each column</caption>
<thead><tr><th scope="col">Column</th><th scope="col">Kind</th><th scope="col">Test</th><th scope="col">Why this test</th><th scope="col">Score</th><th scope="col">Threshold</th><th scope="col">Verdict</th></tr></thead>
<tbody>${rows}</tbody></table>${skippedList}</section>`;
}

const W = 340;
const H = 130;
const PAD = { left: 34, right: 6, top: 8, bottom: 22 };

/** Reference bars in grey, current bars translucent blue over them, on a shared share axis. */
function histogramSvg(h: MonitorReport['histograms'][number], id: string): Fragment {
  const n = h.labels.length;
  const top = Math.max(1e-9, ...h.reference, ...h.current);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const bw = n > 0 ? plotW / n : plotW;
  const y = (v: number) => PAD.top + plotH * (1 - v / top);
  const bar = (v: number, i: number, cls: string, inset: number) =>
    html`<rect class="${cls}" x="${(PAD.left + i * bw + inset).toFixed(1)}" y="${y(v).toFixed(1)}" width="${Math.max(0.5, bw - 2 * inset).toFixed(1)}" height="${(PAD.top + plotH - y(v)).toFixed(1)}"/>`;
  let widest = 0;
  h.labels.forEach((_, i) => {
    if (Math.abs((h.current[i] ?? 0) - (h.reference[i] ?? 0)) > Math.abs((h.current[widest] ?? 0) - (h.reference[widest] ?? 0))) widest = i;
  });
  const desc =
    n > 0
      ? `${n} bins. Largest difference at ${h.labels[widest] ?? ''}: reference ${pct(h.reference[widest] ?? 0)}, current ${pct(h.current[widest] ?? 0)}.`
      : 'No bins.';
  const base = PAD.top + plotH;
  return html`<svg role="img" aria-labelledby="${id}-t ${id}-d" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<title id="${id}-t">Distribution of ${h.column}: reference (grey) and current (blue) shares</title><desc id="${id}-d">${desc}</desc>
${h.reference.map((v, i) => bar(v, i, 'ref', 0.5))}${h.current.map((v, i) => bar(v, i, 'cur', bw * 0.2))}
<line class="axis" x1="${PAD.left}" y1="${base}" x2="${W - PAD.right}" y2="${base}"/>
<text x="${PAD.left - 4}" y="${PAD.top + 8}" text-anchor="end">${pct(top)}</text><text x="${PAD.left - 4}" y="${base}" text-anchor="end">0%</text>
<text x="${PAD.left}" y="${H - 6}">${clip(h.labels[0] ?? '')}</text><text x="${W - PAD.right}" y="${H - 6}" text-anchor="end">${n > 1 ? clip(h.labels[n - 1] ?? '') : ''}</text></svg>`;
}

const clip = (s: string) => (s.length > 24 ? `${s.slice(0, 23)}…` : s);

function histogramSection({ histograms }: MonitorReport): Fragment | null {
  if (histograms.length === 0) return null;
  const figures = histograms.map(
    (h, i) => html`<figure><figcaption>${h.column}</figcaption>
<p class="legend"><span class="key-ref"></span>reference<span class="key-cur"></span>current</p>${histogramSvg(h, `h${i}`)}
<details><summary>Shares as a table</summary><table><caption>Shares of ${h.column} per bin</caption>
<thead><tr><th scope="col">Bin</th><th scope="col">Reference</th><th scope="col">Current</th></tr></thead>
<tbody>${h.labels.map((l, j) => html`<tr><th scope="row">${l}</th><td class="n">${pct(h.reference[j] ?? 0)}</td><td class="n">${pct(h.current[j] ?? 0)}</td></tr>`)}</tbody></table></details></figure>`,
  );
  return html`<section aria-labelledby="distributions"><h2 id="distributions">Distributions</h2><div class="charts">${figures}</div></section>`;
}

function qualityTable(quality: readonly ColumnQuality[], caption: string): Fragment {
  const top = (q: ColumnQuality) => {
    const shown = q.top.slice(0, 3).map((t) => `${t.value} (${num(t.count)})`).join(', ');
    return q.top.length > 3 ? `${shown}, …` : shown || '—';
  };
  const rows = quality.map(
    (q) => html`<tr><th scope="row">${q.column}</th><td>${q.kind}</td><td class="n">${num(q.rows)}</td><td class="n">${num(q.missing)} (${pct(q.missingShare)})</td>
<td class="n">${num(q.min)}</td><td class="n">${num(q.max)}</td><td class="n">${num(q.mean)}</td><td class="n">${num(q.std)}</td><td class="n">${num(q.unique)}</td><td>${top(q)}</td></tr>`,
  );
  return html`<table><caption>${caption}</caption>
<thead><tr><th scope="col">Column</th><th scope="col">Kind</th><th scope="col">Rows</th><th scope="col">Missing</th><th scope="col">Min</th><th scope="col">Max</th><th scope="col">Mean</th><th scope="col">Std</th><th scope="col">Unique</th><th scope="col">Most frequent</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function windowsSection(windows: readonly MonitorWindow[]): Fragment {
  const estimated = (w: MonitorWindow) =>
    w.estimated.length === 0
      ? '—'
      : w.estimated.map((m) => {
          const outside = m.value !== null && (m.value < m.lower || m.value > m.upper);
          return html`<div>${m.metric} ${num(m.value)} <small>(band ${num(m.lower)}–${num(m.upper)})</small>${outside ? html` <strong class="drift">outside the band</strong>` : null}</div>`;
        });
  const realized = (w: MonitorWindow) => (w.realized ? `${w.realized.metric} ${num(w.realized.value)} (${num(w.realized.labelled)} labelled)` : '—');
  const rows = windows.map(
    (w) => html`<tr><th scope="row">${w.window}</th><td>${iso(w.start)} – ${iso(w.end)}</td><td class="n">${num(w.rows)}</td>
<td class="n ${w.dataset.drifted ? 'drift' : ''}">${num(w.dataset.share)}${w.dataset.drifted ? ' (drift)' : ''}</td><td>${estimated(w)}</td><td>${realized(w)}</td><td>${w.closed ? 'closed' : 'open'}</td></tr>`,
  );
  return html`<section aria-labelledby="windows"><h2 id="windows">Monitoring windows</h2>
<table><caption>Dataset drift share, estimated and realized performance per window (simulated time)</caption>
<thead><tr><th scope="col">Window</th><th scope="col">Period</th><th scope="col">Rows</th><th scope="col">Dataset drift share</th><th scope="col">Estimated performance</th><th scope="col">Realized performance</th><th scope="col">State</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
}
