/**
 * Test helpers (imported by the *.test.ts files only): scenario contexts over the real
 * vega-datasets files, split as the trainer splits them (time 70/15/15, or seeded random), and
 * small measurements over a stream.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinDataset } from '../../data/datasets/catalog';
import { randomSplit, timeSplit } from '../../data/split';
import { column, type DataTable } from '../../data/table';
import { classNamesOf } from '../../ml/prepare';
import type { ScenarioContext, TrafficRequest, TrafficStream } from './types';

const tables = new Map<string, DataTable>();

/** The built-in dataset's table, parsed from node_modules/vega-datasets once per test file. */
export function builtinTable(id: string): DataTable {
  let table = tables.get(id);
  if (!table) {
    const dataset = builtinDataset(id)!;
    table = dataset.parse(readFileSync(path.join(process.cwd(), 'node_modules', dataset.source), 'utf8'));
    tables.set(id, table);
  }
  return table;
}

/** A context as the endpoint would build it for a model trained on `id` with this target and split. */
export function builtinContext(id: string, target: string, split: 'time' | 'random' = 'time', features?: string[]): ScenarioContext {
  const dataset = builtinDataset(id)!;
  const table = builtinTable(id);
  const task = dataset.targets.find((t) => t.column === target)!.task;
  const timeColumn = dataset.timeColumn ?? null;
  const labelled = (r: number) => column(table, target).values[r] !== null;
  const parts = split === 'random' || !timeColumn ? randomSplit(table.rowCount, 7) : timeSplit(column(table, timeColumn).values.map((v) => (typeof v === 'number' ? v : NaN)));
  return {
    table,
    features: features ?? dataset.features,
    target,
    task,
    classNames: task === 'classification' ? classNamesOf(table, target) : [],
    trainRows: parts.train.filter(labelled),
    laterRows: split === 'time' ? [...parts.validation, ...parts.test] : [],
    datasetId: id,
    timeColumn,
  };
}

/** Every request of a stream, in order. */
export function allRequests(stream: TrafficStream): TrafficRequest[] {
  return Array.from({ length: stream.totalRequests }, (_, i) => stream.request(i));
}

/** Mean of the numbers at input `feature` over the clean rows of `requests` with day in [from, to). */
export function meanOf(requests: readonly TrafficRequest[], feature: string, from: number, to: number): number {
  let sum = 0;
  let n = 0;
  for (const q of requests) {
    if (q.day < from || q.day >= to) continue;
    const c = q.columns.indexOf(feature);
    q.rows.forEach((row) => {
      if (typeof row[c] === 'number') {
        sum += row[c] as number;
        n++;
      }
    });
  }
  return sum / n;
}

/** Share of labels equal to `label` (classification) among requests with day in [from, to), optionally only rows passing `where`. */
export function labelShare(requests: readonly TrafficRequest[], label: string, from: number, to: number, where: (q: TrafficRequest, row: number) => boolean = () => true): number {
  let hits = 0;
  let n = 0;
  for (const q of requests) {
    if (q.day < from || q.day >= to) continue;
    q.labels.forEach((l, i) => {
      if (!where(q, i)) return;
      n++;
      if (l === label) hits++;
    });
  }
  return hits / n;
}
