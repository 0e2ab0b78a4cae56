'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { MetricLinesChart, type MetricSeries } from '@/components/charts/MetricLinesChart';
import { isJobActive } from '@/stores/job-lifecycle';
import { estimateRemainingMs, trainingStore, type EpochPoint } from '@/stores/training';
import { formatDuration, metricLabel } from '@/components/runs/format';
import { BackendStatus } from './BackendStatus';
import { VerdictNotice } from '@/components/ui/BaselineVerdict';
import { judgeAgainstBaseline } from '@/lib/tracking/headline';

function series(history: EpochPoint[], keys: string[], task: string | undefined): MetricSeries[] {
  return keys.filter((k) => history.some((p) => k in p)).map((k) => ({ key: k, label: metricLabel(k, task), points: history.map((p) => ({ x: p.epoch, y: p[k]! })).filter((p) => p.y !== undefined) }));
}

/** Live view of this tab's training: status, progress with ETA, backend, curves, cancel, outcome. */
export function TrainingProgress() {
  const s = useStore(trainingStore);
  const task = s.request?.spec.task;
  const lossSeries = useMemo(() => series(s.history, ['loss', 'val_loss'], task), [s.history, task]);
  const metricSeries = useMemo(() => series(s.history, ['accuracy', 'val_accuracy', 'mae', 'val_mae'], task), [s.history, task]);
  if (s.phase === 'idle') {
    return (
      <section className="card train-live" aria-labelledby="live-heading">
        <h2 id="live-heading">Training</h2>
        <p>Pick a dataset and a model, then start training. Every training becomes a tracked run, even if you close the tab.</p>
      </section>
    );
  }
  const active = isJobActive(s.phase);
  const percent = s.epochs ? Math.round((100 * s.epoch) / s.epochs) : 0;
  const remaining = estimateRemainingMs(s.epoch, s.epochs, s.elapsedMs);
  return (
    <section className="card train-live" aria-labelledby="live-heading">
      <h2 id="live-heading">{s.request?.name ?? 'Training'}</h2>
      <BackendStatus statusMessage={s.statusMessage} backendLabel={s.backendLabel} onMainThread={s.onMainThread} notes={s.notes} />
      {s.shape && (
        <p className="meta-row">
          {s.shape.train.toLocaleString('en-US')} training rows · {s.shape.validation.toLocaleString('en-US')} validation · {s.shape.inputWidth} inputs · {s.shape.parameters.toLocaleString('en-US')} parameters
        </p>
      )}
      {(s.phase === 'running' || s.epoch > 0) && (
        <div className="train-progress">
          <div className="progress-bar" role="progressbar" aria-label="Training progress" aria-valuemin={0} aria-valuemax={s.epochs} aria-valuenow={s.epoch} aria-valuetext={`Epoch ${s.epoch} of ${s.epochs}`}>
            <span style={{ width: `${percent}%` }} />
          </div>
          <p data-testid="epoch-progress">
            Epoch {s.epoch} of {s.epochs} · {formatDuration(s.elapsedMs)} elapsed
            {active && remaining !== null && ` · about ${formatDuration(remaining)} left`}
          </p>
        </div>
      )}
      {active && (
        <button type="button" className="button secondary" onClick={() => trainingStore.getState().cancel()} disabled={s.cancelling || (!s.runId && s.phase !== 'queued')}>
          {s.cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      )}
      {lossSeries.length > 0 && <MetricLinesChart title="Loss per epoch" series={lossSeries} />}
      {metricSeries.length > 0 && <MetricLinesChart title={s.request?.spec.task === 'regression' ? 'Mean absolute error per epoch' : 'Accuracy per epoch'} series={metricSeries} />}
      <Outcome />
    </section>
  );
}

function Outcome() {
  const { phase, result, error, runId, request, epoch, epochs } = useStore(trainingStore);
  if (phase === 'error') {
    return (
      <div className="notice error" role="alert">
        <p>{error}</p>
      </div>
    );
  }
  if (phase !== 'done' || !result) return null;
  const link = runId && (
    <Link href={`/workbench/run?id=${encodeURIComponent(runId)}`} prefetch={false}>
      Open the run
    </Link>
  );
  if (result.status === 'FINISHED') {
    const verdict = judgeAgainstBaseline(result.summary, request?.spec.task);
    const v = result.summary;
    const accuracy = v.val_accuracy !== undefined && v.baseline_val_accuracy !== undefined ? ` Accuracy ${(v.val_accuracy * 100).toFixed(1)} % beside ${(v.baseline_val_accuracy * 100).toFixed(1)} % for always answering the majority class.` : '';
    return (
      <VerdictNotice verdict={verdict}>
        <p>
          Run “{request?.name}” FINISHED{result.savedEpoch ? `; the saved model holds epoch ${result.savedEpoch}’s weights` : ''}. {link}
        </p>
        {result.savedEpoch > 0 && epoch < epochs && request?.spec.patience != null && (
          <p data-testid="early-stopping">
            Early stopping: stopped at epoch {epoch} of {epochs}, because the validation loss had not improved for {request.spec.patience} epochs; epoch {result.savedEpoch}’s weights (its best validation loss) are kept.
          </p>
        )}
        {accuracy && <p>{accuracy.trim()}</p>}
      </VerdictNotice>
    );
  }
  return (
    <div className={`notice ${result.status === 'FAILED' ? 'error' : 'info'}`} role={result.status === 'FAILED' ? 'alert' : 'status'}>
      <p>
        <strong>Run {result.status}.</strong> {result.failure?.message}
      </p>
      {result.failure?.hint && <p>{result.failure.hint}</p>}
      <p>{link}</p>
    </div>
  );
}
