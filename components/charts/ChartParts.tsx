'use client';

import type { ReactNode } from 'react';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

/** The drawing area of a chart: an image to assistive tech, described by `label`. */
export function ChartBox({ label, height, children }: { label: string; height: number; children: ReactNode }) {
  return (
    <div className="chart-box" role="img" aria-label={label} style={{ height }}>
      {children}
    </div>
  );
}

/** A chart's table alternative: folded under `summary`, scrolling sideways on narrow screens. */
export function ChartTable({ summary, label, children }: { summary: string; label: string; children: ReactNode }) {
  return (
    <details className="chart-table">
      <summary>{summary}</summary>
      <ScrollRegion label={label}>
        <table>{children}</table>
      </ScrollRegion>
    </details>
  );
}
