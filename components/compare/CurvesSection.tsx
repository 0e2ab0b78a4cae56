'use client';

import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ChartBox, ChartTable } from '@/components/charts/ChartParts';
import { OVERLAID_MARGIN, OverlaidLinesChart, type OverlaidLine } from '@/components/charts/OverlaidLinesChart';
import { useElementWidth } from '@/components/charts/use-element-width';
import { formatMetric, metricLabel } from '@/components/runs/format';
import { pointsPerLine, shapeCurve, type MetricHistory } from '@/lib/tracking/compare';
import { lowerIsBetter, type RunRecord } from '@/lib/tracking/run-types';
import { seriesStyle } from './series-style';
import { SeriesSwatch } from './SeriesSwatch';

const HEIGHT = 320;

interface Props {
  /** The compared runs, in selection order (their index picks their colour). */
  runs: readonly RunRecord[];
  metric: string;
  histories: ReadonlyMap<string, MetricHistory>;
  /** Called once the lines are in the DOM (for the `compare-ready` mark). */
  onReady: () => void;
}

/**
 * One line per run for one metric, downsampled with LTTB to at most one point per pixel column
 * (never more than 1,000), with a legend and a table of what was drawn.
 *
 * Benchmark hooks: the figure has `data-testid="compare-curves"`, `data-ready` ("true" once the
 * lines are in the DOM) and `data-max-points-per-line` (the most points drawn in any line).
 */
export function CurvesSection({ runs, metric, histories, onReady }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const figureRef = useRef<HTMLElement>(null);
  const width = useElementWidth(boxRef);
  const [logY, setLogY] = useState(false);
  // Unknown until the layout effect measures the box (before the first paint): no point shaping for a guessed width.
  const perLine = width > 0 ? pointsPerLine(width - OVERLAID_MARGIN.left - OVERLAID_MARGIN.right) : 0;
  const lower = lowerIsBetter(metric);
  const shaped = useMemo(
    () => (perLine === 0 ? [] : runs.map((run, index) => ({ run, index, curve: histories.has(run.id) ? shapeCurve(histories.get(run.id)!, perLine, lower) : null }))),
    [runs, histories, perLine, lower],
  );
  const lines = useMemo<OverlaidLine[]>(
    () => shaped.flatMap(({ run, index, curve }) => (curve && curve.points.length > 0 ? [{ id: run.id, label: run.name, ...seriesStyle(index), points: curve.points }] : [])),
    [shaped],
  );
  const maxPoints = lines.reduce((m, l) => Math.max(m, l.points.length), 0);
  const canLog = lines.length > 0 && lines.every((l) => l.points.every((p) => p.y > 0));
  const [readyLines, setReadyLines] = useState<readonly OverlaidLine[] | null>(null);
  const ready = width > 0 && readyLines === lines;

  useEffect(() => {
    if (width === 0 || lines.length === 0) return;
    // The next frame is the one that paints these lines; check they are really in the DOM.
    const frame = requestAnimationFrame(() => {
      const drawn = figureRef.current?.querySelectorAll('.overlaid-line').length ?? 0;
      if (drawn < lines.length) return;
      setReadyLines(lines);
      onReady();
    });
    return () => cancelAnimationFrame(frame);
  }, [lines, width, onReady]);

  const label = metricLabel(metric);
  // Runs that never logged the metric are named by the page's notice; these logged only NaN or ∞.
  const allNonFinite = shaped.filter((s) => s.curve && s.curve.logged > 0 && s.curve.points.length === 0).map((s) => s.run.name);
  const summary = `${label} of ${lines.length} runs against step, ${lower ? 'lower' : 'higher'} is better; at most ${maxPoints} points drawn per line.`;
  return (
    <figure ref={figureRef} className="chart-figure compare-curves" data-testid="compare-curves" data-ready={ready ? 'true' : 'false'} data-max-points-per-line={maxPoints}>
      <figcaption>
        {label} per step <span className="muted">({lower ? 'lower' : 'higher'} is better)</span>
      </figcaption>
      {canLog && (
        <label className="checkbox">
          <input type="checkbox" checked={logY} onChange={(e) => setLogY(e.target.checked)} /> Log scale for {label}
        </label>
      )}
      <ChartBox label={summary} height={HEIGHT}>
        <div ref={boxRef} className="overlaid-box">
          {width > 0 && <OverlaidLinesChart lines={lines} width={width} height={HEIGHT} xLabel="step" logY={logY && canLog} />}
        </div>
      </ChartBox>
      <ul className="series-legend" aria-label="Legend">
        {shaped.map(({ run, index, curve }) => (
          <li key={run.id} className={curve && curve.points.length > 0 ? undefined : 'muted'}>
            <SeriesSwatch index={index} /> {run.name}
            {!curve ? ' (not logged)' : curve.points.length === 0 ? ' (no finite value)' : ''}
          </li>
        ))}
      </ul>
      {allNonFinite.length > 0 && (
        <p className="muted">
          Only NaN or infinite {label} values, so no line, for: {allNonFinite.join(', ')}.
        </p>
      )}
      <ChartTable summary={`Table of ${label} per run`} label={`${label} per run as a table`}>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Points drawn / logged</th>
            <th scope="col">Best (step)</th>
            <th scope="col">Last (step)</th>
          </tr>
        </thead>
        <tbody>
          {shaped.map(({ run, curve }) => (
            <tr key={run.id}>
              <th scope="row">
                <Link href={`/workbench/run?id=${encodeURIComponent(run.id)}`}>{run.name}</Link>
              </th>
              {curve ? (
                <>
                  <td>
                    {curve.points.length.toLocaleString('en-US')} / {curve.logged.toLocaleString('en-US')}
                    {curve.nonFinite > 0 && ` (${curve.nonFinite.toLocaleString('en-US')} NaN or infinite, not drawn)`}
                  </td>
                  <td>{curve.best ? `${formatMetric(curve.best.value)} (${curve.best.step})` : '—'}</td>
                  <td>{curve.last ? `${formatMetric(curve.last.value)} (${curve.last.step})` : '—'}</td>
                </>
              ) : (
                <td colSpan={3}>not logged</td>
              )}
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </figure>
  );
}
