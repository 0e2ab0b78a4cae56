'use client';

import { useId } from 'react';
import type { RunFilterError } from '@/lib/tracking/run-filter';
import { splitAtError } from './filter-error';

interface RunFilterBoxProps {
  value: string;
  onChange: (value: string) => void;
  error: RunFilterError | null;
  /** The last filter that parsed, whose results stay on screen while `value` is invalid. */
  lastValid: string;
}

const EXAMPLES = [
  'metrics.val_rmse < 12 and params.learningRate = 0.01',
  'tags.stage = "baseline" or tags.stage in ("tuned", "final")',
  'status != "FAILED" and name ilike "%lr%" and started >= "2025-01-31"',
];

/**
 * The filter input: plain words search names and tags; anything with an operator is a filter
 * (`lib/tracking/run-filter.ts`). A bad filter shows its message under the input with the
 * offending part marked, and says which results stay on screen meanwhile.
 */
export function RunFilterBox({ value, onChange, error, lastValid }: RunFilterBoxProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const parts = error ? splitAtError(value, error) : null;
  return (
    <div className="run-filter">
      <label htmlFor={id}>Search runs</label>
      <input
        id={id}
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder='name, tag, or metrics.val_loss < 0.5 and params.learningRate = 0.01'
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
      />
      <p id={hintId} className="field-hint">
        Words search names and tags. A filter compares fields: <code>metrics.&lt;name&gt;</code> is a metric’s best value, <code>last.&lt;name&gt;</code> its last.
      </p>
      {error && parts && (
        <div id={errorId} className="filter-error" data-testid="filter-error">
          <p className="filter-error-message">{error.message}</p>
          <pre className="filter-echo" aria-hidden="true">
            {parts.before}
            {parts.marked ? <mark>{parts.marked}</mark> : <mark className="filter-caret">‸</mark>}
            {parts.after}
          </pre>
          <p className="filter-stale">{lastValid ? `Still showing the runs matching the last valid filter, ${lastValid}.` : 'Showing every run until the filter is fixed.'}</p>
        </div>
      )}
      <details className="filter-help">
        <summary>Filter syntax</summary>
        <p>
          Fields: <code>metrics.&lt;name&gt;</code> (best value), <code>last.&lt;name&gt;</code>, <code>params.&lt;name&gt;</code>, <code>tags.&lt;name&gt;</code>, and <code>name</code>, <code>status</code>, <code>dataset</code>, <code>backend</code>, <code>experiment</code>, <code>parent</code>, <code>id</code>, <code>started</code> (a date such as &quot;2025-01-31&quot;), <code>ended</code>, <code>seed</code>. Put names with spaces in backticks: <code>metrics.`val loss`</code>.
        </p>
        <p>
          Operators: <code>=</code> <code>!=</code> <code>&lt;</code> <code>&lt;=</code> <code>&gt;</code> <code>&gt;=</code>, <code>in (…)</code>, <code>not in (…)</code>, <code>like</code> and <code>ilike</code> (ignores case) with <code>%</code> for any text. Combine with <code>and</code>, <code>or</code> and parentheses; <code>and</code> binds first. Text goes in quotes. A run without the field never matches, not even <code>!=</code>.
        </p>
        <ul>
          {EXAMPLES.map((e) => (
            <li key={e}>
              <code>{e}</code>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
