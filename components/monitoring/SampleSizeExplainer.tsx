'use client';

import { useState } from 'react';
import { TextField } from '@/components/ui/FormFields';
import type { SampleSizeRow } from '@/lib/drift';
import { servingWorker } from '@/stores/serving-worker';

const fmt = (n: number) => n.toLocaleString('en-US');
const p = (x: number) => (x < 0.001 ? (x === 0 ? '0' : x.toExponential(1)) : x.toFixed(3));

/**
 * The same shift judged at n = 100, 1,000, 10,000 and 100,000 rows a side: the K-S p-value
 * collapses as n grows (any shift becomes "significant"), while the normed Wasserstein distance
 * stays near the shift itself. That is why Evidently switches to distances above 1,000 rows.
 */
export function SampleSizeExplainer() {
  const [shift, setShift] = useState('0.1');
  const [rows, setRows] = useState<SampleSizeRow[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    const value = Number(shift);
    if (!Number.isFinite(value) || Math.abs(value) > 5) {
      setError('Give a shift between -5 and 5 standard deviations.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setRows(await servingWorker().call('sampleSize', { shift: value, seed: 7 }).result);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="sample-size-heading">
      <h3 id="sample-size-heading">Why p-values flag everything on big windows</h3>
      <p>
        Draw a reference and a current sample from a normal distribution, the current one shifted by a fraction of a standard deviation, and judge them at four sizes. The shift is the same each time;
        only the number of rows changes.
      </p>
      <TextField id="sample-size-shift" label="Shift (standard deviations)" value={shift} onChange={setShift} inputMode="decimal" disabled={busy} />
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy ? 'Judging…' : 'Judge the shift at four sample sizes'}
      </button>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {rows && (
        <table className="data-table" data-testid="sample-size-table">
          <caption>The same shift of {shift} std at four sample sizes</caption>
          <thead>
            <tr>
              <th scope="col">Rows a side</th>
              <th scope="col" className="num">K-S p-value</th>
              <th scope="col">K-S verdict (p ≤ 0.05)</th>
              <th scope="col" className="num">Normed Wasserstein</th>
              <th scope="col">Wasserstein verdict (≥ 0.1)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.n} data-n={r.n} data-ks-drift={r.ksDrift} data-wasserstein-drift={r.wassersteinDrift}>
                <th scope="row">{fmt(r.n)}</th>
                <td className="num">{p(r.ksPValue)}</td>
                <td>{r.ksDrift ? 'drift' : 'no drift'}</td>
                <td className="num">{r.normedWasserstein.toFixed(3)}</td>
                <td>{r.wassersteinDrift ? 'drift' : 'no drift'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows && <p className="muted">A p-value answers “could this be chance?”, and with enough rows nothing is chance. A distance answers “how far did it move?”, which is what a monitor needs to know.</p>}
    </section>
  );
}
