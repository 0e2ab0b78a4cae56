/**
 * Keys a filter names that no run has. `params.lr` where the runs log `learningRate`, or a typo
 * such as `metrics.val_los`, is valid syntax but matches nothing, which on screen looks exactly
 * like "no run qualifies". Checking the names against the runs being filtered turns that silence
 * into an error that points at the field, as a syntax error does, and names the closest real key.
 */
import { editDistance, formatField, type RunFilterField } from './run-filter-fields';
import { column, type RunFilterError } from './run-filter-lex';
import { parseRunFilter, type RunFilterNode, type RunFilterParse, type RunFilterSpan } from './run-filter-parse';
import type { RunRecord } from './run-types';

type KeyKind = 'param' | 'metric' | 'tag';
const KINDS: readonly KeyKind[] = ['param', 'metric', 'tag'];
const PLURAL: Record<KeyKind, string> = { param: 'params', metric: 'metrics', tag: 'tags' };

/**
 * The param, metric and tag keys at least one run has, each sorted. `metric` is the union of
 * last and best metric keys, since `metrics.x` and `last.x` name the same metric.
 */
export interface RunFilterKeys {
  /** How many runs the keys come from: with none there is nothing to know, so nothing is unknown. */
  runCount: number;
  param: readonly string[];
  metric: readonly string[];
  tag: readonly string[];
}

/** A key the filter names that no run has, where it is written, and the closest real name if any. */
export interface UnknownRunFilterKey {
  kind: KeyKind;
  key: string;
  /** The field as a filter writes it (`params.lr`, `last.val_los`). */
  field: string;
  at: RunFilterSpan;
  /** A key of the same kind (`learningRate`), or a whole field of another kind (`params.model` for `tags.model`). */
  suggestion: { key: string } | { field: string } | null;
}

const ORDER = new Intl.Collator('en', { numeric: true });
const SEPARATORS = /[\s_\-./]+/gu;
/** Longer words are not abbreviations anyone types; the cap also bounds the backtracking below. */
const MAX_ABBREVIATION = 24;
/** Up to this many known names are listed in full; beyond it a few and a count. */
const LIST_MAX = 8;
const LIST_SOME = 6;

/**
 * The keys a filter over `runs` can find (see `RunFilterKeys`). Own keys only, as the filter
 * reads them (`Object.keys`), so `constructor` is never "known". Computed once per set of runs,
 * not per keystroke: the runs page memoises it beside the runs.
 */
export function runFilterKeys(runs: readonly RunRecord[]): RunFilterKeys {
  const sets: Record<KeyKind, Set<string>> = { param: new Set(), metric: new Set(), tag: new Set() };
  for (const run of runs) {
    for (const key of Object.keys(run.params)) sets.param.add(key);
    for (const key of Object.keys(run.tags)) sets.tag.add(key);
    for (const key of Object.keys(run.lastMetrics)) sets.metric.add(key);
    for (const key of Object.keys(run.bestMetrics)) sets.metric.add(key);
  }
  const sorted = (set: Set<string>) => [...set].sort(ORDER.compare);
  return { runCount: runs.length, param: sorted(sets.param), metric: sorted(sets.metric), tag: sorted(sets.tag) };
}

/** Lower case without separators, so `learning_rate`, `LearningRate` and `learningRate` are one name. */
function squash(name: string): string {
  return name.toLowerCase().replace(SEPARATORS, '');
}

/** The words of a camelCase, snake_case, kebab-case or spaced name, lower-cased: `learningRate` → learning, rate. */
function nameWords(name: string): string[] {
  const spaced = name.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2');
  return spaced
    .split(SEPARATORS)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/** Whether `word` is a non-empty start of every one of `parts`, in order: `lr`, `lrate` and `learnr` abbreviate learning, rate. */
function abbreviates(word: string, parts: readonly string[]): boolean {
  const [first, ...rest] = parts;
  if (first === undefined) return word === '';
  for (let n = Math.min(first.length, word.length - rest.length); n >= 1; n--) {
    if (first.startsWith(word.slice(0, n)) && abbreviates(word.slice(n), rest)) return true;
  }
  return false;
}

/**
 * How near `candidate` is to `word`, lower is nearer, or null when it is not worth suggesting.
 * Tiers, each beating the next: the same name but for case and separators; a prefix
 * (`val_los` → `val_loss`); initials or an abbreviation of a multi-word name (`lr` →
 * `learningRate`, `bs` → `batchSize`); contained in it (`rmse` → `val_rmse`); then a
 * Damerau–Levenshtein distance of at most 2, and at most a third of the name. Within a tier the
 * closer in length wins.
 */
function nearness(word: string, candidate: string): number | null {
  const w = squash(word);
  const c = squash(candidate);
  const lengthGap = Math.abs(c.length - w.length);
  if (w === '' || c === '') return null;
  if (w === c) return 0;
  const tier = (n: number, tie: number) => n * 1000 + Math.min(tie, 999);
  if (w.length >= 2 && c.startsWith(w)) return tier(1, lengthGap);
  const parts = nameWords(candidate);
  if (parts.length >= 2 && w.length <= MAX_ABBREVIATION && abbreviates(w, parts)) return tier(2, lengthGap);
  if (w.length >= 3 && c.includes(w)) return tier(3, lengthGap);
  const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
  return distance <= Math.min(2, Math.max(1, Math.floor(candidate.length / 3))) ? tier(4, distance) : null;
}

/**
 * The known name closest to `word` (see `nearness` for what counts as close), or undefined when
 * none is close. Ties go to the earlier candidate, so pass them sorted for a stable answer.
 */
export function closestKey(word: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; score: number } | undefined;
  for (const name of candidates) {
    const score = nearness(word, name);
    if (score !== null && (!best || score < best.score)) best = { name, score };
  }
  return best?.name;
}

type KeyField = Exclude<RunFilterField, { kind: 'attribute' }>;

function* keyConditions(ast: RunFilterNode): Generator<{ field: KeyField; at: RunFilterSpan }> {
  switch (ast.type) {
    case 'and':
    case 'or':
      for (const child of ast.children) yield* keyConditions(child);
      return;
    case 'search':
      return;
    default:
      // Attributes are checked by the parser already.
      if (ast.field.kind !== 'attribute') yield { field: ast.field, at: ast.fieldAt };
  }
}

function suggestionFor(kind: KeyKind, key: string, keys: RunFilterKeys): UnknownRunFilterKey['suggestion'] {
  const near = closestKey(key, keys[kind]);
  if (near !== undefined) return { key: near };
  // A key filed under the wrong prefix (`tags.model` for the param model) is only offered when
  // it is the same name: a loose match across kinds would mostly be noise.
  for (const other of KINDS) {
    const same = other === kind ? undefined : keys[other].find((k) => squash(k) === squash(key));
    if (same !== undefined) return { field: formatField(other === 'metric' ? { kind: 'metric', key: same, which: 'best' } : { kind: other, key: same }) };
  }
  return null;
}

/**
 * Every param, metric and tag key the filter names that no run has, once each (by kind and key;
 * `metrics.x` and `last.x` are the same metric), in the order they are written. Empty when the
 * filter is empty or a plain-words search, when every key is known, or when there are no runs at
 * all (nothing to know). Attributes are not looked at: the parser knows them all.
 */
export function findUnknownKeys(ast: RunFilterNode | null, keys: RunFilterKeys): UnknownRunFilterKey[] {
  if (ast === null || keys.runCount === 0) return [];
  const known: Record<KeyKind, ReadonlySet<string>> = { param: new Set(keys.param), metric: new Set(keys.metric), tag: new Set(keys.tag) };
  const seen = new Set<string>();
  const unknown: UnknownRunFilterKey[] = [];
  for (const { field, at } of keyConditions(ast)) {
    const id = `${field.kind}\u0000${field.key}`;
    if (known[field.kind].has(field.key) || seen.has(id)) continue;
    seen.add(id);
    unknown.push({ kind: field.kind, key: field.key, field: formatField(field), at, suggestion: suggestionFor(field.kind, field.key, keys) });
  }
  return unknown;
}

function knownList(kind: KeyKind, names: readonly string[]): string {
  if (names.length === 0) return `these runs have no ${PLURAL[kind]}.`;
  const shown = names.length <= LIST_MAX ? names.join(', ') : `${names.slice(0, LIST_SOME).join(', ')}, … (${names.length} in all)`;
  return `${PLURAL[kind]} here: ${shown}.`;
}

/**
 * The error for keys no run has, shaped as a syntax error (`RunFilterError`) and marking the
 * first such field as written: "No param `lr` in these runs (at column 30); did you mean
 * `learningRate`?". With nothing close it lists known names of that kind instead; further
 * unknown keys are named after it. Null when every key is known or there are no runs.
 */
export function unknownKeyError(ast: RunFilterNode | null, keys: RunFilterKeys): RunFilterError | null {
  const [first, ...others] = findUnknownKeys(ast, keys);
  if (!first) return null;
  const s = first.suggestion;
  const help = s === null ? knownList(first.kind, keys[first.kind]) : 'key' in s ? `did you mean \`${s.key}\`?` : `did you mean ${s.field}?`;
  const more = others.length === 0 ? '' : ` Also in no run: ${others.map((u) => u.field).join(', ')}.`;
  return { message: `No ${first.kind} \`${first.key}\` in these runs (${column(first.at.position)}); ${help}${more}`, position: first.at.position, length: first.at.length };
}

/**
 * Parses a filter and checks its keys against the runs' (`runFilterKeys`): a syntax error, or
 * else a key no run has, comes back as `{ ok: false, error }`. Never throws.
 */
export function checkRunFilter(text: string, keys: RunFilterKeys): RunFilterParse {
  const parsed = parseRunFilter(text);
  if (!parsed.ok) return parsed;
  const error = unknownKeyError(parsed.ast, keys);
  return error ? { ok: false, error } : parsed;
}
