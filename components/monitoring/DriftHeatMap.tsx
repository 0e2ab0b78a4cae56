'use client';

import { ScrollRegion } from '@/components/ui/ScrollRegion';
import type { ColumnDriftResult } from '@/lib/monitoring/types';
import type { MonitorWindow } from '@/lib/monitoring/window-types';
import { formatScore } from './format';

/** Per window: markers for deployments made in it and alerts that started or fired in it. */
export interface WindowMarkers {
  deployments: string[];
  alerts: string[];
}

/**
 * How far past its threshold a result is, 0–1, for the cell's colour: distances by score /
 * threshold (capped at 2× the threshold), p-values by how many decades below the threshold.
 */
export function heat(result: ColumnDriftResult): number {
  if (result.scoreKind === 'distance') return Math.min(1, result.score / (2 * result.threshold));
  if (result.score <= 0) return 1;
  const decades = Math.log10(result.threshold / result.score);
  return Math.max(0, Math.min(1, 0.5 + decades / 6));
}

function Cell({ result, selected, onSelect }: { result: ColumnDriftResult | undefined; selected: boolean; onSelect: () => void }) {
  if (!result) return <td className="heat-cell heat-none">—</td>;
  const level = heat(result);
  const label = `${result.column}: ${result.testLabel} ${formatScore(result)}, threshold ${result.threshold}: ${result.drifted ? 'drift' : 'no drift'}`;
  return (
    <td className={`heat-cell ${result.drifted ? 'heat-drift' : 'heat-ok'}${selected ? ' heat-selected' : ''}`} style={{ ['--heat' as string]: level.toFixed(3) }} data-drifted={result.drifted}>
      <button type="button" onClick={onSelect} aria-label={`${label}. Open this window.`} title={label} aria-current={selected ? 'true' : undefined}>
        {formatScore(result)}
      </button>
    </td>
  );
}

/**
 * Features × windows: each cell is the column's drift score in that window (a p-value or a
 * distance, as its test gives it), red when it drifted and deeper the further past its threshold.
 * Rows for the prediction and, once labels arrived, the target follow the inputs. It is a table,
 * so it reads without colour; clicking a cell opens that window below.
 */
export function DriftHeatMap({ windows, markers, selected, onSelect }: { windows: MonitorWindow[]; markers: Map<number, WindowMarkers>; selected: number | null; onSelect: (window: number, column: string) => void }) {
  const columns = [...new Set(windows.flatMap((w) => w.features.map((f) => f.column)))];
  const rows: Array<{ name: string; pick: (w: MonitorWindow) => ColumnDriftResult | undefined }> = [
    ...columns.map((name) => ({ name, pick: (w: MonitorWindow) => w.features.find((f) => f.column === name) })),
    { name: 'prediction', pick: (w: MonitorWindow) => w.prediction ?? undefined },
    ...(windows.some((w) => w.target) ? [{ name: 'target (labels)', pick: (w: MonitorWindow) => w.target ?? undefined }] : []),
  ];
  return (
    <figure className="heat-map" aria-labelledby="heat-map-title">
      <h3 id="heat-map-title">Drift by feature and window</h3>
      <ScrollRegion label="Drift by feature and window">
        <table className="data-table heat-table" data-testid="drift-heat-map">
          <caption className="visually-hidden">Each cell: the drift score of a column in a window (p-value or distance); drifted cells are marked drift.</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              {windows.map((w) => {
                const mark = markers.get(w.window);
                return (
                  <th scope="col" key={w.window} data-window={w.window} className={w.window === selected ? 'heat-selected' : undefined}>
                    {w.window}
                    {mark && mark.deployments.length > 0 && <span className="heat-marker deploy" title={mark.deployments.join('\n')} aria-label={`deployment: ${mark.deployments.join('; ')}`}> ▲</span>}
                    {mark && mark.alerts.length > 0 && <span className="heat-marker alert" title={mark.alerts.join('\n')} aria-label={`alert: ${mark.alerts.join('; ')}`}> ●</span>}
                    {!w.closed && <span className="muted"> (open)</span>}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name} data-column={row.name}>
                <th scope="row">{row.name}</th>
                {windows.map((w) => (
                  <Cell key={w.window} result={row.pick(w)} selected={w.window === selected} onSelect={() => onSelect(w.window, row.name)} />
                ))}
              </tr>
            ))}
            <tr data-column="dataset">
              <th scope="row">Dataset drift (share)</th>
              {windows.map((w) => (
                <td key={w.window} className={w.dataset.drifted ? 'heat-cell heat-drift' : 'heat-cell heat-ok'} style={{ ['--heat' as string]: Math.min(1, w.dataset.share).toFixed(3) }} data-drifted={w.dataset.drifted}>
                  {w.dataset.share.toFixed(2)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
      <figcaption className="chart-caption">Scores are p-values (drift when at or below the threshold) or distances (drift when at or above it), by the test each column got. ▲ a deployment change, ● an alert started or fired.</figcaption>
    </figure>
  );
}
