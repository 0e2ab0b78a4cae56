import Papa from 'papaparse';
import { detectDelimiter } from '../data/csv-rows';
import { CSV_MAX_ROWS } from '../data/csv';
import type { Endpoint } from '../tracking/serving-types';
import { answerBatch } from './engine';
import { ServingError } from './errors';
import type { ScoreBatchRequest, ScoreBatchResult } from './protocol';
import type { VersionCache } from './version-cache';

export interface BatchScoringDeps {
  cache: VersionCache;
  perfNow: () => number;
  yieldNow: () => Promise<void>;
  signal: AbortSignal;
  progress: (done: number, total: number) => void;
}

/** Rows scored per request (and per yield to the event loop). */
const BATCH_ROWS = 1000;

/**
 * Batch scoring: every row of a CSV scored by one version with the same data contract,
 * validation policy and answer as the endpoint (the CSV's header names the columns; values stay
 * the strings the file holds, so "12,5" or "N/A" is judged exactly as a request's would be).
 * Returns the CSV with four columns added: `prediction`, `score`, `status` (ok, flagged,
 * rejected, error) and `issues` (kinds, `;`-joined). A header the contract cannot take (a missing
 * or unknown column under the reject policy) is refused with the endpoint's sentence.
 */
export async function scoreCsv(request: ScoreBatchRequest, deps: BatchScoringDeps): Promise<ScoreBatchResult> {
  const t0 = deps.perfNow();
  const parsed = Papa.parse<string[]>(request.csvText.replace(/^\uFEFF/, ''), { delimiter: detectDelimiter(request.csvText), skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  if (!header || header.length === 0) throw new ServingError('The file is empty: it needs a header row naming the columns, then rows to score.');
  if (rows.length > CSV_MAX_ROWS) throw new ServingError(`The file has ${rows.length.toLocaleString('en-US')} rows; batch scoring takes at most ${CSV_MAX_ROWS.toLocaleString('en-US')}.`);
  const endpoint: Endpoint = { name: 'batch', model: request.model, target: { version: request.version }, routes: [{ version: request.version, share: 100, role: 'primary' }], rollout: null, policy: request.policy, createdAt: 0, updatedAt: 0, status: 'serving' };
  const out: string[][] = [[...header, 'prediction', 'score', 'status', 'issues']];
  const issues: Record<string, number> = {};
  let ok = 0;
  let flagged = 0;
  let rejected = 0;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    if (deps.signal.aborted) throw new ServingError('Batch scoring was stopped; nothing was written.');
    const slice = rows.slice(start, start + BATCH_ROWS);
    // A row with too few or too many fields is the request's malformed row: kept, judged, reported.
    const [answered] = await answerBatch(endpoint, [{ body: { id: `batch-${start}`, columns: header, rows: slice }, fallbackId: `batch-${start}`, at: 0, window: 0 }], deps.cache, deps.perfNow);
    const answer = answered!.answer;
    if (answer.status !== 200) throw new ServingError((answer.response as { error?: string }).error ?? 'The file could not be scored.');
    answer.rows.forEach((row, i) => {
      if (row.status === 'ok') ok++;
      else if (row.status === 'flagged') flagged++;
      else rejected++;
      for (const kind of row.issues) issues[kind] = (issues[kind] ?? 0) + 1;
      out.push([...slice[i]!, row.prediction === null ? '' : String(row.prediction), row.score === null ? '' : String(row.score), row.status, row.issues.join(';')]);
    });
    deps.progress(Math.min(rows.length, start + BATCH_ROWS), rows.length);
    await deps.yieldNow();
  }
  return { csv: Papa.unparse(out), rows: rows.length, ok, flagged, rejected, issues, ms: deps.perfNow() - t0 };
}
