'use client';

import { downloadBlob } from '@/components/bundle/download';
import { useState } from 'react';
import { SelectField } from '@/components/ui/FormFields';
import { checkCsvSize } from '@/lib/data/csv';
import { POLICIES, POLICY_TEXT } from '@/lib/serving/policy-text';
import type { ScoreBatchResult } from '@/lib/serving/protocol';
import type { Endpoint, ValidationPolicy } from '@/lib/tracking/serving-types';
import { servingWorker } from '@/stores/serving-worker';

/**
 * Batch scoring: pick a version, upload a CSV, score every row with the version's data contract
 * and a validation policy, then download the rows with prediction, score, status and issues
 * columns. Nothing is logged: batch scoring is offline work, not endpoint traffic.
 */
export function BatchScoringPanel({ endpoint, versions }: { endpoint: Endpoint; versions: readonly number[] }) {
  const serving = endpoint.routes.find((r) => r.role === 'primary')?.version ?? versions[0] ?? 1;
  const [version, setVersion] = useState(String(serving));
  const [policy, setPolicy] = useState<ValidationPolicy>(endpoint.policy);
  const [result, setResult] = useState<(ScoreBatchResult & { name: string }) | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const score = async (file: File) => {
    setError(null);
    setResult(null);
    const tooBig = checkCsvSize(file.size);
    if (tooBig) {
      setError(tooBig);
      return;
    }
    setStatus(`Scoring ${file.name}…`);
    try {
      const csvText = await file.text();
      const out = await servingWorker().call('scoreBatch', { model: endpoint.model, version: Number(version), policy, csvText }, { onProgress: (p) => setStatus(`Scored ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} rows…`) }).result;
      setResult({ ...out, name: file.name.replace(/\.[^.]+$/, '') });
      setStatus(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setStatus(null);
    }
  };
  return (
    <section className="card" aria-labelledby="batch-heading" data-testid="batch-scoring">
      <h2 id="batch-heading">Batch scoring</h2>
      <p>Score a whole file offline with the same data contract and validation as the endpoint: each row gets a prediction, or the reason it was rejected.</p>
      <div className="form-grid">
        <SelectField id="batch-version" label="Version" value={version} options={versions.map((v) => [String(v), `v${v}${v === serving ? ' (serving now)' : ''}`] as const)} onChange={setVersion} />
        <SelectField id="batch-policy" label="Rows that break the contract" value={policy} options={POLICIES.map((p) => [p, POLICY_TEXT[p]] as const)} onChange={setPolicy} />
      </div>
      <div className="field">
        <label htmlFor="batch-file">CSV file (a header row naming the model’s input columns)</label>
        <input id="batch-file" type="file" accept=".csv,text/csv" data-testid="batch-file" onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void score(file);
        }} />
      </div>
      {status && <p role="status">{status}</p>}
      {error && (
        <p className="notice error" role="alert" data-testid="batch-error">
          {error}
        </p>
      )}
      {result && (
        <div data-testid="batch-result" data-rows={result.rows} data-rejected={result.rejected}>
          <p role="status">
            Scored {result.rows.toLocaleString('en-US')} rows in {result.ms.toFixed(0)} ms: {result.ok.toLocaleString('en-US')} clean, {result.flagged.toLocaleString('en-US')} flagged, {result.rejected.toLocaleString('en-US')} rejected or failed.
            {Object.keys(result.issues).length > 0 && ` Issues: ${Object.entries(result.issues).map(([k, v]) => `${k} ${v}`).join(', ')}.`}
          </p>
          <button type="button" className="button" onClick={() => downloadBlob(new Blob([result.csv], { type: 'text/csv' }), `${result.name}-scored-v${version}.csv`)} data-testid="batch-download">
            Download the scored CSV
          </button>
        </div>
      )}
    </section>
  );
}
