'use client';

import Link from 'next/link';
import { useState } from 'react';
import { BENCH_NAME } from '@/lib/serving/bench-setup';
import { endpointHref } from '@/components/serving/links';
import { runServingBenchmark, type ServingBenchResult } from './serving-bench-run';

type State = { phase: 'idle' } | { phase: 'running'; status: string } | { phase: 'done'; result: ServingBenchResult } | { phase: 'error'; message: string };

/** Each figure, what it measures and its target (issue #11), for the results table. */
const TARGETS: Array<{ key: keyof ServingBenchResult; label: string; target: string }> = [
  { key: 'singleRowP50Ms', label: 'One-row request, p50 (ms)', target: '' },
  { key: 'singleRowP95Ms', label: 'One-row request, p95 (ms)', target: '≤ 10' },
  { key: 'batch1000RowsPerSec', label: '1,000-row requests (rows/s)', target: '≥ 100,000' },
  { key: 'replay100kRequestsMs', label: '100,000-request replay (ms)', target: '≤ 20,000' },
  { key: 'longTasksOver50ms', label: 'Main-thread tasks over 50 ms during the replay', target: '0' },
  { key: 'logWriteShare', label: 'Share of the replay spent writing the log', target: '≤ 0.05' },
  { key: 'backendLabel', label: 'Serving backend', target: '' },
];

/**
 * Measures serving in this browser: trains and deploys a small flights model the first time
 * (endpoint and model `bench-serving`; later runs reuse them), times one-row and 1,000-row
 * requests from this page through the serving worker and back, then replays 100,000 requests at
 * full speed while counting main-thread long tasks. The figures are shown as a table and as JSON.
 */
export function ServingBenchmark() {
  const [state, setState] = useState<State>({ phase: 'idle' });
  const run = async () => {
    setState({ phase: 'running', status: 'Starting…' });
    try {
      const result = await runServingBenchmark((status) => setState({ phase: 'running', status }));
      setState({ phase: 'done', result });
    } catch (error) {
      setState({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <section aria-labelledby="serving-bench-heading">
      <h2 id="serving-bench-heading">Serving at speed</h2>
      <p>
        Creates the model and endpoint <code>{BENCH_NAME}</code> in this browser if they are missing (a two-epoch flights model, trained here), sends 300 one-row and 20 thousand-row requests the way the request console does, then replays 100,000 one-row requests of the no-drift control as fast as possible. Your other endpoints are not touched; the benchmark endpoint’s earlier traffic is deleted before the replay.
      </p>
      <div className="bench-actions">
        <button type="button" className="button" onClick={() => void run()} disabled={state.phase === 'running'}>
          Run the serving benchmark
        </button>
      </div>
      {state.phase === 'running' && <p role="status">{state.status}</p>}
      {state.phase === 'error' && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
      {state.phase === 'done' && (
        <div role="status">
          <table>
            <thead>
              <tr>
                <th scope="col">Figure</th>
                <th scope="col">This browser</th>
                <th scope="col">Target</th>
              </tr>
            </thead>
            <tbody>
              {TARGETS.map(({ key, label, target }) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>{String(state.result[key] ?? 'not measured')}</td>
                  <td>{target}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            The replay’s traffic is on <Link href={endpointHref(BENCH_NAME)}>the endpoint’s page</Link>.
          </p>
          <pre data-testid="serving-bench-json">{JSON.stringify(state.result)}</pre>
        </div>
      )}
    </section>
  );
}
