'use client';

import { ScrollRegion } from '@/components/ui/ScrollRegion';
import type { MonitorWindow } from '@/lib/monitoring/window-types';

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** Data quality per window: rows, missing input values, rows and requests refused, model errors, and the contract issues by kind. */
export function WindowQualityTable({ windows }: { windows: MonitorWindow[] }) {
  return (
    <section className="card" aria-labelledby="quality-heading">
      <h3 id="quality-heading">Data quality by window</h3>
      <ScrollRegion label="Data quality by window">
        <table className="data-table" data-testid="window-quality">
          <caption className="visually-hidden">One row per window: rows, missing share, reject rate, error rate and validation issues</caption>
          <thead>
            <tr>
              <th scope="col">Window</th>
              <th scope="col" className="num">Rows</th>
              <th scope="col" className="num">Missing values</th>
              <th scope="col" className="num">Rejected</th>
              <th scope="col" className="num">Errors</th>
              <th scope="col">Issues by kind</th>
              <th scope="col">Dataset drift</th>
            </tr>
          </thead>
          <tbody>
            {windows.map((w) => {
              const issues = Object.entries(w.issues).sort((a, b) => b[1] - a[1]);
              return (
                <tr key={w.window} data-window={w.window} data-missing={w.missingShare}>
                  <th scope="row">{w.window}</th>
                  <td className="num">{w.rows.toLocaleString('en-US')}</td>
                  <td className="num">{pct(w.missingShare)}</td>
                  <td className="num">{pct(w.rejectRate)}</td>
                  <td className="num">{pct(w.errorRate)}</td>
                  <td>{issues.length === 0 ? 'none' : issues.map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ')}</td>
                  <td>
                    {w.dataset.driftedColumns} of {w.dataset.totalColumns} columns ({w.dataset.share.toFixed(2)}){w.dataset.drifted ? ': drift' : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
