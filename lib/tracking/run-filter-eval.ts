import type { RunFilterField } from './run-filter-fields';
import { isNumericText, type CompareOp, type RunFilterNode, type RunFilterValue } from './run-filter-parse';
import type { RunRecord } from './run-types';

type Scalar = string | number | boolean;

/** A record's own value only: `params.constructor` must not find Object's constructor. */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * The value a field reads on a run, or undefined when the run has none: a metric never logged,
 * a NaN metric, a param or tag not set, no backend yet, no parent, not ended.
 */
export function runFieldValue(run: RunRecord, field: RunFilterField): Scalar | undefined {
  let value: Scalar | null | undefined;
  switch (field.kind) {
    case 'metric':
      value = field.which === 'best' ? own(run.bestMetrics, field.key)?.value : own(run.lastMetrics, field.key);
      break;
    case 'param':
      value = own(run.params, field.key);
      break;
    case 'tag':
      value = own(run.tags, field.key);
      break;
    case 'attribute':
      value = ATTRIBUTES[field.name](run);
      break;
  }
  return value === null || (typeof value === 'number' && Number.isNaN(value)) ? undefined : value;
}

const ATTRIBUTES: Record<Extract<RunFilterField, { kind: 'attribute' }>['name'], (run: RunRecord) => Scalar | null | undefined> = {
  name: (r) => r.name,
  status: (r) => r.status,
  dataset: (r) => r.dataset?.id,
  backend: (r) => r.backend,
  experiment: (r) => r.experiment,
  parent: (r) => r.parentRunId,
  id: (r) => r.id,
  started: (r) => r.startedAt,
  ended: (r) => r.endedAt,
  seed: (r) => r.seed,
};

function asNumber(v: Scalar | RunFilterValue): number | undefined {
  if (typeof v === 'number') return Number.isNaN(v) ? undefined : v;
  if (typeof v === 'string' && isNumericText(v)) return Number(v);
  return undefined;
}

function order(a: number | string, b: number | string, op: CompareOp): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

/**
 * One comparison of a present value with a literal. When either side is a number and the other
 * reads as one ("0.01"), they compare as numbers; a number against text that is not a number
 * is unordered (only `!=` holds); otherwise both compare as text, case-sensitively.
 */
export function compareValue(value: Scalar, op: CompareOp, literal: RunFilterValue): boolean {
  if (typeof value === 'number' || typeof literal === 'number') {
    const a = asNumber(value);
    const b = asNumber(literal);
    if (a === undefined || b === undefined) return op === '!=';
    return order(a, b, op);
  }
  return order(String(value), literal, op);
}

function searchMatches(run: RunRecord, words: string[]): boolean {
  const haystack = [run.name, ...Object.entries(run.tags).flat()].map((s) => s.toLowerCase());
  return words.every((w) => haystack.some((h) => h.includes(w)));
}

/**
 * Whether a run matches a parsed filter (null matches every run). Like SQL's NULL, a missing
 * value matches no condition at all, `!=`, `not in` and `not like` included: `tags.stage !=
 * "baseline"` keeps only runs that have a stage tag.
 */
export function matchesRunFilter(ast: RunFilterNode | null, run: RunRecord): boolean {
  if (ast === null) return true;
  switch (ast.type) {
    case 'and':
      return ast.children.every((c) => matchesRunFilter(c, run));
    case 'or':
      return ast.children.some((c) => matchesRunFilter(c, run));
    case 'search':
      return searchMatches(run, ast.words);
    case 'compare': {
      const value = runFieldValue(run, ast.field);
      return value !== undefined && compareValue(value, ast.op, ast.value);
    }
    case 'in': {
      const value = runFieldValue(run, ast.field);
      return value !== undefined && ast.values.some((v) => compareValue(value, '=', v)) !== ast.negated;
    }
    case 'like': {
      const value = runFieldValue(run, ast.field);
      return value !== undefined && ast.regex.test(String(value)) !== ast.negated;
    }
  }
}
