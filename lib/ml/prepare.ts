import { fitPreprocessing, transformTable, type Preprocessing } from '../data/preprocess';
import { randomSplit, timeSplit, type Split } from '../data/split';
import { column, type DataTable } from '../data/table';
import type { DataContract } from '../tracking/serving-types';
import { inferDataContract } from '../serving/data-contract';
import type { Matrix } from './train';

/** A dataset ready to train on: split, preprocessed on the training rows only, as matrices. */
export interface PreparedData {
  split: Split;
  /** How the split was made, e.g. "time by time: 70/15/15" — stored with the run. */
  splitLabel: string;
  preprocessing: Preprocessing;
  /** What the training rows looked like, raw (saved as contract.json; serving validates with it). */
  contract: DataContract;
  /** Class names in index order (classification), or empty (regression). */
  classNames: string[];
  train: Matrix;
  validation: Matrix;
  test: Matrix;
}

export interface PrepareOptions {
  target: string;
  features: readonly string[];
  task: 'regression' | 'classification';
  split: 'time' | 'random';
  /** Column to order by for a time split; without one, a time split is refused. */
  timeColumn?: string;
  seed: number;
  /**
   * Rows of each part, given instead of splitting (k-fold cross-validation: one fold's training
   * and validation rows, the usual test rows). Preprocessing is still fitted on `parts.train` only.
   */
  parts?: Split;
  /** How `parts` were made, stored with the run in place of the split's own label. */
  partsLabel?: string;
}

/**
 * Splits (by time: oldest 70% train, next 15% validate, newest 15% test; or seeded random
 * 70/15/15; or the rows given in `parts`), drops rows whose target is missing, fits preprocessing on the training rows only
 * and turns each part into a matrix; infers the data contract from the same raw training rows. Classification labels are the sorted distinct target
 * values of the whole table (a label list is not a statistic, so it leaks nothing); booleans are
 * "false"/"true". Throws with a learner-facing sentence when the data cannot train.
 */
export function prepareData(table: DataTable, options: PrepareOptions): PreparedData {
  const { target, features, task } = options;
  if (features.length === 0) throw new Error('Pick at least one input column.');
  if (features.includes(target)) throw new Error(`The target "${target}" cannot also be an input.`);
  const targetColumn = column(table, target);
  const labelled = (r: number) => targetColumn.values[r] !== null && targetColumn.values[r] !== undefined;
  const split = options.parts ?? makeSplit(table, options);
  const parts: Split = { train: split.train.filter(labelled), validation: split.validation.filter(labelled), test: split.test.filter(labelled) };
  if (parts.train.length < 10) throw new Error(`Only ${parts.train.length} training rows have a "${target}" value; at least 10 are needed.`);

  const classNames = task === 'classification' ? classNamesOf(table, target) : [];
  if (task === 'classification' && classNames.length < 2) throw new Error(`"${target}" has only one class; a classifier needs at least two.`);
  if (task === 'regression' && targetColumn.type === 'categorical') throw new Error(`"${target}" is categorical; pick a classification target or a numeric one.`);
  const labelOf = (r: number): number => {
    const v = targetColumn.values[r]!;
    if (task === 'regression') return v as number;
    return classNames.indexOf(labelText(targetColumn.type, v));
  };

  const preprocessing = fitPreprocessing(table, parts.train, features);
  const width = preprocessing.featureNames.length;
  const matrix = (rows: number[]): Matrix => ({ x: transformTable(preprocessing, table, rows), y: Float32Array.from(rows, labelOf), rows: rows.length, width });
  const fractions = '70/15/15';
  return {
    split: parts,
    splitLabel: options.parts ? (options.partsLabel ?? 'given rows') : options.split === 'time' ? `by time (${options.timeColumn}), ${fractions}` : `seeded random (seed ${options.seed}), ${fractions}`,
    preprocessing,
    contract: inferDataContract(table, parts.train, features),
    classNames,
    train: matrix(parts.train),
    validation: matrix(parts.validation),
    test: matrix(parts.test),
  };
}

function makeSplit(table: DataTable, options: PrepareOptions): Split {
  if (options.split === 'random') return randomSplit(table.rowCount, options.seed);
  if (!options.timeColumn) throw new Error('This dataset has no time column; use a random split.');
  const times = column(table, options.timeColumn).values.map((v) => (typeof v === 'number' ? v : NaN));
  return timeSplit(times);
}

function labelText(type: string, value: number | string): string {
  if (type === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

/** Distinct target values as class names, sorted (numbers numerically, booleans false/true). */
export function classNamesOf(table: DataTable, target: string): string[] {
  const col = column(table, target);
  const distinct = new Set<string>();
  for (const v of col.values) if (v !== null && v !== undefined) distinct.add(labelText(col.type, v));
  const names = [...distinct];
  if (col.type === 'boolean') return names.sort();
  if (col.type !== 'categorical') return names.sort((a, b) => Number(a) - Number(b));
  return names.sort();
}
