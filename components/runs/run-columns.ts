import { runFieldValue } from '@/lib/tracking/run-filter';
import { isNumericText } from '@/lib/tracking/run-filter-parse';
import { judgeAgainstBaseline, type BaselineVerdict } from '@/lib/tracking/headline';
import { savedModelMetrics } from '@/lib/tracking/metric-model';
import { lowerIsBetter, type RunRecord } from '@/lib/tracking/run-types';

/**
 * Columns of the runs table. Ids read like filter fields so they can go in the URL as they are:
 * fixed ids (`name`, `status`, `dataset`, `model`, `backend`, `started`, `duration`),
 * `params.<key>`, `metrics.<key>` (best value) and `last.<key>` (last value).
 */
export interface RunColumn {
  id: string;
  label: string;
  group: 'run' | 'param' | 'metric';
  /** Width in rem: the table has a fixed layout so columns do not jump while rows scroll in. */
  width: number;
  numeric: boolean;
}

export interface RunKeySets {
  params: string[];
  metrics: string[];
}

export type SortDirection = 'asc' | 'desc';

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

const FIXED: RunColumn[] = [
  { id: 'name', label: 'Name', group: 'run', width: 16, numeric: false },
  { id: 'status', label: 'Status', group: 'run', width: 7.5, numeric: false },
  { id: 'dataset', label: 'Dataset', group: 'run', width: 8, numeric: false },
  { id: 'model', label: 'Target · model', group: 'run', width: 11, numeric: false },
  { id: 'backend', label: 'Backend', group: 'run', width: 6.5, numeric: false },
  { id: 'baseline', label: 'Against baseline', group: 'run', width: 10, numeric: false },
];

const VERDICT_ORDER = { beats: 'beats the baseline', short: 'does not beat the baseline', unknown: '' } as const;

/** The saved model of a run against its baseline on validation (`judgeAgainstBaseline`); null without a saved model. */
export function runVerdict(run: RunRecord): BaselineVerdict | null {
  const metrics = savedModelMetrics(run);
  if (Object.keys(metrics).length === 0) return null;
  return judgeAgainstBaseline(metrics, typeof run.params.task === 'string' ? run.params.task : undefined);
}
const TIMES: RunColumn[] = [
  { id: 'started', label: 'Started', group: 'run', width: 11.5, numeric: true },
  { id: 'duration', label: 'Duration', group: 'run', width: 7.5, numeric: true },
];

/** The headline validation metrics among `metrics`: RMSE, ROC AUC or log loss (`headlineRule`), else the first other `val_*`. */
export function headlineMetricKeys(metrics: readonly string[]): string[] {
  const preferred = ['val_rmse', 'val_auc', ...(metrics.includes('val_auc') ? [] : ['val_log_loss'])].filter((k) => metrics.includes(k));
  if (preferred.length > 0) return preferred;
  const other = metrics.find((k) => k.startsWith('val_') && k !== 'val_loss');
  return other ? [other] : [];
}

/**
 * Every param key and metric key (best or last) present on any run. Params sort by name;
 * metrics put the headline ones first, then `val_loss`, then the rest by name.
 */
export function collectRunKeys(runs: readonly RunRecord[]): RunKeySets {
  const params = new Set<string>();
  const metrics = new Set<string>();
  for (const run of runs) {
    for (const k in run.params) params.add(k);
    for (const k in run.bestMetrics) metrics.add(k);
    for (const k in run.lastMetrics) metrics.add(k);
  }
  const sortedMetrics = [...metrics].sort(collator.compare);
  const first = [...headlineMetricKeys(sortedMetrics), ...(metrics.has('val_loss') ? ['val_loss'] : [])];
  return {
    params: [...params].sort(collator.compare),
    metrics: [...first, ...sortedMetrics.filter((k) => !first.includes(k))],
  };
}

/** Every column the chooser offers, in table order: run facts, params, metrics (best, last), times. */
export function runColumns(keys: RunKeySets): RunColumn[] {
  return [
    ...FIXED,
    ...keys.params.map((k): RunColumn => ({ id: `params.${k}`, label: k, group: 'param', width: 8, numeric: false })),
    ...keys.metrics.flatMap((k): RunColumn[] => [
      { id: `metrics.${k}`, label: `${k} best`, group: 'metric', width: 8, numeric: true },
      { id: `last.${k}`, label: `${k} last`, group: 'metric', width: 8, numeric: true },
    ]),
    ...TIMES,
  ];
}

/**
 * Shown until the learner chooses: name, status, dataset, the baseline verdict, headline metric
 * best + last, best val_loss, started, duration. On a phone (`narrow`): name, status, the
 * verdict and the headline metrics' best values only, so the table reads without scrolling
 * sideways; the column chooser adds the rest.
 */
export function defaultColumnIds(keys: RunKeySets, narrow = false): string[] {
  if (narrow) return ['name', 'status', 'baseline', ...headlineMetricKeys(keys.metrics).map((k) => `metrics.${k}`)];
  const headline = headlineMetricKeys(keys.metrics).flatMap((k) => [`metrics.${k}`, `last.${k}`]);
  return ['name', 'status', 'dataset', 'baseline', ...headline, ...(keys.metrics.includes('val_loss') ? ['metrics.val_loss'] : []), 'started', 'duration'];
}

/**
 * The direction of a column's first click: newest first for `started`, best first for metrics
 * (ascending for losses and errors, descending otherwise), A→Z or smallest first for the rest.
 */
export function firstDirection(columnId: string): SortDirection {
  if (columnId === 'started') return 'desc';
  const metric = /^(metrics|last)\.(.+)$/s.exec(columnId);
  if (metric) return lowerIsBetter(metric[2] ?? '') ? 'asc' : 'desc';
  return 'asc';
}

/** A run's value in a column, for sorting and display; undefined when the run has none. */
export function columnValue(run: RunRecord, columnId: string, now: number): string | number | undefined {
  switch (columnId) {
    case 'name':
      return run.name;
    case 'status':
      return run.status;
    case 'dataset':
      return run.dataset.id;
    case 'model': {
      const { target, model } = run.params;
      return target === undefined && model === undefined ? undefined : `${target ?? '?'} · ${model ?? '?'}`;
    }
    case 'backend':
      return run.backend ?? undefined;
    case 'baseline': {
      const verdict = runVerdict(run);
      return verdict && verdict.status !== 'unknown' ? VERDICT_ORDER[verdict.status] : undefined;
    }
    case 'started':
      return run.startedAt;
    case 'duration':
      return (run.endedAt ?? now) - run.startedAt;
  }
  const dot = columnId.indexOf('.');
  const prefix = columnId.slice(0, dot);
  const key = columnId.slice(dot + 1);
  const field = prefix === 'params' ? ({ kind: 'param', key } as const) : prefix === 'metrics' || prefix === 'last' ? ({ kind: 'metric', key, which: prefix === 'last' ? 'last' : 'best' } as const) : null;
  const value = field ? runFieldValue(run, field) : undefined;
  return typeof value === 'boolean' ? String(value) : value;
}

function sortable(value: string | number | undefined): string | number | undefined {
  return typeof value === 'string' && isNumericText(value) ? Number(value) : value;
}

/**
 * Runs sorted by a column (a new array; ties keep their order). Numeric text sorts as numbers,
 * numbers before text when ascending, text in natural order ("run 2" before "run 10"); runs without a value
 * come last in both directions. Values are read once per run, not per comparison.
 */
export function sortRuns(runs: readonly RunRecord[], columnId: string, direction: SortDirection, now: number): RunRecord[] {
  const sign = direction === 'asc' ? 1 : -1;
  const decorated = runs.map((run, index) => ({ run, index, value: sortable(columnValue(run, columnId, now)) }));
  decorated.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) return a.value === b.value ? a.index - b.index : a.value === undefined ? 1 : -1;
    let c: number;
    if (typeof a.value === 'number' && typeof b.value === 'number') c = a.value - b.value;
    else if (typeof a.value === 'string' && typeof b.value === 'string') c = collator.compare(a.value, b.value);
    else c = typeof a.value === 'number' ? -1 : 1;
    return c === 0 ? a.index - b.index : c * sign;
  });
  return decorated.map((d) => d.run);
}
