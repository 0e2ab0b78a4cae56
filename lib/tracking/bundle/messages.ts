import type { core } from 'zod';

/**
 * `runs[3].params.lr` from `['runs', 3, 'params', 'lr']`; the root is "the file". Keys that are
 * not plain identifiers are quoted (`tags["my tag"]`) and cut to 40 characters; paths deeper
 * than 8 steps keep their first 4 and last 3 steps around an ellipsis.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the file';
  const step = (p: PropertyKey, i: number) => {
    if (typeof p === 'number') return `[${p}]`;
    const key = String(p);
    if (/^[A-Za-z_$][\w$]*$/.test(key) && key.length <= 40) return `${i ? '.' : ''}${key}`;
    return `[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`;
  };
  const steps = path.map(step);
  return (steps.length > 8 ? [...steps.slice(0, 4), '…', ...steps.slice(-3)] : steps).join('');
}

const quoteList = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');

/**
 * Per-parse zod error map: plain sentences instead of zod's defaults ("expected one of RUNNING,
 * FINISHED, FAILED, KILLED", "is longer than 200 characters", "must be a whole number").
 * Returns undefined to keep a message set on the schema itself (patterns, refinements).
 */
export function bundleErrorMap(issue: core.$ZodRawIssue): string | undefined {
  const input: unknown = issue.input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return 'is required';
      if (issue.expected === 'int') return 'must be a whole number';
      if (issue.expected === 'number' && typeof input === 'number') return `must be a finite number (got ${String(input)})`;
      return `must be ${article(issue.expected)} (got ${describeValue(input)})`;
    case 'invalid_value':
      return issue.values.length === 1 ? `must be ${quoteList(issue.values)}` : `expected one of ${quoteList(issue.values)}`;
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `is longer than ${max} characters`;
      if (issue.origin === 'array') return `has more than ${max} items`;
      if (issue.origin === 'int' || max === Number.MAX_SAFE_INTEGER) return `is too large for a whole number (over ${Number.MAX_SAFE_INTEGER})`;
      return `must be at most ${max}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min === 1 ? 'must not be empty' : `is shorter than ${min} characters`;
      if (issue.origin === 'array') return `has fewer than ${min} items`;
      if (issue.origin === 'int' || min === Number.MIN_SAFE_INTEGER) return `is too small for a whole number (under ${Number.MIN_SAFE_INTEGER})`;
      return `must be at least ${min}`;
    }
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'an unknown field' : 'unknown fields'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_key': {
      const why = issue.issues[0]?.message;
      return why ? `is not an allowed key: it ${why}` : 'is not an allowed key';
    }
    case 'invalid_union':
      return 'is not any of the accepted forms';
    default:
      return undefined;
  }
}

function article(expected: string): string {
  const noun = expected === 'object' ? 'an object' : expected === 'array' ? 'a list' : expected === 'string' ? 'text' : expected === 'null' ? 'null' : `a ${expected}`;
  return noun;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}

/** "runs[3].status: expected one of …; runs[4].name: is required (and 7 more problems)". */
export function formatIssues(issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>, shown = 3): string {
  const listed = issues.slice(0, shown).map((i) => `${formatPath(i.path)}: ${i.message}`);
  const more = issues.length > shown ? ` (and ${issues.length - shown} more problem${issues.length - shown === 1 ? '' : 's'})` : '';
  return `${listed.join('; ')}${more}`;
}
