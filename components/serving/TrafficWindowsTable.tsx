'use client';

import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { formatDateTime } from '@/components/ui/format-time';
import type { Endpoint, TrafficWindow, VersionWindowStats } from '@/lib/tracking/serving-types';
import { getDatabase } from '@/lib/tracking/db';

const fmt = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

function metricText(task: 'regression' | 'classification', stats: VersionWindowStats): string {
  if (stats.metric === null) return 'waiting for labels';
  return `${task === 'regression' ? 'RMSE' : 'accuracy'} ${stats.metric.toFixed(task === 'regression' ? 2 : 3)} (${fmt(stats.labelled)} labelled)`;
}

function topIssues(window: TrafficWindow): string {
  const entries = Object.entries(window.issues).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0));
  return entries.length === 0 ? 'none' : entries.map(([k, v]) => `${k} ${fmt(v ?? 0)}`).join(', ');
}

/**
 * What each window (a simulated day) of the endpoint's traffic saw, newest first: requests, rows
 * rejected and flagged by validation with the issues by kind, errors, latency, and the live metric
 * of each version once labels arrive (with shadow agreement when a shadow runs). A table, so it
 * reads without a chart.
 */
export function TrafficWindowsTable({ endpoint, task }: { endpoint: Endpoint; task: 'regression' | 'classification' }) {
  const loaded = useLiveLoaded(() => getDatabase().trafficWindows.where('endpoint').equals(endpoint.name).toArray(), [endpoint.name]);
  if (loaded.status !== 'ready') return null;
  const windows = [...loaded.value].sort((a, b) => b.window - a.window);
  const totals = windows.reduce((t, w) => ({ requests: t.requests + w.requests, rows: t.rows + w.rows, rejected: t.rejected + Object.values(w.byVersion).reduce((s, v) => s + v.rejected, 0), errors: t.errors + Object.values(w.byVersion).reduce((s, v) => s + v.errors, 0), refused: t.refused + Object.values(w.byVersion).reduce((s, v) => s + v.refused, 0) }), { requests: 0, rows: 0, rejected: 0, errors: 0, refused: 0 });
  return (
    <section className="card" aria-labelledby="windows-heading">
      <h2 id="windows-heading">Traffic by day</h2>
      <p data-testid="traffic-totals" data-requests={totals.requests} data-rejected={totals.rejected} data-errors={totals.errors} data-refused={totals.refused}>
        {fmt(totals.requests)} requests ({fmt(totals.rows)} rows) served; {fmt(totals.rejected)} rows rejected by validation; {fmt(totals.refused)} requests refused whole (a 400 saying why); {fmt(totals.errors)} rows the model could not answer.
      </p>
      {windows.length === 0 ? (
        <p className="muted">No traffic yet.</p>
      ) : (
        <ScrollRegion label="Traffic by day">
          <table className="data-table" data-testid="traffic-windows">
            <caption className="visually-hidden">One row per simulated day, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Requests</th>
                <th scope="col">By version</th>
                <th scope="col">Validation issues</th>
                <th scope="col">Shadow agreement</th>
              </tr>
            </thead>
            <tbody>
              {windows.map((w) => (
                <tr key={w.window} data-window={w.window}>
                  <th scope="row">{formatDateTime(w.start)}</th>
                  <td>
                    {fmt(w.requests)} ({fmt(w.rows)} rows)
                  </td>
                  <td>
                    <ul className="plain-list">
                      {Object.entries(w.byVersion).map(([v, s]) => (
                        <li key={v} data-version={v}>
                          v{v}: {fmt(s.requests)} req · p50 {ms(s.p50Ms)} · p95 {ms(s.p95Ms)} · rejected {fmt(s.rejected)} · flagged {fmt(s.flagged)} · refused {fmt(s.refused)} · errors {fmt(s.errors)} · {metricText(task, s)}
                        </li>
                      ))}
                      {Object.entries(w.shadowByVersion).map(([v, s]) => (
                        <li key={`shadow-${v}`} data-shadow-version={v}>
                          v{v} (shadow): {fmt(s.requests)} copies · {metricText(task, s)}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>{topIssues(w)}</td>
                  <td>{w.shadowAgreement ? `${((100 * w.shadowAgreement.agreed) / Math.max(1, w.shadowAgreement.compared)).toFixed(1)} % of ${fmt(w.shadowAgreement.compared)}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
