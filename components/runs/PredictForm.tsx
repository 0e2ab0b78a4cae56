'use client';

import { useState, type FormEvent } from 'react';
import type { Prediction, StoredPreprocessing } from '@/lib/ml/predictor';
import { getDatabase } from '@/lib/tracking/db';

/** Type one row of raw inputs, get the run's prediction (the run's preprocessing applied). */
export function PredictForm({ runId, prep }: { runId: string; prep: StoredPreprocessing }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; prediction: Prediction } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: 'busy' });
    try {
      const { predictWithRun } = await import('@/lib/ml/predictor');
      const [prediction] = await predictWithRun(getDatabase(), runId, prep, [values]);
      setState({ kind: 'done', prediction: prediction! });
    } catch (error) {
      setState({ kind: 'error', message: `Prediction failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  };
  return (
    <form className="predict-form" onSubmit={submit} aria-label="Predict with this run's model">
      <div className="predict-fields">
        {prep.encoders.map((e) => (
          <div className="field" key={e.column}>
            <label htmlFor={`predict-${e.column}`}>{e.column}</label>
            {e.kind === 'numeric' ? (
              <input id={`predict-${e.column}`} type="text" inputMode="decimal" placeholder={`e.g. ${e.mean.toFixed(1)} (blank: mean)`} value={values[e.column] ?? ''} onChange={(ev) => setValues({ ...values, [e.column]: ev.target.value })} />
            ) : (
              <select id={`predict-${e.column}`} value={values[e.column] ?? ''} onChange={(ev) => setValues({ ...values, [e.column]: ev.target.value })}>
                <option value="">(missing: {e.mode ?? 'none'})</option>
                {e.categories.map((c) => (
                  <option key={c}>{c}</option>
                ))}
                <option value="__unseen__">another value</option>
              </select>
            )}
          </div>
        ))}
      </div>
      <button type="submit" className="button" disabled={state.kind === 'busy'}>
        {state.kind === 'busy' ? 'Predicting…' : 'Predict'}
      </button>
      <div aria-live="polite">
        {state.kind === 'done' && state.prediction.task === 'regression' && (
          <p className="prediction" data-testid="prediction" data-value={state.prediction.value}>
            Predicted {prep.target}: <strong>{state.prediction.value.toFixed(2)}</strong>
          </p>
        )}
        {state.kind === 'done' && state.prediction.task === 'classification' && (
          <p className="prediction" data-testid="prediction" data-value={state.prediction.label}>
            Predicted {prep.target}: <strong>{state.prediction.label}</strong> ({state.prediction.probabilities.map((p) => `${p.label} ${(p.p * 100).toFixed(1)}%`).join(', ')})
          </p>
        )}
        {state.kind === 'error' && (
          <p className="notice error" role="alert">
            {state.message}
          </p>
        )}
      </div>
      {Object.values(values).some((v) => v !== '' && Number.isNaN(Number(v))) && prep.encoders.some((e) => e.kind === 'numeric' && values[e.column] && Number.isNaN(Number(values[e.column]))) && (
        <p className="field-hint">A value that is not a number counts as missing (the training mean is used).</p>
      )}
    </form>
  );
}
