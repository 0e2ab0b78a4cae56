/**
 * Pure helpers of the report view: the dataset drift sentence, which histogram bins to chart,
 * the bin that moved most, the tests a column may take, thresholds typed by the learner, and
 * numbers as the tables print them.
 */
import { DRIFT_TESTS, type DriftTestInfo } from '@/lib/drift/select';
import type { ColumnDriftResult, ColumnQuality, DatasetDriftResult } from '@/lib/monitoring/types';
import { formatScore } from './format';

/** Most bins a histogram chart draws; the table under it keeps every bin. */
export const MAX_CHART_BINS = 30;

/** A share 0–1 as a percent with one decimal: 0.1234 → "12.3%". */
export function percent(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : '—';
}

/** 1,234 · 0.4213 · 3.20e-7 · "—": whole numbers grouped, else four significant digits. */
export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  if (Math.abs(v) < 0.001) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}

/** "3 of 7 columns drifted (share 0.43; the dataset drifts at ≥ 0.50): no dataset drift." */
export function datasetDriftSentence(d: DatasetDriftResult): string {
  const columns = d.totalColumns === 1 ? 'column' : 'columns';
  const verdict = d.drifted ? 'dataset drift detected' : 'no dataset drift';
  return `${d.driftedColumns.toLocaleString('en-US')} of ${d.totalColumns.toLocaleString('en-US')} ${columns} drifted (share ${d.share.toFixed(2)}; the dataset drifts at ≥ ${d.threshold.toFixed(2)}): ${verdict}.`;
}

/**
 * Indices of the bins a chart draws, in their own order: all of them up to `max`, else the
 * `max` bins with the largest share on either side (ties: the earlier bin).
 */
export function binsToChart(reference: readonly number[], current: readonly number[], max: number = MAX_CHART_BINS): number[] {
  const n = Math.min(reference.length, current.length);
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= max) return all;
  const peak = (i: number) => Math.max(reference[i] ?? 0, current[i] ?? 0);
  return all
    .sort((a, b) => peak(b) - peak(a) || a - b)
    .slice(0, max)
    .sort((a, b) => a - b);
}

/** The bin whose share changed most between reference and current (the first on ties), or null with no bins. */
export function largestDifference(labels: readonly string[], reference: readonly number[], current: readonly number[]): { label: string; reference: number; current: number } | null {
  let best = -1;
  let gap = -1;
  for (let i = 0; i < labels.length; i++) {
    const d = Math.abs((current[i] ?? 0) - (reference[i] ?? 0));
    if (d > gap) [best, gap] = [i, d];
  }
  return best < 0 ? null : { label: labels[best]!, reference: reference[best] ?? 0, current: current[best] ?? 0 };
}

/**
 * The tests a column may be judged by, in DRIFT_TESTS order: those accepting its kind, without
 * the z-test when the column has more than two values (it would refuse). `keep` (the test in use)
 * is listed whatever the rules say, so a select always shows its value.
 */
export function testsFor(result: Pick<ColumnDriftResult, 'kind' | 'uniqueValues'>, keep?: string): DriftTestInfo[] {
  return Object.values(DRIFT_TESTS).filter((t) => t.name === keep || (t.kinds.includes(result.kind) && !(t.name === 'z' && result.uniqueValues > 2)));
}

/**
 * A threshold typed by the learner: null for an empty field (back to the default), a number
 * when valid (a p-value threshold in 0–1, a distance ≥ 0), or an error sentence.
 */
export function parseThreshold(text: string, scoreKind: ColumnDriftResult['scoreKind']): { ok: true; value: number | null } | { ok: false; error: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  const v = Number(t);
  if (!Number.isFinite(v)) return { ok: false, error: `“${t}” is not a number.` };
  if (v < 0) return { ok: false, error: 'A threshold cannot be negative.' };
  if (scoreKind === 'p-value' && v > 1) return { ok: false, error: 'A p-value threshold is at most 1.' };
  return { ok: true, value: v };
}

/** A column's summary in one sample: "12.3 ± 4.56" for numbers, the top values ("a (12), b (5), …") otherwise. */
export function qualitySummary(q: ColumnQuality | undefined, topCount = 3): string {
  if (!q) return '—';
  if (q.kind === 'numerical') return q.mean === null ? '—' : `${formatNumber(q.mean)} ± ${formatNumber(q.std)}`;
  if (q.top.length === 0) return '—';
  const shown = q.top.slice(0, topCount).map((t) => `${t.value} (${t.count.toLocaleString('en-US')})`);
  return `${shown.join(', ')}${q.unique > shown.length ? ', …' : ''}`;
}

/** A file name stem from free text: "Drift of log.csv vs Iris" → "drift-of-log-csv-vs-iris" (at most 80 characters). */
export function fileStem(text: string, fallback = 'drift-report'): string {
  const stem = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return stem === '' ? fallback : stem;
}

/** "Drift: Kolmogorov–Smirnov p = 2.1e-7, threshold 0.05" (the verdict a histogram's summary repeats). */
export function verdictText(r: Pick<ColumnDriftResult, 'drifted' | 'testLabel' | 'scoreKind' | 'score' | 'threshold'>): string {
  const score = r.scoreKind === 'p-value' ? `p = ${formatScore(r)}` : `distance ${formatScore(r)}`;
  return `${r.drifted ? 'Drift' : 'No drift'}: ${r.testLabel} ${score}, threshold ${formatNumber(r.threshold)}`;
}
