'use client';

import { useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { lttb, type Point } from '@/lib/charts/lttb';
import { robustRange, tickLabels } from '@/lib/charts/robust-range';
import { formatNumber } from '@/lib/charts/scales';
import { ChartBox, ChartTable } from './ChartParts';

/** At most this many points are drawn per line, however long the run (LTTB keeps the shape). */
export const MAX_POINTS_PER_LINE = 1000;

const COLORS = ['var(--accent)', 'var(--warn)', 'var(--ok)', 'var(--bad)'];

export interface MetricSeries {
  key: string;
  label: string;
  points: Point[];
}

function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1e6) return formatNumber(v);
  return Math.abs(v) >= 100 ? v.toFixed(1) : v.toPrecision(4);
}

/**
 * Line chart of metric histories (x = epoch or step), one line per series, each downsampled
 * with LTTB to `MAX_POINTS_PER_LINE`. A table of the drawn points is the text alternative.
 */
export function MetricLinesChart({ title, series, xLabel = 'epoch', height = 240 }: { title: string; series: MetricSeries[]; xLabel?: string; height?: number }) {
  const drawn = useMemo(() => series.map((s) => ({ ...s, points: lttb(s.points.filter((p) => Number.isFinite(p.y)), MAX_POINTS_PER_LINE) })), [series]);
  // A diverged run's few huge values would flatten every other point: the axis stops short of them (see robustRange).
  const range = useMemo(() => robustRange(drawn.flatMap((s) => s.points.map((p) => p.y))), [drawn]);
  const plotted = useMemo(() => drawn.map((s) => ({ ...s, points: s.points.map((p) => (p.y > range.domain[1] ? { x: p.x, y: range.domain[1] } : p)) })), [drawn, range]);
  const tickText = useMemo(() => {
    const labels = tickLabels(range.ticks);
    return new Map(range.ticks.map((t, i) => [t, labels[i]!]));
  }, [range]);
  const wholeSteps = drawn.every((s) => s.points.every((p) => Number.isInteger(p.x)));
  const rows = useMemo(() => {
    const byX = new Map<number, Record<string, number>>();
    for (const s of drawn) for (const p of s.points) byX.set(p.x, { ...byX.get(p.x), [s.key]: p.y });
    return [...byX].sort((a, b) => a[0] - b[0]);
  }, [drawn]);
  if (drawn.every((s) => s.points.length === 0) && series.some((s) => s.points.length > 0)) {
    // A run that diverged in its first epoch logged only NaN or ±Infinity: an empty axis would say nothing.
    const raw = series.flatMap((s) => s.points.map((p) => `${s.label} at ${xLabel} ${p.x}: ${String(p.y)}`));
    return (
      <figure className="chart-figure" data-chart={title}>
        <figcaption>{title}</figcaption>
        <p className="field-hint" data-testid="chart-no-finite">
          Nothing to draw: every value was NaN or infinite ({raw.slice(0, 4).join('; ')}{raw.length > 4 ? '; …' : ''}). The training diverged.
        </p>
      </figure>
    );
  }
  const last = drawn.map((s) => (s.points.length ? `${s.label} ${formatValue(s.points.at(-1)!.y)}` : `${s.label}: no points yet`)).join(', ');
  return (
    <figure className="chart-figure" data-chart={title}>
      <figcaption>{title}</figcaption>
      <ChartBox label={`${title}: ${drawn[0]?.points.length ?? 0} points per line; latest ${last}.`} height={height}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} allowDecimals={!wholeSteps} allowDuplicatedCategory={false} stroke="var(--muted)" tick={{ fontSize: 12 }} label={{ value: xLabel, position: 'insideBottomRight', offset: -4, fontSize: 12 }} />
            <YAxis stroke="var(--muted)" tick={{ fontSize: 12 }} width={56} tickFormatter={(v: number) => tickText.get(v) ?? formatNumber(v)} domain={range.domain} ticks={range.ticks} allowDataOverflow />
            <Tooltip formatter={(v) => formatValue(Number(v))} labelFormatter={(x) => `${xLabel} ${x}`} />
            <Legend />
            {plotted.map((s, i) => (
              <Line key={s.key} data={s.points} dataKey="y" name={s.label} stroke={COLORS[i % COLORS.length]} dot={s.points.length < 40} isAnimationActive={false} strokeWidth={2} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </ChartBox>
      {range.clipped > 0 && (
        <p className="field-hint" data-testid="chart-clipped">
          Scale cut at {formatValue(range.domain[1])}: {range.clipped} {range.clipped === 1 ? 'value' : 'values'} above it (up to {formatValue(range.clippedMax!)}) {range.clipped === 1 ? 'is' : 'are'} drawn on the top edge; the table has the real values.
        </p>
      )}
      <ChartTable summary={`Table of ${title.toLowerCase()}`} label={`${title} as a table`}>
            <thead>
              <tr>
                <th scope="col">{xLabel}</th>
                {drawn.map((s) => (
                  <th scope="col" key={s.key}>
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map(([x, values]) => (
                <tr key={x}>
                  <th scope="row">{x}</th>
                  {drawn.map((s) => (
                    <td key={s.key}>{values[s.key] === undefined ? '' : formatValue(values[s.key]!)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
      </ChartTable>
    </figure>
  );
}
