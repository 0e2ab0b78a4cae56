/**
 * Reading the prediction log for its browsable table: a filtered page of rows, labels joined, and
 * the count of rows a filter takes (for the pager).
 */
import type { WorkbenchDatabase } from './db';
import { hasRowPredicates, logRowAt, rowMatches, scanLog, type ScanOrder } from './prediction-log-scan';
import { loggedWindows, readLogState } from './prediction-log-state';
import type { LogFilter, LogRow } from './prediction-log-types';

export { joinLabels } from './prediction-log-scan';
export type { ScanOrder } from './prediction-log-scan';

/** What `readLogPage` reads. */
export interface LogPageQuery {
  filter?: LogFilter;
  /** Matching rows to skip (≥ 0), in `order`. */
  offset?: number;
  /** Rows to return at most (50 by default; 0 returns none). */
  limit?: number;
  /**
   * `newest` (default): the highest window first and, within a window, the last logged row
   * first; `oldest`: window order, rows as logged. Within a window rows are in logged order,
   * which is arrival order for one source.
   */
  order?: ScanOrder;
}

/**
 * One page of the endpoint's log: rows matching `filter`, labels joined by request id and row
 * index, after skipping `offset` of them. Reads batch by batch, each batch its own read (no
 * explicit transaction: in a browser, a read transaction spanning the cursor's awaits commits
 * early under a live query), and touches only the
 * chunks of the filter's window range, from the page's end of the log, stopping once the page is
 * full. With no row predicates (only a window range), whole windows before the offset are skipped
 * by their counts in the log state, without reading them.
 */
export async function readLogPage(db: WorkbenchDatabase, endpoint: string, query: LogPageQuery = {}): Promise<LogRow[]> {
  const filter = query.filter ?? {};
  const order = query.order ?? 'newest';
  const limit = Math.max(0, Math.floor(query.limit ?? 50));
  let skip = Math.max(0, Math.floor(query.offset ?? 0));
  const rows: LogRow[] = [];
  if (limit === 0) return rows;
  const rowFilter = hasRowPredicates(filter);
  const windows = { ...filter.windows };
  if (!rowFilter && skip > 0) {
    const state = await readLogState(db, endpoint);
    const inRange = loggedWindows(state).filter((w) => w >= (windows.from ?? -Infinity) && w <= (windows.to ?? Infinity));
    for (const w of order === 'newest' ? inRange.reverse() : inRange) {
      const held = state.windows[String(w)]?.rows ?? 0;
      if (skip < held) break;
      skip -= held;
      if (order === 'newest') windows.to = w - 1;
      else windows.from = w + 1;
    }
  }
  await scanLog(db, endpoint, windows, order, (chunk, labels) => {
    const n = chunk.requestIds.length;
    if (!rowFilter && skip >= n) {
      skip -= n;
      return true;
    }
    for (let k = 0; k < n; k++) {
      const i = order === 'newest' ? n - 1 - k : k;
      if (rowFilter && !rowMatches(chunk, i, filter, labels)) continue;
      if (skip > 0) {
        skip--;
        continue;
      }
      rows.push(logRowAt(chunk, i, labels));
      if (rows.length >= limit) return false;
    }
    return true;
  });
  return rows;
}

/**
 * How many logged rows of the endpoint match `filter`. With no row predicates it adds up the log
 * state's per-window counts (no chunk is read); otherwise it reads every chunk of the window range.
 */
export async function countLog(db: WorkbenchDatabase, endpoint: string, filter: LogFilter = {}): Promise<number> {
  const from = filter.windows?.from ?? -Infinity;
  const to = filter.windows?.to ?? Infinity;
  if (!hasRowPredicates(filter)) {
    const state = await readLogState(db, endpoint);
    return loggedWindows(state)
      .filter((w) => w >= from && w <= to)
      .reduce((sum, w) => sum + (state.windows[String(w)]?.rows ?? 0), 0);
  }
  let count = 0;
  await scanLog(db, endpoint, { from, to }, 'oldest', (chunk, labels) => {
    for (let i = 0; i < chunk.requestIds.length; i++) if (rowMatches(chunk, i, filter, labels)) count++;
    return true;
  });
  return count;
}
