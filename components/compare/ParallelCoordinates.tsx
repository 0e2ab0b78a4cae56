'use client';

import { useMemo, useRef } from 'react';
import { ChartBox, ChartTable } from '@/components/charts/ChartParts';
import { useElementWidth } from '@/components/charts/use-element-width';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { formatMetric, metricLabel } from '@/components/runs/format';
import { buildAxis, type ParallelAxis } from '@/lib/charts/parallel';
import { formatNumber } from '@/lib/charts/scales';
import { lowerIsBetter, type RunRecord } from '@/lib/tracking/run-types';
import { seriesStyle } from './series-style';
import { SeriesSwatch } from './SeriesSwatch';

const HEIGHT = 300;
const PAD = { top: 42, bottom: 16, side: 64 };
/** Narrowest gap between axes before the chart scrolls sideways instead of squeezing labels. */
const MIN_GAP = 120;
const MAX_LABEL = 16;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'number' ? formatNumber(v) : String(v));

/**
 * Parallel coordinates from the params that differ to the chosen metric (each run's best value):
 * one vertical axis per param (linear, log past two decades, or evenly spaced categories) and a
 * last axis for the metric; one line per run, in the run's colour and dash from the curves chart
 * (one look for a run in every chart of the page; the metric axis says which is better).
 * Custom SVG: recharts has no parallel coordinates.
 */
export function ParallelCoordinates({ runs, params, metric }: { runs: readonly RunRecord[]; params: readonly string[]; metric: string }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const boxWidth = useElementWidth(boxRef);
  const lower = lowerIsBetter(metric);
  const label = metricLabel(metric);
  const bests = useMemo(() => runs.map((r) => r.bestMetrics[metric]?.value), [runs, metric]);
  const axes = useMemo<ParallelAxis[]>(
    () => [...params.map((p) => buildAxis(p, p, runs.map((r) => (Object.hasOwn(r.params, p) ? r.params[p] : undefined)))), buildAxis(metric, `best ${label}`, bests)],
    [runs, params, metric, label, bests],
  );
  const gap = Math.max(MIN_GAP, (boxWidth - 2 * PAD.side) / Math.max(1, axes.length - 1));
  const width = Math.max(boxWidth, 2 * PAD.side + gap * (axes.length - 1));
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const ax = (i: number) => (axes.length === 1 ? width / 2 : PAD.side + i * gap);
  const ay = (position: number) => PAD.top + (1 - position) * plotH;
  const valueOf = (run: RunRecord, i: number, axis: ParallelAxis) => (i === axes.length - 1 ? run.bestMetrics[metric]?.value : Object.hasOwn(run.params, axis.key) ? run.params[axis.key] : undefined);

  return (
    <figure className="chart-figure" data-testid="compare-parallel">
      <figcaption>
        Params → best {label} <span className="muted">({lower ? 'lower' : 'higher'} is better)</span>
      </figcaption>
      {params.length === 0 && <p className="muted">Every param is the same in these runs, so only the metric axis is drawn.</p>}
      {/* Measured outside the scroll region: the available width decides whether it must scroll. */}
      <div ref={boxRef}>
        <ScrollRegion label="Parallel coordinates chart (scrolls sideways when there are many params)">
          <ChartBox label={`Parallel coordinates of ${runs.length} runs across ${params.length} differing params to best ${label}; each line is a run, in the same colour and dash as in the curves chart.`} height={HEIGHT}>
          {boxWidth > 0 && (
            <svg className="parallel-chart" width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} aria-hidden="true" focusable="false">
              <g fill="none" strokeWidth={2} className="parallel-lines">
                {runs.map((run, r) => (
                  <polyline key={run.id} points={axes.map((axis, i) => `${ax(i).toFixed(1)},${ay(axis.position(valueOf(run, i, axis))).toFixed(1)}`).join(' ')} style={{ stroke: seriesStyle(r).color, strokeDasharray: seriesStyle(r).dash || undefined }} data-series={r}>
                    <title>{`${run.name}: ${axes.map((axis, i) => `${axis.label} ${show(valueOf(run, i, axis))}`).join(', ')}`}</title>
                  </polyline>
                ))}
              </g>
              {axes.map((axis, i) => (
                <g key={axis.key + i} className="parallel-axis" transform={`translate(${ax(i)},0)`}>
                  <line y1={PAD.top} y2={PAD.top + plotH} />
                  <text className="parallel-axis-label" y={PAD.top - 24} textAnchor="middle">
                    <title>{axis.label}</title>
                    {clip(axis.label, MAX_LABEL)}
                  </text>
                  <text className="parallel-axis-kind" y={PAD.top - 10} textAnchor="middle">
                    {axis.kind === 'category' ? 'categories' : axis.kind}
                  </text>
                  {axis.ticks.map((t) => (
                    <g key={`${t.label}-${t.position}`} transform={`translate(0,${ay(t.position)})`}>
                      <line x1={-4} x2={0} />
                      <text x={-7} dy="0.32em" textAnchor="end">
                        {clip(t.label, 10)}
                      </text>
                    </g>
                  ))}
                </g>
              ))}
            </svg>
          )}
          </ChartBox>
        </ScrollRegion>
      </div>
      <ul className="series-legend" aria-label="Runs">
        {runs.map((run, r) => (
          <li key={run.id}>
            <SeriesSwatch index={r} /> {run.name}
          </li>
        ))}
      </ul>
      <ChartTable summary="Table of params and best metric per run" label="Params and best metric per run as a table">
        <thead>
          <tr>
            <th scope="col">Run</th>
            {params.map((p) => (
              <th scope="col" key={p}>
                {p}
              </th>
            ))}
            <th scope="col">best {label}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run, r) => (
            <tr key={run.id}>
              <th scope="row">{run.name}</th>
              {params.map((p) => (
                <td key={p}>{show(Object.hasOwn(run.params, p) ? run.params[p] : undefined)}</td>
              ))}
              <td>{bests[r] === undefined ? 'not logged' : formatMetric(bests[r])}</td>
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </figure>
  );
}
