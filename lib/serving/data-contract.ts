/**
 * A model version's data contract: what its training split looked like, column by column, so that
 * the endpoint and the packaged server can tell a clean row from a dirty one (contract.ts judges
 * rows against it). Inferred at training time, copied into the version at registration, shown on
 * the version's page. Not shipped in the package as code: the package gets the contract as JSON.
 */
import type { FeatureEncoder } from '../data/encode-record';
import type { DataTable } from '../data/table';
import type { ContractColumn, DataContract } from '../tracking/serving-types';

/**
 * How far outside the training range a value may be before it counts as out of range, as a share
 * of the range: 0.1 lets a column seen from 100 to 2,500 take 140 … 2,740. Training ranges are
 * from a sample, so a value just past them is ordinary; ten times the range is not.
 */
export const RANGE_TOLERANCE = 0.1;
/** Most categories a contract lists per column (the rest make the list incomplete, and unseen values go unflagged). */
export const MAX_CONTRACT_CATEGORIES = 1000;
/** Longest category text a contract keeps (a longer one makes the list incomplete). */
export const MAX_CATEGORY_CHARS = 1000;
/** Categories fitPreprocessing keeps per column by default: an encoder with fewer kept them all. */
const ENCODER_MAX_CATEGORIES = 20;

/**
 * The contract of a model trained on `rows` (the training split's row indices) of `table`, with
 * `features` in model input order. Numeric, yes/no and datetime columns get the smallest and
 * largest finite training value (null when the column had none) and their missing rate;
 * categorical columns get every distinct training value, sorted (up to MAX_CONTRACT_CATEGORIES of
 * at most MAX_CATEGORY_CHARS characters; past that the list is marked incomplete). Missing rates
 * are shares of `rows` (0 when `rows` is empty). Throws when a feature is not a column of `table`.
 */
export function inferDataContract(table: DataTable, rows: readonly number[], features: readonly string[]): DataContract {
  const columns = features.map((name): ContractColumn => {
    const col = table.columns.find((c) => c.name === name);
    if (!col) throw new Error(`no column "${name}" to infer a contract from`);
    let missing = 0;
    if (col.type === 'categorical') {
      const seen = new Set<string>();
      let complete = true;
      for (const r of rows) {
        const v = col.values[r];
        if (v === null || v === undefined) missing++;
        else if (v.length > MAX_CATEGORY_CHARS || (seen.size >= MAX_CONTRACT_CATEGORIES && !seen.has(v))) complete = false;
        else seen.add(v);
      }
      return { name, kind: 'categorical', categories: [...seen].sort(), complete, missingRate: rate(missing, rows.length) };
    }
    let min: number | null = null;
    let max: number | null = null;
    for (const r of rows) {
      const v = col.values[r];
      if (v === null || v === undefined || !Number.isFinite(v)) {
        missing++;
        continue;
      }
      if (min === null || v < min) min = v;
      if (max === null || v > max) max = v;
    }
    return { name, kind: 'numeric', type: col.type, min, max, missingRate: rate(missing, rows.length) };
  });
  return { format: 1, source: 'training', columns, rows: rows.length, rangeTolerance: RANGE_TOLERANCE };
}

const rate = (missing: number, total: number) => (total === 0 ? 0 : missing / total);

/**
 * A contract for a run recorded before contracts existed, rebuilt from its preprocessing: the
 * columns in order with their kinds, and the categories the encoder kept. Ranges and missing
 * rates were never recorded, so they are null (not judged), and the `source` says so. The
 * category list counts as complete only when the encoder kept fewer than the 20 it keeps at most.
 */
export function contractFromPreprocessing(prep: { encoders: ReadonlyArray<FeatureEncoder> }): DataContract {
  const columns = prep.encoders.map((e): ContractColumn =>
    e.kind === 'numeric'
      ? { name: e.column, kind: 'numeric', type: 'numeric', min: null, max: null, missingRate: null }
      : { name: e.column, kind: 'categorical', categories: [...e.categories].sort(), complete: e.categories.length < ENCODER_MAX_CATEGORIES, missingRate: null },
  );
  return { format: 1, source: 'preprocessing', columns, rows: 0, rangeTolerance: RANGE_TOLERANCE };
}

/** The contract a version serves with: its own, or for a version registered before contracts, one rebuilt from its preprocessing. */
export function versionContract(version: { contract?: DataContract }, prep: { encoders: ReadonlyArray<FeatureEncoder> }): DataContract {
  return version.contract ?? contractFromPreprocessing(prep);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finiteOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
const rateOrNull = (v: unknown) => v === null || (typeof v === 'number' && v >= 0 && v <= 1);

/**
 * A stored contract (contract.json, which may come from an imported bundle) if it has the shape
 * validation relies on, else null: format 1, a known source, a whole row count, a finite tolerance
 * ≥ 0, and columns with distinct names, each well formed (min ≤ max when both are known).
 */
export function readDataContract(data: unknown): DataContract | null {
  if (!isObject(data) || data.format !== 1 || (data.source !== 'training' && data.source !== 'preprocessing')) return null;
  if (!Number.isSafeInteger(data.rows) || (data.rows as number) < 0) return null;
  if (typeof data.rangeTolerance !== 'number' || !Number.isFinite(data.rangeTolerance) || data.rangeTolerance < 0) return null;
  if (!Array.isArray(data.columns) || data.columns.length === 0) return null;
  const names = new Set<string>();
  for (const c of data.columns as unknown[]) {
    if (!isObject(c) || typeof c.name !== 'string' || names.has(c.name) || !rateOrNull(c.missingRate)) return null;
    names.add(c.name);
    if (c.kind === 'numeric') {
      if (!['numeric', 'boolean', 'datetime'].includes(c.type as string) || !finiteOrNull(c.min) || !finiteOrNull(c.max)) return null;
      if (typeof c.min === 'number' && typeof c.max === 'number' && c.min > c.max) return null;
    } else if (c.kind === 'categorical') {
      if (!Array.isArray(c.categories) || !c.categories.every((v) => typeof v === 'string') || typeof c.complete !== 'boolean') return null;
    } else return null;
  }
  return data as unknown as DataContract;
}

/** A number for a sentence: whole numbers as they are, others to 4 significant digits. */
function figure(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}

function range(c: Extract<ContractColumn, { kind: 'numeric' }>): string {
  if (c.min === null || c.max === null) return 'range not recorded';
  if (c.type === 'boolean') return c.min === c.max ? `always ${c.min === 1 ? 'yes' : 'no'} in training` : 'yes or no';
  // Datetimes are epoch ms: a day is the unit a learner reads them in.
  const show = c.type === 'datetime' ? (v: number) => (Math.abs(v) <= 8.64e15 ? new Date(v).toISOString().slice(0, 10) : figure(v)) : figure;
  return `${show(c.min)} to ${show(c.max)} in training`;
}

const percent = (r: number | null) => (r === null ? 'missing rate not recorded' : r === 0 ? 'never missing' : `${(r * 100).toFixed(1)} % missing`);

/**
 * One line a page can show per column, after a first line saying where the contract comes from,
 * e.g. `distance: number, 100 to 2500 in training, 8.1 % missing` or `carrier: category, 6 values
 * (AA, AS, DL, UA, WN, ZZ), never missing`. Category lists past 8 values are cut with "and N more".
 */
export function describeContract(contract: DataContract): string[] {
  const head =
    contract.source === 'training'
      ? `Inferred from ${contract.rows} training rows; a value more than ${Math.round(contract.rangeTolerance * 100)} % of a column's range outside it is out of range.`
      : 'Rebuilt from the preprocessing of a run trained before contracts existed: ranges and missing rates were not recorded, so only types and categories are checked.';
  const lines = contract.columns.map((c) => {
    if (c.kind === 'numeric') return `${c.name}: ${c.type === 'numeric' ? 'number' : c.type === 'boolean' ? 'yes/no' : 'date'}, ${range(c)}, ${percent(c.missingRate)}`;
    const shown = c.categories.length === 0 ? 'none seen' : c.categories.slice(0, 8).join(', ');
    const more = c.categories.length > 8 ? ` and ${c.categories.length - 8} more` : '';
    const count = `${c.complete ? '' : 'at least '}${c.categories.length} value${c.categories.length === 1 ? '' : 's'}`;
    const open = c.complete ? '' : ' (values not listed are not flagged)';
    return `${c.name}: category, ${count} (${shown}${more})${open}, ${percent(c.missingRate)}`;
  });
  return [head, ...lines];
}
