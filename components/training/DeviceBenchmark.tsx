'use client';

import { useState } from 'react';
import { DEFAULT_MLP } from '@/lib/ml/model-spec';
import type { BackendName } from '@/lib/ml/backend-choice';
import type { BenchMethods, RawFitResult, TrainingDiagnostics, TrainingRequest } from '@/lib/ml/protocol';
import { getDatabase } from '@/lib/tracking/db';
import { clearCachedBackends } from '@/lib/tracking/datasets';
import { deleteRun } from '@/lib/tracking/runs';
import { createRpcClient } from '@/lib/worker-rpc';
import { tfWorker } from '@/stores/tf-worker';

/** The course MLP on flights (delayed > 15 min), long enough (≥ 10 s) to sample long tasks. */
const BENCH_REQUEST: TrainingRequest = {
  experiment: 'benchmark',
  name: 'device benchmark',
  tags: { benchmark: '' },
  notes: '',
  dataset: { id: 'flights', kind: 'builtin' },
  target: 'delayed',
  features: ['hour', 'weekday', 'month', 'distance', 'origin', 'destination'],
  split: 'time',
  spec: { ...DEFAULT_MLP, epochs: 40, patience: null },
  backend: 'auto',
};
const DEFAULT_EPOCHS = 5;

/** A plain `model.fit` in a fresh worker, so "default" really is tfjs's own pick. */
async function rawFit(backend: BackendName | 'default', epochs: number): Promise<RawFitResult> {
  const client = createRpcClient<BenchMethods>({
    name: 'the benchmark worker',
    spawn: () => new Worker(new URL('../../workers/bench.worker.ts', import.meta.url), { type: 'module' }),
  });
  try {
    return await client.call('rawFit', { request: BENCH_REQUEST, backend, epochs }).result;
  } finally {
    client.terminate();
  }
}

/** The workbench trainer on the benchmark request, in the tab's tfjs worker, counting main-thread long tasks meanwhile. */
async function trainInWorker(onStatus: (s: string) => void): Promise<{ backend: BackendName; trials: unknown; diagnostics: TrainingDiagnostics; runId: string; longTasks: number }> {
  let longTasks = 0;
  let started: { backend: BackendName; trials: unknown } | null = null;
  const observer = new PerformanceObserver((list) => {
    if (started) longTasks += list.getEntries().filter((e) => e.duration > 50).length;
  });
  observer.observe({ type: 'longtask' });
  try {
    const done = await tfWorker().call('train', BENCH_REQUEST, {
      label: 'the device benchmark',
      onQueued: (_, label) => onStatus(`Waiting for ${label} to finish…`),
      onProgress: (m) => {
        if (m.type === 'status') onStatus(m.message);
        if (m.type === 'started') {
          started = { backend: m.backend, trials: m.trials };
          onStatus(`Training on ${m.backendLabel}…`);
        }
        if (m.type === 'epoch') onStatus(`Trainer: epoch ${m.epoch} of ${m.epochs}`);
      },
    }).result;
    const run = started as { backend: BackendName; trials: unknown } | null;
    if (done.status !== 'FINISHED' || !done.diagnostics || !run) throw new Error(done.failure?.message ?? 'the benchmark run did not finish');
    return { ...run, diagnostics: done.diagnostics, runId: done.runId, longTasks };
  } finally {
    observer.disconnect();
  }
}

/**
 * Measures this device: what "auto" picks and how fast the workbench trainer runs (worker,
 * tracking on) against a plain `model.fit` on the same backend and against tfjs's own default
 * backend; main-thread long tasks while training; tensors left behind. Prints one JSON object.
 */
export function DeviceBenchmark() {
  const [status, setStatus] = useState('');
  const [result, setResult] = useState<Record<string, unknown> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setResult(null);
    setError(null);
    try {
      await clearCachedBackends(getDatabase());
      const trainer = await trainInWorker(setStatus);
      await deleteRun(getDatabase(), trainer.runId);
      setStatus(`Plain model.fit on ${trainer.backend}…`);
      const raw = await rawFit(trainer.backend, BENCH_REQUEST.spec.epochs);
      setStatus('Plain model.fit on tfjs’s default backend…');
      const fallback = await rawFit('default', DEFAULT_EPOCHS);
      const d = trainer.diagnostics;
      setResult({
        trainerExamplesPerSec: d.examplesPerSec,
        rawFitExamplesPerSec: raw.examplesPerSec,
        trainerVsRaw: Number((d.examplesPerSec / raw.examplesPerSec).toFixed(3)),
        backend: trainer.backend,
        defaultBackend: fallback.backend,
        defaultBackendExamplesPerSec: fallback.examplesPerSec,
        autoVsDefault: Number((d.examplesPerSec / fallback.examplesPerSec).toFixed(2)),
        longTasksOver50ms: trainer.longTasks,
        trainingSeconds: Number((d.trainMs / 1000).toFixed(1)),
        metricLoggingShare: Number((d.loggingMs / d.trainMs).toFixed(4)),
        tensorLeak: d.tensorsAfter - d.tensorsBefore,
        trials: trainer.trials,
      });
      setStatus('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setStatus('');
    }
  };
  return (
    <section className="card" aria-labelledby="bench-heading">
      <h2 id="bench-heading">Benchmark this device</h2>
      <p>Trains the course MLP on flights for 40 epochs (about a minute in all). Your runs are not touched; the benchmark’s own run is deleted afterwards.</p>
      <button type="button" className="button" onClick={() => void run()} disabled={status !== ''}>
        Run the benchmark
      </button>
      {status && <p role="status">{status}</p>}
      {error && (
        <p className="notice error" role="alert">
          The benchmark failed: {error}
        </p>
      )}
      {result && (
        <>
          <table>
            <tbody>
              {Object.entries(result)
                .filter(([k]) => k !== 'trials')
                .map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row">{k}</th>
                    <td>{String(v)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <pre data-testid="bench-json">{JSON.stringify(result)}</pre>
        </>
      )}
    </section>
  );
}
