'use client';

import { useRef } from 'react';
import { OverlaidLinesChart, type OverlaidLine } from '@/components/charts/OverlaidLinesChart';
import { useElementWidth } from '@/components/charts/use-element-width';
import type { LoadTestPoint } from '@/lib/serving/protocol';

/** Two live charts of a load test: requests a second (with errors), and p50/p95/p99 latency. The table beside them holds the same figures. */
export function LoadTestChart({ points }: { points: readonly LoadTestPoint[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const line = (id: string, label: string, color: string, dash: string, y: (p: LoadTestPoint) => number): OverlaidLine => ({ id, label, color, dash, points: points.map((p) => ({ x: p.second, y: y(p) })) });
  const throughput = [line('rps', 'requests/s', 'var(--series-1)', '', (p) => p.requests), line('errors', 'errors/s', 'var(--series-4)', '4 3', (p) => p.errors)];
  const latency = [line('p50', 'p50', 'var(--series-1)', '', (p) => p.p50Ms), line('p95', 'p95', 'var(--series-2)', '6 3', (p) => p.p95Ms), line('p99', 'p99', 'var(--series-3)', '2 2', (p) => p.p99Ms)];
  const legend = (lines: OverlaidLine[]) => (
    <p className="chart-legend">
      {lines.map((l) => (
        <span key={l.id} style={{ color: l.color }}>
          ― {l.label}{' '}
        </span>
      ))}
    </p>
  );
  return (
    <div className="chart-grid" ref={ref} data-testid="load-charts">
      <figure className="chart-figure">
        <figcaption>Requests and errors a second</figcaption>
        {legend(throughput)}
        {width > 0 && <OverlaidLinesChart lines={throughput} width={Math.min(width, 640)} height={180} xLabel="second" />}
      </figure>
      <figure className="chart-figure">
        <figcaption>Latency (ms)</figcaption>
        {legend(latency)}
        {width > 0 && <OverlaidLinesChart lines={latency} width={Math.min(width, 640)} height={180} xLabel="second" />}
      </figure>
    </div>
  );
}
