/**
 * The runs filter: MLflow's search syntax, plus `or`, parentheses and `not in`.
 *
 *   metrics.val_rmse < 12 and params.learningRate = 0.01
 *   (tags.stage = "baseline" or tags.stage in ('tuned', "final")) and status != "FAILED"
 *   name ilike "%lr%" and last.`val loss` <= 0.4 and started >= "2025-01-31"
 *
 * Grammar (keywords case-insensitive; `and` binds tighter than `or`):
 *   filter     := or
 *   or         := and ("or" and)*
 *   and        := primary ("and" primary)*
 *   primary    := "(" or ")" | field condition
 *   condition  := op value | ["not"] "in" "(" value ("," value)* ")" | ["not"] ("like" | "ilike") string
 *   op         := "=" | "==" | "!=" | "<>" | "<" | "<=" | ">" | ">="
 *   value      := number | 'text' | "text" | true | false        (backslash escapes a quote)
 *
 * Fields:
 * - `metrics.<key>`: the run's BEST value of the metric (lowest for losses and errors, highest
 *   otherwise), because "which run got the lowest val_loss" is the usual question.
 * - `last.<key>`: the metric's last logged value.
 * - `params.<key>`, `tags.<key>`.
 * - attributes `name`, `status`, `dataset` (dataset id), `backend`, `experiment`, `parent`
 *   (parent run id, set on sweep trials), `id`, `started`, `ended` (epoch ms, or an ISO date text:
 *   "2025-01-31" is midnight UTC, "2025-01-31T09:00" local time, as `Date.parse` reads them),
 *   `seed`; also written `attributes.status`, and MLflow's `run_name`, `run_id`, `start_time`,
 *   `end_time`, `parent_run_id`.
 * - Keys with characters other than letters, digits, `_`, `-`, `/` and `.` go in backticks:
 *   metrics.`val loss`. A key may contain dots (`tags.mlflow.user` is the tag `mlflow.user`).
 *
 * Semantics:
 * - A number and a value that reads as a number compare as numbers (param "0.01" = 0.01);
 *   otherwise values compare as text, case-sensitively (`ilike` ignores case). Statuses are
 *   matched in any case and must be RUNNING, FINISHED, FAILED or KILLED.
 * - `like` / `ilike`: `%` matches any run of characters, `_` one character; the whole value must match.
 * - A missing value (metric never logged or NaN, param or tag not set) matches nothing, not even
 *   `!=` or `not in` — as SQL's NULL. `tags.x like "%"` finds runs that have tag x.
 * - A param, metric or tag key that NO run has is an error, not an empty result: `params.lr`
 *   where the runs log `learningRate` would silently match nothing. `filterRuns` (and the runs
 *   page, through `checkRunFilter`) reports it as it reports a syntax error, marking the field
 *   and naming the closest known key (`run-filter-known.ts`). A key some runs lack is fine.
 * - An empty filter matches every run. Plain words with no operator, quote, parenthesis or
 *   keyword are a quick search: every word must appear (ignoring case) in the name, a tag key or a tag value.
 */
import { matchesRunFilter } from './run-filter-eval';
import { checkRunFilter, runFilterKeys } from './run-filter-known';
import type { RunFilterError } from './run-filter-lex';
import type { RunRecord } from './run-types';

export { matchesRunFilter, runFieldValue, compareValue } from './run-filter-eval';
export { parseRunFilter, type RunFilterNode, type RunFilterParse, type RunFilterSpan, type RunFilterValue, type CompareOp } from './run-filter-parse';
export { checkRunFilter, closestKey, findUnknownKeys, runFilterKeys, unknownKeyError, type RunFilterKeys, type UnknownRunFilterKey } from './run-filter-known';
export { formatField, RUN_FILTER_ATTRIBUTES, type RunFilterField, type RunFilterAttribute } from './run-filter-fields';
export type { RunFilterError } from './run-filter-lex';

/**
 * The runs a filter keeps, in their original order, or the filter's error: a syntax error, or a
 * param, metric or tag key that none of `runs` has (with no runs at all, no key is unknown, and
 * the result is simply empty). An empty filter keeps every run (a new array either way).
 */
export function filterRuns(runs: readonly RunRecord[], text: string): { ok: true; runs: RunRecord[] } | { ok: false; error: RunFilterError } {
  const parsed = checkRunFilter(text, runFilterKeys(runs));
  if (!parsed.ok) return parsed;
  const ast = parsed.ast;
  return { ok: true, runs: ast === null ? runs.slice() : runs.filter((run) => matchesRunFilter(ast, run)) };
}
