'use client';

import { useId } from 'react';
import { metricLabel } from '@/components/runs/format';
import type { MetricKeys } from '@/lib/tracking/compare';

/** Chooses the compared metric: keys every run logged first, then keys only some runs logged. */
export function MetricPicker({ keys, value, onChange }: { keys: MetricKeys; value: string; onChange: (metric: string) => void }) {
  const id = useId();
  return (
    <div className="field metric-picker">
      <label htmlFor={id}>Metric</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-hint`}>
        {keys.shared.length > 0 && (
          <optgroup label="Logged by every run">
            {keys.shared.map((k) => (
              <option key={k} value={k}>
                {metricLabel(k)} ({k})
              </option>
            ))}
          </optgroup>
        )}
        {keys.partial.length > 0 && (
          <optgroup label="Logged by some runs">
            {keys.partial.map((k) => (
              <option key={k} value={k}>
                {metricLabel(k)} ({k})
              </option>
            ))}
          </optgroup>
        )}
      </select>
      <p id={`${id}-hint`} className="field-hint">
        Drives the curves, the parallel coordinates and the scatter.
      </p>
    </div>
  );
}
