import { column, FilterSyntaxError, type Token } from './run-filter-lex';

/** Run attributes a filter can name directly (`status = "FINISHED"`) or as `attributes.status`. */
export const RUN_FILTER_ATTRIBUTES = ['name', 'status', 'dataset', 'backend', 'experiment', 'parent', 'id', 'started', 'ended', 'seed'] as const;
export type RunFilterAttribute = (typeof RUN_FILTER_ATTRIBUTES)[number];

/** What a filter compares: a metric's best or last value, a param, a tag or an attribute. */
export type RunFilterField =
  | { kind: 'metric'; key: string; which: 'best' | 'last' }
  | { kind: 'param'; key: string }
  | { kind: 'tag'; key: string }
  | { kind: 'attribute'; name: RunFilterAttribute };

/** MLflow's attribute names, accepted so that MLflow filters paste in unchanged. */
const MLFLOW_ALIASES: Record<string, RunFilterAttribute> = {
  run_name: 'name',
  run_id: 'id',
  start_time: 'started',
  end_time: 'ended',
  parent_run_id: 'parent',
};

const PREFIXES = ['metrics', 'last', 'params', 'tags', 'attributes'] as const;
type Prefix = (typeof PREFIXES)[number];

/** Near misses that edit distance alone would not catch (or would map elsewhere). */
const PREFIX_VARIANTS: Record<string, Prefix> = {
  metric: 'metrics',
  best: 'metrics',
  param: 'params',
  parameter: 'params',
  parameters: 'params',
  tag: 'tags',
  attribute: 'attributes',
  attr: 'attributes',
};

const KEY_NOUN: Record<Prefix, string> = { metrics: 'metric', last: 'metric', params: 'param', tags: 'tag', attributes: 'attribute' };
const NUMERIC_ATTRIBUTES = new Set<RunFilterAttribute>(['started', 'ended', 'seed']);
const METRIC_LIKE = /^(val|train|test)_|loss|acc|rmse|mae|mse|r2|auc|f1/i;

/** Whether a field holds numbers only (metrics, `started`, `ended`, `seed`), so text cannot match it. */
export function isNumericField(field: RunFilterField): boolean {
  return field.kind === 'metric' || (field.kind === 'attribute' && NUMERIC_ATTRIBUTES.has(field.name));
}

/** How a field is written in a filter, backtick-quoting keys with characters a bare word cannot hold. */
export function formatField(field: RunFilterField): string {
  if (field.kind === 'attribute') return field.name;
  const prefix = field.kind === 'metric' ? (field.which === 'best' ? 'metrics' : 'last') : field.kind === 'param' ? 'params' : 'tags';
  return `${prefix}.${formatKey(field.key)}`;
}

function formatKey(key: string): string {
  return /^[\p{L}\p{N}_\-/.]+$/u.test(key) ? key : `\`${key}\``;
}

function attribute(name: string): RunFilterAttribute | undefined {
  const lower = name.toLowerCase();
  return (RUN_FILTER_ATTRIBUTES as readonly string[]).includes(lower) ? (lower as RunFilterAttribute) : MLFLOW_ALIASES[lower];
}

/**
 * Damerau–Levenshtein distance (optimal string alignment): insertions, deletions, substitutions
 * and swaps of two adjacent characters each cost 1, so `stauts` is 1 from `status`, as a typist
 * would count it. Case-sensitive (callers lower-case first when case must not count). Quadratic,
 * which is fine for "did you mean" over a few dozen short names.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      row[j] = d;
    }
    before = prev;
    prev = row;
  }
  return prev[b.length] ?? 0;
}

function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const distance = editDistance(lower, name);
    if (distance <= Math.min(2, Math.floor(name.length / 3)) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

function unknownField(t: Token): FilterSyntaxError {
  let suggestion: string | undefined;
  if (t.rest !== null) {
    const prefix = PREFIX_VARIANTS[t.head.toLowerCase()] ?? closest(t.head, PREFIXES);
    if (prefix) suggestion = `${prefix}.${formatKey(t.rest)}`;
  } else {
    const near = closest(t.head, [...RUN_FILTER_ATTRIBUTES, ...Object.keys(MLFLOW_ALIASES)]);
    suggestion = near ?? `${METRIC_LIKE.test(t.head) ? 'metrics' : 'params'}.${formatKey(t.head)}`;
  }
  const help = suggestion
    ? ` — did you mean ${suggestion}?`
    : ` — fields are metrics.<key> (best value), last.<key>, params.<key>, tags.<key>, or ${RUN_FILTER_ATTRIBUTES.join(', ')}`;
  return new FilterSyntaxError(`Unknown field "${t.text}" ${column(t.position)}${help}`, t.position, t.length);
}

/**
 * The field a word token names. Prefixes and attribute names are case-insensitive; keys are
 * kept exactly. Throws `FilterSyntaxError` (with a suggestion when one is close) otherwise.
 */
export function resolveField(t: Token): RunFilterField {
  if (t.rest === null) {
    const name = t.quoted ? undefined : attribute(t.head);
    if (name) return { kind: 'attribute', name };
    const prefix = PREFIXES.find((p) => p === t.head.toLowerCase());
    if (prefix && !t.quoted) {
      const example = prefix === 'attributes' ? 'attributes.status' : `${prefix}.${prefix === 'params' ? 'learningRate' : prefix === 'tags' ? 'stage' : 'val_loss'}`;
      throw new FilterSyntaxError(`"${t.text}" needs a ${KEY_NOUN[prefix]} name ${column(t.position)}, as in ${example}`, t.position, t.length);
    }
    throw unknownField(t);
  }
  const prefix = PREFIXES.find((p) => p === t.head.toLowerCase());
  if (!prefix) throw unknownField(t);
  if (t.rest === '') {
    const end = t.position + t.length;
    throw new FilterSyntaxError(`Expected a ${KEY_NOUN[prefix]} name after "${t.text}" ${column(end)}`, end, 0);
  }
  switch (prefix) {
    case 'metrics':
      return { kind: 'metric', key: t.rest, which: 'best' };
    case 'last':
      return { kind: 'metric', key: t.rest, which: 'last' };
    case 'params':
      return { kind: 'param', key: t.rest };
    case 'tags':
      return { kind: 'tag', key: t.rest };
    case 'attributes': {
      const name = attribute(t.rest);
      if (name) return { kind: 'attribute', name };
      const near = closest(t.rest, RUN_FILTER_ATTRIBUTES);
      throw new FilterSyntaxError(
        `Unknown attribute "${t.rest}" ${column(t.position)}${near ? ` — did you mean attributes.${near}?` : ` — attributes are ${RUN_FILTER_ATTRIBUTES.join(', ')}`}`,
        t.position,
        t.length,
      );
    }
  }
}
