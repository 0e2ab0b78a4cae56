import { formatPath } from './messages';
import { MAX_JSON_DEPTH, NOTHING_CHANGED } from './format';

/** Keys that could reach `Object.prototype` once parsed data is spread or assigned. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type SafeJsonResult = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Parses untrusted JSON text and scans the result before anything else looks at it.
 *
 * Refuses, with a sentence naming the place at fault and ending "Nothing was changed.":
 * - empty text, and text that is not complete JSON (a truncated download, a damaged file);
 * - the keys `__proto__`, `constructor` and `prototype` at any depth (`JSON.parse` makes them
 *   own properties, harmless until some code spreads or merges the object — so none pass);
 * - numbers too large for a double (`1e400` parses as `Infinity`);
 * - nesting deeper than `MAX_JSON_DEPTH` (no bundle field is that deep).
 *
 * Never throws. The scan recurses but is depth-bounded, so hostile nesting cannot
 * overflow the stack here (V8's own parser is iterative; a RangeError from it is caught).
 */
export function parseJsonSafely(text: string): SafeJsonResult {
  if (text.trim() === '') return { ok: false, error: `The file is empty. ${NOTHING_CHANGED}` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (error instanceof SyntaxError) {
      return { ok: false, error: `The file is not complete JSON (it may be truncated or damaged): ${clip(error.message)}. ${NOTHING_CHANGED}` };
    }
    return { ok: false, error: `The file could not be read as JSON (${error instanceof Error ? clip(error.message) : 'unknown error'}). ${NOTHING_CHANGED}` };
  }
  const problem = scan(value, [], 0);
  return problem ? { ok: false, error: `${problem} ${NOTHING_CHANGED}` } : { ok: true, value };
}

function scan(value: unknown, path: PropertyKey[], depth: number): string | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? null : `The number at ${formatPath(path)} is too large to store (it reads as ${String(value)}).`;
  }
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_JSON_DEPTH) return `The file is nested more than ${MAX_JSON_DEPTH} levels deep (at ${formatPath(path)}); no bundle field is.`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      // Fast path for the long number arrays of metric chunks.
      if (typeof item === 'number' && Number.isFinite(item)) continue;
      path.push(i);
      const problem = scan(item, path, depth + 1);
      path.pop();
      if (problem) return problem;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) {
      return `The file contains the key "${key}" (in ${formatPath(path)}), which no bundle has; it is refused because it could alter how the page's objects behave.`;
    }
    path.push(key);
    const problem = scan((value as Record<string, unknown>)[key], path, depth + 1);
    path.pop();
    if (problem) return problem;
  }
  return null;
}

/** Engine messages quote the input; keep them short enough to read. */
function clip(message: string): string {
  const trimmed = message.replace(/\.$/, '');
  return trimmed.length > 200 ? `${trimmed.slice(0, 200)}…` : trimmed;
}
