import { firstDirection, type SortDirection } from './run-columns';

/** What the runs page keeps in its URL: `?filter=…&sort=…&dir=asc|desc&trials=hide`. */
export interface RunsViewState {
  filter: string;
  /** A column id (`started`, `metrics.val_rmse`, `params.learningRate`, …). */
  sort: string;
  dir: SortDirection;
  hideTrials: boolean;
}

export const DEFAULT_SORT = 'started';
const MAX_FILTER = 2000;
const MAX_SORT = 300;

/**
 * The view a URL asks for. Missing or malformed parts fall back to the defaults: no filter,
 * newest first, a column's first direction when `dir` is absent, trials shown.
 */
export function decodeRunsView(params: { get(name: string): string | null }): RunsViewState {
  const filter = (params.get('filter') ?? '').slice(0, MAX_FILTER);
  const sort = (params.get('sort') ?? '').slice(0, MAX_SORT) || DEFAULT_SORT;
  const dir = params.get('dir');
  return { filter, sort, dir: dir === 'asc' || dir === 'desc' ? dir : firstDirection(sort), hideTrials: params.get('trials') === 'hide' };
}

/**
 * The query string (without "?") for a view, keeping any other params of `current`. Defaults
 * are left out so a plain visit keeps a plain URL; `decodeRunsView` reads the result back.
 */
export function encodeRunsView(view: RunsViewState, current = ''): string {
  const params = new URLSearchParams(current);
  const set = (name: string, value: string | null) => (value === null ? params.delete(name) : params.set(name, value));
  set('filter', view.filter === '' ? null : view.filter);
  set('sort', view.sort === DEFAULT_SORT ? null : view.sort);
  set('dir', view.dir === firstDirection(view.sort) ? null : view.dir);
  set('trials', view.hideTrials ? 'hide' : null);
  return params.toString();
}

/** A stable key of a view, to tell whether the URL now asks for something else. */
export function runsViewKey(view: RunsViewState): string {
  return JSON.stringify([view.filter, view.sort, view.dir, view.hideTrials]);
}
