'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox, ChartTable } from '@/components/charts/ChartParts';
import { binsToChart, largestDifference, MAX_CHART_BINS, percent } from './report-format';

export interface HistogramOverlayProps {
  column: string;
  /** Bin (numbers) or category labels, in order. */
  labels: string[];
  /** Share 0–1 of the reference's values in each bin. */
  reference: number[];
  /** Share 0–1 of the current sample's values in each bin. */
  current: number[];
  /** The column's verdict in words, added to the chart's summary ("Drift: Kolmogorov–Smirnov p = 0.003 ≤ 0.05"). */
  verdict?: string;
}

const AXIS_TICK = { fill: 'var(--muted)', fontSize: 11 };
const TOOLTIP_STYLE = { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 8, color: 'var(--text)' };
const HEIGHT = 220;

/**
 * One column's reference and current distributions side by side: grouped bars of the share of
 * each sample per bin (or category). Past {@link MAX_CHART_BINS} bins the chart keeps the bins
 * holding the most values and says so; the table under it lists every bin.
 */
export function HistogramOverlay({ column, labels, reference, current, verdict }: HistogramOverlayProps) {
  const shown = binsToChart(reference, current);
  const data = shown.map((i) => ({ label: labels[i] ?? '', reference: 100 * (reference[i] ?? 0), current: 100 * (current[i] ?? 0) }));
  const moved = largestDifference(labels, reference, current);
  const partial = shown.length < labels.length;
  const summary = [
    `Grouped bar chart of ${column}: the share of reference and current values in ${labels.length.toLocaleString('en-US')} ${labels.length === 1 ? 'bin' : 'bins'}${partial ? ` (${shown.length} charted)` : ''}.`,
    moved ? `Largest difference: ${moved.label}, ${percent(moved.reference)} of the reference against ${percent(moved.current)} of the current sample.` : '',
    verdict ? `${verdict}.` : '',
    'The table below has every bin.',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <figure className="chart-figure histogram-overlay" aria-label={`Distribution of ${column}: reference and current`} data-testid="histogram-overlay" data-column={column}>
      {labels.length === 0 ? (
        <p className="muted">No values to chart.</p>
      ) : (
        <ChartBox label={summary} height={HEIGHT}>
          <ResponsiveContainer width="100%" height={HEIGHT} minWidth={0}>
            <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, bottom: 4, left: 0 }} barGap={1}>
              <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={AXIS_TICK} stroke="var(--border)" interval="preserveStartEnd" minTickGap={8} />
              <YAxis tick={AXIS_TICK} stroke="var(--border)" width={44} unit="%" allowDecimals={false} />
              <Tooltip
                contentStyle={TOOLTIP_STYLE}
                labelStyle={{ color: 'var(--text)' }}
                itemStyle={{ color: 'var(--text)' }}
                cursor={{ fill: 'var(--surface-2)' }}
                formatter={(v) => `${Number(v).toFixed(1)}%`}
              />
              <Legend wrapperStyle={{ color: 'var(--text)', fontSize: 12 }} />
              <Bar dataKey="reference" name="Reference" fill="var(--hist-reference, var(--muted))" isAnimationActive={false} />
              <Bar dataKey="current" name="Current" fill="var(--hist-current, var(--accent))" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </ChartBox>
      )}
      {partial && (
        <figcaption className="chart-caption">
          {labels.length.toLocaleString('en-US')} values: the chart shows the {MAX_CHART_BINS} with the largest share in either sample; the table lists all of them.
        </figcaption>
      )}
      {labels.length > 0 && (
        <ChartTable summary={`Table: ${column}, share per bin`} label={`${column}: share per bin`}>
          <thead>
            <tr>
              <th scope="col">Bin</th>
              <th scope="col" className="num">
                Reference
              </th>
              <th scope="col" className="num">
                Current
              </th>
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={`${i}-${label}`}>
                <th scope="row">{label}</th>
                <td className="num">{percent(reference[i] ?? 0)}</td>
                <td className="num">{percent(current[i] ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </ChartTable>
      )}
    </figure>
  );
}
