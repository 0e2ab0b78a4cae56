'use client';

import { useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox, ChartTable } from '@/components/charts/ChartParts';
import { SelectField } from '@/components/ui/FormFields';
import type { MonitorWindow } from '@/lib/monitoring/window-types';
import type { WindowMarkers } from './DriftHeatMap';
import { formatMetric, METRIC_LABELS } from './format';

const AXIS_TICK = { fill: 'var(--muted)', fontSize: 12 };
const TOOLTIP_STYLE = { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--text)' };

/**
 * Estimated performance (CBPE or DLE, from the scores alone) against realized performance (once
 * labels arrive), per window, with the alert band: the reference's mean ± 3 std at the window's
 * size. The estimate is there as soon as a window has rows; the realized line follows the labels.
 */
export function PerformanceChart({ windows, markers, note }: { windows: MonitorWindow[]; markers: Map<number, WindowMarkers>; note: string | null }) {
  const metrics = [...new Set(windows.flatMap((w) => w.estimated.map((m) => m.metric)))];
  const [chosen, setChosen] = useState<string>('');
  const metric = metrics.includes(chosen as never) ? chosen : (metrics[0] ?? '');
  if (metrics.length === 0)
    return (
      <section className="card" aria-labelledby="perf-heading">
        <h3 id="perf-heading">Estimated and realized performance</h3>
        <p className="muted">{note ?? 'No estimate yet: serve some traffic first.'}</p>
      </section>
    );
  const data = windows.map((w) => {
    const m = w.estimated.find((e) => e.metric === metric);
    return { window: w.window, estimated: m?.value ?? null, realized: m?.realized ?? null, band: m ? [m.lower, m.upper] : null, lower: m?.lower ?? null, upper: m?.upper ?? null, error: m?.samplingError ?? null, labelled: w.realized?.labelled ?? 0, rows: w.rows, outside: m?.value !== null && m?.value !== undefined && (m.value < m.lower || m.value > m.upper) };
  });
  const label = METRIC_LABELS[metric] ?? metric;
  const last = data.at(-1)!;
  const summary = `${label} per window: estimated ${formatMetric(last.estimated)} and realized ${formatMetric(last.realized)} in window ${last.window}; band ${formatMetric(last.lower)}–${formatMetric(last.upper)}.`;
  const deployWindows = [...markers.entries()].filter(([, m]) => m.deployments.length > 0).map(([w]) => w);
  const alertWindows = [...markers.entries()].filter(([, m]) => m.alerts.length > 0).map(([w]) => w);
  return (
    <section className="card" aria-labelledby="perf-heading">
      <h3 id="perf-heading">Estimated and realized performance</h3>
      <SelectField id="perf-metric" label="Metric" value={metric} options={metrics.map((m) => [m, METRIC_LABELS[m] ?? m] as const)} onChange={setChosen} />
      <ChartBox label={summary} height={240}>
        <ResponsiveContainer width="100%" height={240} minWidth={0}>
          <ComposedChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="window" tick={AXIS_TICK} stroke="var(--border)" />
            <YAxis tick={AXIS_TICK} stroke="var(--border)" width={52} domain={['auto', 'auto']} tickFormatter={(v: number) => formatMetric(v)} />
            <Tooltip contentStyle={TOOLTIP_STYLE} formatter={(v) => (Array.isArray(v) ? v.map((x) => formatMetric(Number(x))).join('–') : formatMetric(Number(v)))} />
            <Legend />
            <Area dataKey="band" name="Reference band (±3 std)" stroke="none" fill="var(--accent)" fillOpacity={0.15} isAnimationActive={false} />
            <Line dataKey="estimated" name={`Estimated ${label}`} stroke="var(--accent)" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} connectNulls />
            <Line dataKey="realized" name={`Realized ${label}`} stroke="var(--text)" strokeDasharray="5 3" dot={{ r: 3 }} isAnimationActive={false} connectNulls />
            {deployWindows.map((w) => (
              <ReferenceLine key={`d${w}`} x={w} stroke="var(--muted)" strokeDasharray="2 2" label={{ value: '▲', position: 'top', fill: 'var(--muted)' }} />
            ))}
            {alertWindows.map((w) => (
              <ReferenceLine key={`a${w}`} x={w} stroke="var(--bad)" label={{ value: '●', position: 'insideTop', fill: 'var(--bad)' }} />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </ChartBox>
      <p className="chart-caption">
        The estimate needs no labels: {metric === 'mae' || metric === 'rmse' ? 'DLE predicts each row’s error with a small model trained on the reference.' : 'CBPE turns each calibrated score into an expected hit or miss.'} It cannot see concept drift (the same inputs meaning something else); the realized line, once labels arrive, can.
      </p>
      <ChartTable summary={`Table: ${label} per window`} label={`${label} per window: table`}>
        <thead>
          <tr>
            <th scope="col">Window</th>
            <th scope="col" className="num">Rows</th>
            <th scope="col" className="num">Estimated</th>
            <th scope="col" className="num">± sampling error</th>
            <th scope="col" className="num">Band</th>
            <th scope="col" className="num">Realized</th>
            <th scope="col" className="num">Labelled rows</th>
          </tr>
        </thead>
        <tbody data-testid="performance-table">
          {data.map((d) => (
            <tr key={d.window} data-window={d.window} data-estimated={d.estimated ?? ''} data-realized={d.realized ?? ''} data-outside={d.outside}>
              <th scope="row">{d.window}</th>
              <td className="num">{d.rows.toLocaleString('en-US')}</td>
              <td className="num">{formatMetric(d.estimated)}</td>
              <td className="num">{formatMetric(d.error)}</td>
              <td className="num">
                {formatMetric(d.lower)}–{formatMetric(d.upper)}
              </td>
              <td className="num">{d.realized === null ? 'waiting for labels' : formatMetric(d.realized)}</td>
              <td className="num">{d.labelled.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </section>
  );
}
