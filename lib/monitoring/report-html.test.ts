import { describe, expect, it } from 'vitest';
import { renderReportHtml } from './report-html';
import { parseReportJson, reportJson, ReportParseError, type MonitorReport } from './report-types';
import type { ColumnDriftResult, ColumnQuality } from './types';
import type { MonitorWindow } from './window-types';

const HOSTILE = '<script>alert("x")</script>&\'';

const drift = (column: string, drifted: boolean): ColumnDriftResult => ({
  column, kind: 'numerical', test: 'wasserstein', testLabel: 'Wasserstein (normed)', scoreKind: 'distance', statistic: drifted ? 0.31 : 0.02,
  score: drifted ? 0.31 : 0.02, threshold: 0.1, drifted, reason: 'reference has 4,000 rows (> 1,000): normed Wasserstein', referenceRows: 4000, currentRows: 900, uniqueValues: 312,
});

const quality = (column: string): ColumnQuality => ({
  column, kind: 'categorical', rows: 100, missing: 5, missingShare: 0.05, min: null, max: null, mean: null, std: null, unique: 4,
  top: [{ value: HOSTILE, count: 40 }, { value: 'b', count: 30 }, { value: 'c', count: 20 }, { value: 'd', count: 5 }],
});

const window: MonitorWindow = {
  endpoint: 'ep', window: 3, start: 0, end: 3_600_000, rows: 250, referenceRows: 4000, features: [drift('age', true)], prediction: null, target: null,
  dataset: { driftedColumns: 1, totalColumns: 1, share: 1, threshold: 0.5, drifted: true }, skipped: [{ column: 'notes', reason: 'all missing' }], quality: [], missingShare: 0.02, errorRate: 0, rejectRate: 0.01,
  issues: { 'out-of-range': 2 }, estimated: [{ metric: 'accuracy', value: 0.71, samplingError: 0.02, lower: 0.8, upper: 0.9, realized: null, rows: 250 }],
  realized: { metric: 'accuracy', value: 0.74, labelled: 120 }, closed: true, updatedAt: 5,
};

const report = (windows: MonitorWindow[] | null = null): MonitorReport => ({
  format: 1, title: 'Flights: week 3 against training', generatedAt: Date.UTC(2025, 0, 2, 3, 4, 5),
  reference: { label: 'training split v2', rows: 4000 }, current: { label: 'week 3', rows: 900 },
  columns: [drift('age', true), drift(HOSTILE, false)],
  dataset: { driftedColumns: 1, totalColumns: 2, share: 0.5, threshold: 0.5, drifted: true },
  quality: { reference: [quality('carrier')], current: [quality(HOSTILE)] },
  histograms: [{ column: HOSTILE, labels: ['0–10', '10–20', '<b>'], reference: [0.5, 0.3, 0.2], current: [0.2, 0.3, 0.5] }],
  skipped: [{ column: 'notes', reason: 'all values are missing in the current sample' }],
  windows,
});

describe('renderReportHtml', () => {
  const out = renderReportHtml(report([window]));

  it('is one self-contained document: no script, no external URL', () => {
    expect(out.startsWith('<!doctype html>')).toBe(true);
    expect(out.toLowerCase()).not.toContain('<script');
    expect(out.toLowerCase()).not.toMatch(/https?:|\/\/|src=|href=|@import|url\(/);
    expect(out.match(/<html/g)).toHaveLength(1);
  });

  it('escapes a hostile column name, category and bin label everywhere', () => {
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    expect(out).not.toContain('<b>');
    expect(out).toContain('&lt;b&gt;');
  });

  it('has the verdict table with one row per column', () => {
    expect(out).toContain('<caption>Drift test, score and verdict of each column</caption>');
    expect(out).toMatch(/<tr><th scope="row">age<\/th><td>numerical<\/td><td>Wasserstein \(normed\)<\/td><td>reference has 4,000 rows \(&gt; 1,000\): normed Wasserstein<\/td>\s*<td class="n">0.31 <small>\(distance\)<\/small><\/td><td class="n">0.1<\/td>\s*<td class="drift">Drift detected<\/td><\/tr>/);
    expect(out).toMatch(/<th scope="row">&lt;script&gt;[^<]*&lt;\/script&gt;&amp;&#39;<\/th>[\s\S]*?<td class="ok">No drift<\/td>/);
    expect(out).toContain('Dataset drift detected');
    expect(out).toContain('1 of 2 columns drifted (share 0.5)');
    expect(out).toContain('notes: all values are missing in the current sample');
  });

  it('draws each histogram as an SVG with a title, a description and a table', () => {
    expect(out.match(/<svg /g)).toHaveLength(1);
    expect(out).toMatch(/<svg role="img" aria-labelledby="h0-t h0-d"/);
    expect(out).toContain('<title id="h0-t">Distribution of &lt;script&gt;');
    expect(out).toContain('Largest difference at 0–10: reference 50.0%, current 20.0%.');
    expect(out.match(/<rect /g)).toHaveLength(6);
    expect(out).toContain('<caption>Shares of &lt;script&gt;');
  });

  it('has both quality tables and the windows section', () => {
    expect(out).toContain('<caption>Reference: training split v2</caption>');
    expect(out).toContain('<caption>Current: week 3</caption>');
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39; (40), b (30), c (20), …');
    expect(out).toContain('<h2 id="windows">Monitoring windows</h2>');
    expect(out).toContain('accuracy 0.71 <small>(band 0.8–0.9)</small> <strong class="drift">outside the band</strong>');
    expect(out).toContain('accuracy 0.74 (120 labelled)');
    expect(out).toContain('1970-01-01T00:00:00.000Z – 1970-01-01T01:00:00.000Z');
    expect(out).toContain('<time datetime="2025-01-02T03:04:05.000Z">');
  });

  it('leaves the windows section out when there are none', () => {
    expect(renderReportHtml(report(null))).not.toContain('Monitoring windows');
    expect(renderReportHtml(report([]))).not.toContain('Monitoring windows');
  });

  it('gives every table a caption and every header cell a scope', () => {
    expect(out.match(/<table>/g)?.length).toBe(out.match(/<caption>/g)?.length);
    expect(out).not.toMatch(/<th>/);
  });
});

describe('report JSON', () => {
  it('round-trips, with keys sorted so the text is stable', () => {
    const r = report([window]);
    const text = reportJson(r);
    expect(parseReportJson(text)).toEqual(r);
    const shuffled = JSON.parse(text) as Record<string, unknown>;
    const reversed = Object.fromEntries(Object.entries(shuffled).reverse()) as unknown as MonitorReport;
    expect(reportJson(reversed)).toBe(text);
    expect(text.indexOf('"columns"')).toBeLessThan(text.indexOf('"title"'));
    expect(text).toContain('\n  "format": 1,');
  });

  it.each([
    ['not json', /not valid JSON/],
    ['[1, 2]', /not a monitoring report/],
    ['{"title": "x"}', /no "format" field/],
    ['{"format": 2}', /format 2; this app reads format 1 only/],
    ['{"format": "1"}', /format "1"/],
  ])('refuses %s', (text, message) => {
    expect(() => parseReportJson(text)).toThrow(ReportParseError);
    expect(() => parseReportJson(text)).toThrow(message);
  });

  it('names the damaged fields with their paths', () => {
    const bad = JSON.parse(reportJson(report([window]))) as { columns: Array<Record<string, unknown>>; histograms: Array<Record<string, unknown>>; title?: unknown };
    bad.columns[1]!.score = 'high';
    bad.histograms[0]!.current = [0.5];
    delete bad.title;
    const message = (() => {
      try {
        parseReportJson(JSON.stringify(bad));
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toMatch(/^This monitoring report is damaged: /);
    expect(message).toContain('title: is required');
    expect(message).toContain('columns[1].score: must be a number (got text)');
    expect(message).toContain('histograms[0]: must have one reference and one current share per label');
  });

  it('refuses a reserved issue code in a window, and a __proto__ key pollutes nothing', () => {
    const text = reportJson(report([window]));
    expect(() => parseReportJson(text.replace('"out-of-range"', '"constructor"'))).toThrow(/windows\[0\]\.issues/);
    const parsed = parseReportJson(text.replace('"out-of-range"', '"__proto__"'));
    const issues = parsed.windows![0]!.issues;
    expect(Object.getPrototypeOf(issues)).toBe(Object.prototype);
    expect(Object.keys(issues)).toEqual([]);
  });
});
