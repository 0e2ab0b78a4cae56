/**
 * The device benchmark's reference runs: a plain tfjs `model.fit` on a given backend, or on
 * tfjs's own default pick. Each request gets a fresh worker, so "default" really is tfjs's
 * choice and not a backend left active by an earlier run.
 */
import { loadTf } from '@/lib/ml/backends';
import { rawFitBenchmark } from '@/lib/ml/bench';
import type { BackendName } from '@/lib/ml/backend-choice';
import type { TrainingRequest } from '@/lib/ml/protocol';

interface BenchRequest {
  request: TrainingRequest;
  backend: BackendName | 'default';
  epochs: number;
}

interface BenchWorkerScope {
  onmessage: ((event: MessageEvent<BenchRequest>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as BenchWorkerScope;
const fetchText = async (path: string) => {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
};

scope.onmessage = (event) => {
  const { request, backend, epochs } = event.data;
  void (async () => {
    try {
      const tf = await loadTf();
      const result = await rawFitBenchmark(tf, request, { fetchText, readUpload: async () => undefined }, backend, epochs);
      scope.postMessage({ ok: true, result });
    } catch (error) {
      scope.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  })();
};
