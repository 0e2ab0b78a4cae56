'use client';

import { useState } from 'react';
import { TextField } from '@/components/ui/FormFields';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { abComparison } from '@/lib/serving/ab-test';
import { rolloutTraffic } from '@/lib/serving/rollout-traffic';
import { minSampleSize } from '@/lib/serving/sample-size';
import type { Endpoint } from '@/lib/tracking/serving-types';
import { getDatabase } from '@/lib/tracking/db';
import { emptyStats } from '@/lib/serving/window-stats';

/**
 * The A/B comparison on labelled rows since the test began (a z-test on accuracy, Welch's t on
 * squared error), naming a winner only when the difference is significant, and the
 * minimum-sample-size explainer: how many labelled rows per arm a given effect needs.
 */
export function AbResult({ endpoint }: { endpoint: Endpoint }) {
  const loaded = useLiveLoaded(async () => {
    const db = getDatabase();
    const traffic = await rolloutTraffic(db, endpoint);
    const primary = endpoint.routes.find((r) => r.role === 'primary')?.version ?? 0;
    const version = await db.modelVersions.get([endpoint.model, primary]);
    return { traffic, primary, task: (version?.task ?? 'regression') as 'regression' | 'classification' };
  }, [endpoint.name, endpoint.updatedAt]);
  const [baseline, setBaseline] = useState('0.80');
  const [effect, setEffect] = useState('0.02');
  if (loaded.status !== 'ready' || !loaded.value.traffic || endpoint.rollout?.strategy !== 'ab') return null;
  const { traffic, primary, task } = loaded.value;
  const rollout = endpoint.rollout;
  const a = traffic.answer.get(primary) ?? emptyStats();
  const b = traffic.answer.get(rollout.candidate) ?? emptyStats();
  const result = abComparison(a, b, task, rollout.alpha);
  let explainer: string;
  try {
    explainer = minSampleSize({ baseline: Number(baseline), minDetectableEffect: Number(effect), alpha: rollout.alpha }).sentence;
  } catch (e) {
    explainer = e instanceof Error ? e.message : String(e);
  }
  return (
    <div className="ab-result" data-testid="ab-result" data-significant={result.significant} data-winner={result.winner ?? ''}>
      <table className="data-table">
        <caption>Live {result.metric === 'rmse' ? 'RMSE (lower is better)' : 'accuracy (higher is better)'} on labelled rows since the test began</caption>
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col">Labelled rows</th>
            <th scope="col">Metric</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">A (v{primary})</th>
            <td>{a.labelled.toLocaleString('en-US')}</td>
            <td>{result.a === null ? '—' : result.a.toFixed(4)}</td>
          </tr>
          <tr>
            <th scope="row">B (v{rollout.candidate})</th>
            <td>{b.labelled.toLocaleString('en-US')}</td>
            <td>{result.b === null ? '—' : result.b.toFixed(4)}</td>
          </tr>
        </tbody>
      </table>
      <p role="status" data-testid="ab-sentence">
        {result.sentence}
      </p>
      <details>
        <summary>How many rows does a test need?</summary>
        <div className="form-grid">
          <TextField id="ab-baseline" label="Current accuracy" value={baseline} onChange={setBaseline} inputMode="decimal" />
          <TextField id="ab-effect" label="Smallest change worth detecting" value={effect} onChange={setEffect} inputMode="decimal" />
        </div>
        <p data-testid="ab-sample-size">{explainer}</p>
      </details>
    </div>
  );
}
