/**
 * The dirty-data overlay: what upstream systems do to production requests. A share of rows gets
 * one bad cell (missing, a malformed number, a wrong type, an unseen category, an out-of-range
 * value) or is sent twice; a few requests change shape (a column renamed, missing or added) or
 * arrive empty. Each change is recorded, so every issue the endpoint reports can be explained.
 */
import type { IssueKind } from '../../tracking/serving-types';
import type { FeatureReference, NumericReference } from './reference';
import { pick } from './rng';
import type { DirtKind, RequestDirtKind, RowDirtKind } from './types';

/** Of the dirty budget, the share spent on request-level changes (the rest dirties rows). */
export const REQUEST_DIRT_SHARE = 0.1;

export const ROW_DIRT_KINDS: readonly RowDirtKind[] = ['missing', 'malformed-number', 'wrong-type', 'unseen-category', 'out-of-range', 'duplicate-row'];
export const REQUEST_DIRT_KINDS: readonly RequestDirtKind[] = ['renamed-column', 'missing-column', 'extra-column', 'empty-batch'];

/**
 * The endpoint issue kinds each change may legitimately raise: "every reject explained" holds when
 * each reported issue is in the list of its row's (or request's) dirt. A malformed `""` reads as a
 * missing value; a boolean in a categorical column is read as its text, an unseen category.
 */
export const DIRT_ISSUES: Readonly<Record<DirtKind, readonly IssueKind[]>> = {
  missing: ['missing'],
  'malformed-number': ['malformed-number', 'missing'],
  'wrong-type': ['wrong-type', 'malformed-number', 'unseen-category', 'malformed-row'],
  'unseen-category': ['unseen-category'],
  'out-of-range': ['out-of-range'],
  'duplicate-row': ['duplicate-row'],
  'renamed-column': ['schema-missing-column', 'schema-unknown-column'],
  'missing-column': ['schema-missing-column'],
  'extra-column': ['schema-unknown-column'],
  'empty-batch': ['empty-batch'],
};

/** A request's content while it is being dressed: rows, their labels and source rows, aligned. */
export interface RequestBody {
  columns: string[];
  rows: unknown[][];
  labels: Array<number | string | null>;
  sourceRows: number[];
}

/** The body after the overlay, with what it did. */
export interface DirtyBody extends RequestBody {
  dirt: Array<DirtKind | null>;
  requestDirt: RequestDirtKind | null;
}

/** Name of the column an "extra-column" change adds (a field a new client version started sending). */
export const EXTRA_COLUMN = 'client_version';

/**
 * Applies the overlay to one request at `rate` (0–1): with probability rate × 10 % the request
 * gets a request-level change (every row marked with it); otherwise each row is dirtied with
 * probability (rate − q) / (1 − q), q = rate × 10 %, so that the share of rows touched is `rate`
 * in expectation (a duplicate adds its copy after the row; the copy is the dirty one). Row kinds
 * are drawn uniformly among those this model's inputs allow (no categorical input: no unseen
 * category). Mutates and returns `body`; rate ≤ 0 leaves it clean.
 */
export function applyDirt(body: RequestBody, refs: readonly FeatureReference[], rate: number, random: () => number): DirtyBody {
  const clean: DirtyBody = { ...body, dirt: body.rows.map(() => null), requestDirt: null };
  if (!(rate > 0) || body.rows.length === 0) return clean;
  const r = Math.min(1, rate);
  const q = r * REQUEST_DIRT_SHARE;
  if (random() < q) return requestChange(clean, REQUEST_DIRT_KINDS[pick(random, REQUEST_DIRT_KINDS.length)]!, random);
  const p = (r - q) / (1 - q);
  const kinds = ROW_DIRT_KINDS.filter((k) => columnsFor(k, refs).length > 0 || k === 'duplicate-row');
  const out: DirtyBody = { columns: body.columns, rows: [], labels: [], sourceRows: [], dirt: [], requestDirt: null };
  body.rows.forEach((row, i) => {
    const push = (values: unknown[], dirt: DirtKind | null) => {
      out.rows.push(values);
      out.labels.push(body.labels[i]!);
      out.sourceRows.push(body.sourceRows[i]!);
      out.dirt.push(dirt);
    };
    if (!(random() < p)) return push(row, null);
    const kind = kinds[pick(random, kinds.length)]!;
    if (kind === 'duplicate-row') {
      push(row, null);
      return push(row.slice(), 'duplicate-row');
    }
    const candidates = columnsFor(kind, refs);
    const c = candidates[pick(random, candidates.length)]!;
    const copy = row.slice();
    copy[c] = dirtyValue(kind, refs[c]!, row[c], random);
    push(copy, kind);
  });
  return out;
}

/** Indices of the inputs a row kind can dirty. */
function columnsFor(kind: RowDirtKind, refs: readonly FeatureReference[]): number[] {
  const numeric = (ref: FeatureReference): ref is NumericReference => ref.kind === 'numeric' && ref.type === 'numeric' && ref.count > 0;
  const ok: Record<RowDirtKind, (ref: FeatureReference) => boolean> = {
    missing: () => true,
    'wrong-type': () => true,
    'malformed-number': numeric,
    'out-of-range': numeric,
    'unseen-category': (ref) => ref.kind === 'categorical',
    'duplicate-row': () => false,
  };
  return refs.flatMap((ref, i) => (ok[kind](ref) ? [i] : []));
}

function dirtyValue(kind: Exclude<RowDirtKind, 'duplicate-row'>, ref: FeatureReference, value: unknown, random: () => number): unknown {
  if (kind === 'missing') return null;
  if (kind === 'malformed-number') {
    const forms = [malformed(value), 'N/A', '', '-'];
    return forms[pick(random, forms.length)];
  }
  if (kind === 'wrong-type') {
    const forms: unknown[] = ref.kind === 'categorical' ? [true, { value }, [value]] : [{ value }, [value]];
    return forms[pick(random, forms.length)];
  }
  if (kind === 'unseen-category') {
    const seen = ref.kind === 'categorical' ? new Set(ref.categories) : new Set<string>();
    let name = `UNSEEN-${1 + pick(random, 99)}`;
    while (seen.has(name)) name += '*';
    return name;
  }
  // Out of range by ten spans (at least ten times |max|, at least 10): far past any tolerance a contract allows.
  const n = ref as NumericReference;
  const span = Math.max(n.max - n.min, Math.abs(n.max), 1);
  return random() < 0.5 ? n.max + 10 * span : n.min - 10 * span;
}

/** A number as a spreadsheet in another locale writes it: "12,5", or "1,234" for thousands. */
function malformed(value: unknown): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'N/A';
  if (Number.isInteger(value) && Math.abs(value) >= 1000) return (value < 0 ? '-' : '') + String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return value.toFixed(1).replace('.', ',');
}

function requestChange(body: DirtyBody, kind: RequestDirtKind, random: () => number): DirtyBody {
  const mark = (b: RequestBody): DirtyBody => ({ ...b, dirt: b.rows.map(() => kind), requestDirt: kind });
  if (kind === 'empty-batch') return mark({ columns: body.columns, rows: [], labels: [], sourceRows: [] });
  if (kind === 'extra-column') {
    let name = EXTRA_COLUMN;
    while (body.columns.includes(name)) name += '_2';
    return mark({ ...body, columns: [...body.columns, name], rows: body.rows.map((row) => [...row, '2.4.0']) });
  }
  const c = pick(random, body.columns.length);
  if (kind === 'missing-column') return mark({ ...body, columns: body.columns.filter((_, i) => i !== c), rows: body.rows.map((row) => row.filter((_, i) => i !== c)) });
  const old = body.columns[c]!;
  const capital = old.charAt(0).toUpperCase() + old.slice(1);
  const renamed = capital !== old && !body.columns.includes(capital) ? capital : `${old}_v2`;
  return mark({ ...body, columns: body.columns.map((name, i) => (i === c ? renamed : name)) });
}
