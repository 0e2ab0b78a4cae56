/**
 * What the dashboard asks the serving worker for on demand: a window range judged again (another
 * test, threshold or window size), the report of a window range, and the report of any two
 * datasets. Each is recomputed from stored rows (the log, the reference profile, the datasets),
 * never from the summaries, so the figures are exact for the range asked.
 */
import { inferColumnKind, type ColumnSample } from '../drift';
import { parseCsv } from '../data/csv';
import { loadDataset, type DatasetSources } from '../data/load';
import type { DataTable } from '../data/table';
import { buildReport, type ReportSide } from '../monitoring/report-build';
import type { MonitorReport } from '../monitoring/report-types';
import type { ReferenceProfile } from '../monitoring/profile-types';
import type { MonitorWindow } from '../monitoring/window-types';
import { WindowValues } from '../monitoring/window-values';
import type { WorkbenchDatabase } from '../tracking/db';
import { readLogPage } from '../tracking/prediction-log-read';
import type { LogRow } from '../tracking/prediction-log-types';
import { ServingError } from './errors';
import type { DatasetSource, MonitorRangeRequest } from './protocol';
import { loadReferenceProfile } from './reference-profile';
import type { VersionCache } from './version-cache';

type Deps = { db: WorkbenchDatabase; cache: VersionCache; sources: DatasetSources; now: () => number };

const n = (x: number) => x.toLocaleString('en-US');

function profileSide(profile: ReferenceProfile): ReportSide {
  return { label: `${profile.model} v${profile.version}: training split`, rows: profile.rows, columns: profile.columns.map((c) => ({ name: c.name, kind: c.kind, values: c.values })) };
}

/** The answered rows of windows `from`–`to`, as one window's values over the profile's columns. */
async function rangeValues(deps: Deps, endpoint: string, profileFor: (rows: LogRow[]) => Promise<ReferenceProfile>, from: number, to: number): Promise<{ values: WindowValues; profile: ReferenceProfile; stored: MonitorWindow[] }> {
  const rows = await readLogPage(deps.db, endpoint, { filter: { windows: { from, to }, role: 'answer' }, order: 'oldest', limit: Number.MAX_SAFE_INTEGER });
  const stored = await deps.db.monitorWindows.where('[endpoint+window]').between([endpoint, from], [endpoint, to], true, true).toArray();
  if (rows.length === 0) throw new ServingError(stored.length > 0 ? `The log no longer holds the rows of windows ${from}–${to} (the retention cap dropped them); their stored summaries are all that is left.` : `Windows ${from}–${to} of “${endpoint}” saw no traffic.`);
  const profile = await profileFor(rows);
  const values = new WindowValues(profile.columns, from, 0, 0);
  for (const row of rows) values.add({ window: row.window, requestId: row.requestId, rowIndex: row.rowIndex, at: row.at, version: row.version, role: row.role, latencyMs: row.latencyMs, columns: row.columns, inputs: row.values, prediction: row.prediction, score: row.score, status: row.status, issues: row.issues });
  return { values, profile, stored: stored.sort((a, b) => a.window - b.window) };
}

const span = (name: string, from: number, to: number) => (from === to ? `${name}: window ${from}` : `${name}: windows ${from}–${to}`);

/**
 * Windows `from`–`to` of an endpoint judged against the reference of the version that answered
 * most of their rows (or against other windows of the endpoint, `request.reference`), with the
 * endpoint's (or the request's) tests, thresholds and share.
 */
export async function monitorRangeReport(deps: Deps, request: MonitorRangeRequest): Promise<MonitorReport> {
  const endpoint = await deps.db.endpoints.get(request.endpoint);
  if (!endpoint) throw new ServingError(`There is no endpoint named “${request.endpoint}”.`);
  const from = Math.min(request.from, request.to);
  const to = Math.max(request.from, request.to);
  const byVotes = async (rows: LogRow[]) => {
    const votes = new Map<number, number>();
    for (const row of rows) votes.set(row.version, (votes.get(row.version) ?? 0) + 1);
    return loadReferenceProfile(deps, endpoint.model, [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
  };
  const { values, profile, stored } = await rangeValues(deps, endpoint.name, byVotes, from, to);
  const settings = { tests: { ...endpoint.monitoring?.tests, ...request.tests }, thresholds: { ...endpoint.monitoring?.thresholds, ...request.thresholds }, share: request.share ?? endpoint.monitoring?.share ?? 0.5 };
  const sideOf = (label: string, v: WindowValues): ReportSide => ({ label, rows: v.rows, columns: profile.columns.map((c, i) => ({ name: c.name, kind: c.kind, values: v.columns[i]!.values })) });
  const current = sideOf(span(endpoint.name, from, to), values);
  let reference = profileSide(profile);
  if (request.reference) {
    const rFrom = Math.min(request.reference.from, request.reference.to);
    const rTo = Math.max(request.reference.from, request.reference.to);
    const chosen = await rangeValues(deps, endpoint.name, async () => profile, rFrom, rTo);
    reference = sideOf(span(endpoint.name, rFrom, rTo), chosen.values);
  }
  return buildReport({ title: `Drift of ${current.label} against ${reference.label}`, reference, current, options: settings, windows: stored, generatedAt: deps.now() });
}

function tableSide(label: string, table: DataTable): ReportSide {
  const columns: ColumnSample[] = table.columns.map((c) => ({ name: c.name, kind: c.type === 'categorical' ? 'categorical' : 'numerical', values: c.values }));
  return { label, rows: table.rowCount, columns };
}

async function readSide(source: DatasetSource, sources: DatasetSources): Promise<ReportSide> {
  if (source.kind === 'csv') {
    const parsed = parseCsv(source.text, { fileName: source.name });
    if (!parsed.ok) throw new ServingError(`${source.name}: ${parsed.error}`);
    const side = tableSide(source.name, parsed.table);
    // A column read as text but holding numbers only (a log export's quoted values) is compared as numbers.
    return { ...side, columns: side.columns.map((c) => (c.kind === 'categorical' && inferColumnKind(c.values) === 'numerical' ? { ...c, kind: 'numerical' } : c)) };
  }
  try {
    const loaded = await loadDataset({ id: source.id, kind: source.kind }, sources);
    return tableSide(loaded.info.name, loaded.table);
  } catch (error) {
    throw new ServingError(error instanceof Error ? error.message : String(error));
  }
}

/** The drift and data-quality report of any two datasets: built-in, uploaded, or a CSV file (a log export too). */
export async function datasetsReport(deps: Pick<Deps, 'sources' | 'now'>, request: { reference: DatasetSource; current: DatasetSource; share?: number }): Promise<MonitorReport> {
  const [reference, current] = await Promise.all([readSide(request.reference, deps.sources), readSide(request.current, deps.sources)]);
  const shared = reference.columns.filter((c) => current.columns.some((d) => d.name === c.name));
  if (shared.length === 0) throw new ServingError(`“${reference.label}” and “${current.label}” have no column in common (${n(reference.columns.length)} and ${n(current.columns.length)} columns), so there is nothing to compare.`);
  return buildReport({ title: `Drift of ${current.label} against ${reference.label}`, reference, current, options: { share: request.share }, windows: null, generatedAt: deps.now() });
}
