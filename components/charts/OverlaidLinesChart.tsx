'use client';

import { memo, useMemo } from 'react';
import type { Point } from '@/lib/charts/lttb';
import { numericScale } from '@/lib/charts/scales';

/** One line of an overlaid chart: already downsampled points, with its colour and dash pattern. */
export interface OverlaidLine {
  id: string;
  label: string;
  /** Any CSS colour, e.g. `var(--series-3)`. */
  color: string;
  /** An SVG `stroke-dasharray` ('' for solid), so colour is not the only cue. */
  dash: string;
  points: readonly Point[];
}

/** Space around the plot for tick labels, in pixels. */
export const OVERLAID_MARGIN = { top: 10, right: 14, bottom: 36, left: 58 } as const;

interface Props {
  lines: readonly OverlaidLine[];
  /** Pixel size of the drawing; the caller measures its box (see `useElementWidth`). */
  width: number;
  height: number;
  xLabel: string;
  /** Log y axis; ignored (linear) when a value is ≤ 0. */
  logY?: boolean;
}

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

/**
 * Many lines on shared numeric axes, drawn as plain SVG: one `<path>` per line (a `<circle>`
 * for a one-point line), each with class `overlaid-line` and `data-line-id`.
 *
 * Why not recharts: measured with 20 lines × 1,000 points, recharts spent ~350–500 ms in
 * per-point object spreads, immer freezing and domain selectors before the first paint; this
 * takes a few milliseconds, which keeps the compare view inside its 300 ms budget. The caller
 * gives the points already downsampled (LTTB) and provides the legend and table alternative.
 */
export const OverlaidLinesChart = memo(function OverlaidLinesChart({ lines, width, height, xLabel, logY = false }: Props) {
  const geometry = useMemo(() => {
    let xMin = Infinity;
    let xMax = -Infinity;
    let yMin = Infinity;
    let yMax = -Infinity;
    for (const line of lines)
      for (const p of line.points) {
        if (p.x < xMin) xMin = p.x;
        if (p.x > xMax) xMax = p.x;
        if (p.y < yMin) yMin = p.y;
        if (p.y > yMax) yMax = p.y;
      }
    const xScale = numericScale(xMin <= xMax ? [xMin, xMax] : [], { log: false, nice: true, tickCount: Math.max(2, Math.floor(width / 90)) });
    const yScale = numericScale(yMin <= yMax ? [yMin, yMax] : [], { log: logY && yMin > 0, nice: true, tickCount: Math.max(2, Math.floor(height / 50)) });
    const plotW = Math.max(1, width - OVERLAID_MARGIN.left - OVERLAID_MARGIN.right);
    const plotH = Math.max(1, height - OVERLAID_MARGIN.top - OVERLAID_MARGIN.bottom);
    const px = (x: number) => OVERLAID_MARGIN.left + xScale.position(x) * plotW;
    const py = (y: number) => OVERLAID_MARGIN.top + (1 - yScale.position(y)) * plotH;
    const drawn = lines.map((line) => {
      const parts = new Array<string>(line.points.length);
      line.points.forEach((p, i) => {
        parts[i] = `${i === 0 ? 'M' : 'L'}${fmt(px(p.x))},${fmt(py(p.y))}`;
      });
      return { line, d: parts.join(''), single: line.points.length === 1 ? line.points[0]! : null };
    });
    return { xScale, yScale, plotW, plotH, px, py, drawn };
  }, [lines, width, height, logY]);
  const { xScale, yScale, plotW, plotH, px, py, drawn } = geometry;
  const bottom = OVERLAID_MARGIN.top + plotH;
  return (
    <svg className="overlaid-chart" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      <g className="overlaid-grid">
        {yScale.ticks.map((t) => (
          <g key={`y${t.value}`}>
            <line x1={OVERLAID_MARGIN.left} x2={OVERLAID_MARGIN.left + plotW} y1={py(t.value)} y2={py(t.value)} />
            <text x={OVERLAID_MARGIN.left - 6} y={py(t.value)} dy="0.32em" textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        {xScale.ticks.map((t) => (
          <text key={`x${t.value}`} x={px(t.value)} y={bottom + 16} textAnchor="middle">
            {t.label}
          </text>
        ))}
        <line className="overlaid-axis" x1={OVERLAID_MARGIN.left} x2={OVERLAID_MARGIN.left + plotW} y1={bottom} y2={bottom} />
        <text className="overlaid-axis-label" x={OVERLAID_MARGIN.left + plotW} y={height - 4} textAnchor="end">
          {xLabel}
        </text>
      </g>
      <g fill="none" strokeWidth={2} strokeLinejoin="round" strokeLinecap="round">
        {drawn.map(({ line, d, single }) =>
          single ? (
            <circle key={line.id} className="overlaid-line" data-line-id={line.id} cx={px(single.x)} cy={py(single.y)} r={4} fill={line.color}>
              <title>{line.label}</title>
            </circle>
          ) : line.points.length > 1 ? (
            <path key={line.id} className="overlaid-line" data-line-id={line.id} d={d} stroke={line.color} strokeDasharray={line.dash || undefined}>
              <title>{line.label}</title>
            </path>
          ) : null,
        )}
      </g>
    </svg>
  );
});
