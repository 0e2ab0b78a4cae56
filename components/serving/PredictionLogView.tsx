'use client';

import { downloadBlob } from '@/components/bundle/download';
import { useState } from 'react';
import { SelectField, TextField } from '@/components/ui/FormFields';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { formatDateTime } from '@/components/ui/format-time';
import { countLog, readLogPage } from '@/lib/tracking/prediction-log-read';
import { exportLogText, type LogExportFormat } from '@/lib/tracking/prediction-log-export';
import { LOG_RETENTION_ROWS } from '@/lib/tracking/prediction-log-types';
import type { LogFilter } from '@/lib/tracking/prediction-log-types';
import { readLogState, retentionNotice } from '@/lib/tracking/prediction-log-state';
import { ISSUE_KINDS, type Endpoint, type IssueKind, type RowStatus } from '@/lib/tracking/serving-types';
import { getDatabase } from '@/lib/tracking/db';

const PAGE = 50;

function show(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  return typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
}

/**
 * The endpoint's prediction log: every logged row with its inputs as received, the answer, the
 * version, its validation issues and the label once it arrived; filters by version, status,
 * issue, role and label; pages of 50; export of the filtered rows as CSV or JSON lines (the data a
 * retraining uses). Says when the retention cap has dropped old rows.
 */
export function PredictionLogView({ endpoint }: { endpoint: Endpoint }) {
  const [version, setVersion] = useState('');
  const [status, setStatus] = useState('');
  const [issue, setIssue] = useState('');
  const [role, setRole] = useState('');
  const [labelled, setLabelled] = useState('');
  const [requestId, setRequestId] = useState('');
  const [offset, setOffset] = useState(0);
  const [exporting, setExporting] = useState<string | null>(null);
  const filter: LogFilter = {
    ...(version ? { version: Number(version) } : {}),
    ...(status ? { status: status as RowStatus } : {}),
    ...(issue ? { issue: issue as IssueKind } : {}),
    ...(role ? { role: role as 'answer' | 'shadow' } : {}),
    ...(labelled ? { labelled: labelled === 'yes' } : {}),
    ...(requestId.trim() ? { requestId: requestId.trim() } : {}),
  };
  const key = JSON.stringify(filter);
  const loaded = useLiveLoaded(async () => {
    const db = getDatabase();
    const [rows, count, state] = await Promise.all([readLogPage(db, endpoint.name, { filter, offset, limit: PAGE }), countLog(db, endpoint.name, filter), readLogState(db, endpoint.name)]);
    return { rows, count, state };
  }, [endpoint.name, key, offset]);
  const versions = endpoint.routes.map((r) => r.version);
  const exportAs = async (format: LogExportFormat) => {
    setExporting(`Exporting as ${format.toUpperCase()}…`);
    try {
      const text = await exportLogText(getDatabase(), endpoint.name, format, filter);
      downloadBlob(new Blob([text], { type: format === 'csv' ? 'text/csv' : 'application/x-ndjson' }), `${endpoint.name}-log.${format === 'csv' ? 'csv' : 'jsonl'}`);
      setExporting(null);
    } catch (e) {
      setExporting(e instanceof Error ? e.message : String(e));
    }
  };
  const reset = (set: (v: string) => void) => (v: string) => {
    set(v);
    setOffset(0);
  };
  return (
    <section className="card" aria-labelledby="log-heading" data-testid="prediction-log">
      <h2 id="log-heading">Prediction log</h2>
      <p>Every request and answer, stored in chunks of 1,000 rows per day; labels join by request id when they arrive. The log keeps the latest {LOG_RETENTION_ROWS.toLocaleString('en-US')} rows of an endpoint.</p>
      {loaded.status === 'ready' && retentionNotice(loaded.value.state) && (
        <p className="notice info" data-testid="log-retention">
          {retentionNotice(loaded.value.state)}
        </p>
      )}
      <div className="form-grid" role="group" aria-label="Filters">
        <SelectField id="log-version" label="Version" value={version} options={[['', 'any'], ...[...new Set(versions)].map((v) => [String(v), `v${v}`] as const)]} onChange={reset(setVersion)} />
        <SelectField id="log-status" label="Status" value={status} options={[['', 'any'], ['ok', 'ok'], ['flagged', 'flagged'], ['rejected', 'rejected'], ['error', 'error'], ['refused', 'refused (request)']]} onChange={reset(setStatus)} />
        <SelectField id="log-issue" label="Issue" value={issue} options={[['', 'any'], ...ISSUE_KINDS.map((k) => [k, k] as const)]} onChange={reset(setIssue)} />
        <SelectField id="log-role" label="Role" value={role} options={[['', 'any'], ['answer', 'answered'], ['shadow', 'shadow']]} onChange={reset(setRole)} />
        <SelectField id="log-labelled" label="Label" value={labelled} options={[['', 'any'], ['yes', 'arrived'], ['no', 'not yet']]} onChange={reset(setLabelled)} />
        <TextField id="log-request" label="Request id contains" value={requestId} onChange={reset(setRequestId)} />
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void exportAs('csv')} data-testid="log-export-csv">
          Export CSV
        </button>
        <button type="button" className="button" onClick={() => void exportAs('jsonl')} data-testid="log-export-jsonl">
          Export JSON lines
        </button>
        {exporting && <span role="status">{exporting}</span>}
      </div>
      {loaded.status === 'loading' && <p role="status">Reading the log…</p>}
      {loaded.status === 'error' && <p className="notice error">{loaded.message}</p>}
      {loaded.status === 'ready' && (
        <>
          <p role="status" data-testid="log-count" data-count={loaded.value.count}>
            {loaded.value.count.toLocaleString('en-US')} rows match{loaded.value.count > PAGE ? `; showing ${offset + 1}–${Math.min(offset + PAGE, loaded.value.count)}` : ''}.
          </p>
          <ScrollRegion label="Logged rows">
            <table className="data-table log-table" data-testid="log-table">
              <caption className="visually-hidden">Logged rows, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Request</th>
                  <th scope="col">Arrived</th>
                  <th scope="col">Version</th>
                  <th scope="col">Inputs</th>
                  <th scope="col">Answer</th>
                  <th scope="col">Status</th>
                  <th scope="col">Issues</th>
                  <th scope="col">Latency</th>
                  <th scope="col">Label</th>
                </tr>
              </thead>
              <tbody>
                {loaded.value.rows.map((r) => (
                  <tr key={`${r.source}-${r.requestId}-${r.rowIndex}-${r.version}-${r.role}`} data-status={r.status}>
                    <td>
                      <code>{r.requestId}</code>
                      {r.rowIndex > 0 ? ` row ${r.rowIndex}` : ''}
                    </td>
                    <td>{formatDateTime(r.at)}</td>
                    <td>
                      v{r.version}
                      {r.role === 'shadow' ? ' (shadow)' : ''}
                    </td>
                    <td className="log-inputs">{r.columns.map((c, i) => `${c}=${show(r.values[i])}`).join(', ')}</td>
                    <td>{show(r.prediction)}</td>
                    <td>{r.status}</td>
                    <td>{r.issues.join(', ') || '—'}</td>
                    <td>{r.latencyMs.toFixed(2)} ms</td>
                    <td>{r.label === null ? 'not yet' : show(r.label)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <div className="button-row">
            <button type="button" className="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Newer
            </button>
            <button type="button" className="button" disabled={offset + PAGE >= loaded.value.count} onClick={() => setOffset(offset + PAGE)}>
              Older
            </button>
          </div>
        </>
      )}
    </section>
  );
}
