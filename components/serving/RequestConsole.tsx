'use client';

import { useState } from 'react';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { consoleExamples } from '@/lib/serving/console-examples';
import type { StoredPreprocessing } from '@/lib/ml/predictor';
import { ARTIFACTS } from '@/lib/tracking/artifact-names';
import type { Endpoint } from '@/lib/tracking/serving-types';
import { getDatabase } from '@/lib/tracking/db';
import { servingWorker } from '@/stores/serving-worker';

interface Sent {
  status: number;
  body: unknown;
  version: number | null;
  latencyMs: number;
  shadows: Array<{ version: number; predictions: unknown[] }>;
  backendLabel: string | null;
}

async function primaryPrep(endpoint: Endpoint): Promise<StoredPreprocessing | null> {
  const db = getDatabase();
  const primary = endpoint.routes.find((r) => r.role === 'primary')?.version ?? 0;
  const version = await db.modelVersions.get([endpoint.model, primary]);
  if (!version) return null;
  const artifact = await db.artifacts.get([version.runId, ARTIFACTS.preprocessing]);
  return (artifact?.data as StoredPreprocessing | undefined) ?? null;
}

/**
 * The request console: edit a JSON request (or pick an example, hostile ones included), send it to
 * the endpoint in its worker, and read the JSON answer, the version that answered and the latency
 * measured from this page (main thread → worker → main thread). Every request is logged.
 */
export function RequestConsole({ endpoint }: { endpoint: Endpoint }) {
  const prep = useLiveLoaded(() => primaryPrep(endpoint), [endpoint.name, endpoint.model]);
  const [body, setBody] = useState<string | null>(null);
  const [sent, setSent] = useState<Sent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (prep.status !== 'ready') return prep.status === 'error' ? <p className="notice error">{prep.message}</p> : <p role="status">Loading…</p>;
  const examples = prep.value ? consoleExamples(prep.value) : [];
  const text = body ?? examples[0]?.body ?? '';
  const send = async () => {
    setBusy(true);
    setError(null);
    const t0 = performance.now();
    try {
      const result = await servingWorker().call('answer', { endpoint: endpoint.name, body: text, source: 'console' }).result;
      setSent({ status: result.status, body: result.body, version: result.version, latencyMs: performance.now() - t0, shadows: result.shadows, backendLabel: result.backendLabel });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setSent(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="console-heading" data-testid="request-console">
      <h2 id="console-heading">Request console</h2>
      <p>
        <code>POST /predict</code> with <code>{'{ "id", "columns", "rows" }'}</code>, as the MLOps Marathon’s API and this model’s package server take it. Errors are worded as the package server words them.
      </p>
      <div className="button-row" role="group" aria-label="Example requests">
        {examples.map((ex) => (
          <button key={ex.id} type="button" className="button" onClick={() => setBody(ex.body)} data-example={ex.id}>
            {ex.label}
          </button>
        ))}
      </div>
      <div className="field">
        <label htmlFor="console-body">Request body</label>
        <textarea id="console-body" data-testid="console-body" rows={12} spellCheck={false} value={text} onChange={(e) => setBody(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void send()} disabled={busy || endpoint.status === 'stopped'} data-testid="console-send">
          {busy ? 'Sending…' : 'Send'}
        </button>
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {sent && (
        <div data-testid="console-response" data-status={sent.status} data-version={sent.version ?? ''}>
          <p role="status">
            <strong>{sent.status === 200 ? '200 OK' : `${sent.status} ${sent.status === 503 ? 'Unavailable' : 'Bad request'}`}</strong>
            {sent.version !== null && ` · answered by v${sent.version}`} · <span data-testid="console-latency">{sent.latencyMs.toFixed(1)} ms</span> round trip
            {sent.backendLabel && ` · predicted on ${sent.backendLabel}`}
          </p>
          <pre className="json-view" data-testid="console-response-body">
            {JSON.stringify(sent.body, null, 2)}
          </pre>
          {sent.shadows.map((s) => (
            <p key={s.version} className="muted">
              Shadow v{s.version} would have answered {JSON.stringify(s.predictions)} (logged, not returned).
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
