'use client';

import { useStore } from 'zustand';
import { bestTrial } from '@/lib/ml/sweep/summary';
import { isJobActive } from '@/stores/job-lifecycle';
import { sweepProgress, sweepStore, type TrialProgress } from '@/stores/sweep';
import { EARLY_STOPPING_TEXT } from './SearchFields';
import { SweepResults, objectiveLabel } from './SweepResults';
import { TrialsTable, type TrialRow } from './TrialsTable';
import { BackendStatus } from '@/components/training/BackendStatus';

/** What a trial is doing, for its row: "epoch 3 of 10", "fold 2 of 3: epoch 1 of 10", or its epochs. */
function detail(t: TrialProgress, folds: number | null): string {
  if (t.status !== 'RUNNING') return t.epoch ? String(t.epoch) : '—';
  if (t.epochs === 0) return 'starting';
  const epoch = `epoch ${t.epoch} of ${t.epochs}`;
  if (t.stage === 'fold') return `fold ${t.fold} of ${folds}: ${epoch}`;
  if (t.stage === 'refit') return `final fit: ${epoch}`;
  return epoch;
}

/** Live view of this tab's sweep: progress, the trials so far, cancel, then the results. */
export function SweepProgress() {
  const s = useStore(sweepStore);
  if (s.phase === 'idle') {
    return (
      <section className="card train-live" aria-labelledby="sweep-live-heading">
        <h2 id="sweep-live-heading" tabIndex={-1}>
          Sweep
        </h2>
        <p>Choose a base model and the params to search, then start. The sweep is a parent run; each trial is a child run with its own metrics and model.</p>
      </section>
    );
  }
  const active = isJobActive(s.phase);
  const { done, fraction } = sweepProgress(s);
  const running = s.trials.find((t) => t.status === 'RUNNING');
  const searched = s.request?.space.map((d) => d.param) ?? [];
  const summaryLike = { objective: s.request?.objective ?? { metric: 'val_loss', direction: 'minimize' as const }, folds: s.folds };
  // The trainer's latest summary covers every finished trial.
  const best = s.summary ? bestTrial(s.summary) : null;
  const rows: TrialRow[] = s.trials.map((t) => ({ index: t.index, runId: t.runId, params: t.params, status: t.status, value: t.value, std: t.std, detail: detail(t, s.folds), savedEpoch: t.savedEpoch, headline: t.headline }));
  const progressText = `${done} of ${s.totalTrials} trials done${running ? ` · trial ${running.index + 1}: ${detail(running, s.folds)}` : ''}`;
  return (
    <section className="card train-live sweep-live" aria-labelledby="sweep-live-heading">
      <h2 id="sweep-live-heading" tabIndex={-1}>
        Sweep
      </h2>
      <BackendStatus statusMessage={s.statusMessage} backendLabel={s.backendLabel} onMainThread={s.onMainThread} notes={s.notes} />
      {s.earlyStopping && <p className="meta-row">Early termination: {s.folds ? `off (${s.folds}-fold cross-validation)` : EARLY_STOPPING_TEXT[s.earlyStopping]}</p>}
      {s.totalTrials > 0 && (
        <div className="train-progress">
          <div className="progress-bar" role="progressbar" aria-label="Sweep progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(100 * fraction)} aria-valuetext={progressText}>
            <span style={{ width: `${Math.round(100 * fraction)}%` }} />
          </div>
          <p data-testid="sweep-progress">{progressText}</p>
        </div>
      )}
      {active && (
        <button type="button" className="button secondary" onClick={() => sweepStore.getState().cancel()} disabled={s.cancelling || (!s.parentRunId && s.phase !== 'queued')}>
          {s.cancelling ? 'Cancelling…' : 'Cancel the sweep'}
        </button>
      )}
      {rows.length > 0 && <TrialsTable rows={rows} searched={searched} objectiveLabel={objectiveLabel(summaryLike)} bestRunId={best?.runId ?? null} caption="Trials so far" />}
      <Outcome />
    </section>
  );
}

function Outcome() {
  const { phase, result, error, summary, parentRunId } = useStore(sweepStore);
  if (phase === 'error') {
    return (
      <div className="notice error" role="alert">
        <p>{error}</p>
      </div>
    );
  }
  if (phase !== 'done' || !result) return null;
  const text = result.status === 'FINISHED' ? `Sweep FINISHED: ${summary?.trials.length ?? 0} trials.` : `Sweep ${result.status}.`;
  return (
    <>
      <div className={`notice ${result.status === 'FAILED' ? 'error' : result.status === 'KILLED' ? 'info' : 'ok'}`} role={result.status === 'FAILED' ? 'alert' : 'status'} data-testid="sweep-outcome">
        <p>
          <strong>{text}</strong> {result.message}
        </p>
        {result.status === 'KILLED' && <p>The finished trials and the summary are kept.</p>}
      </div>
      {summary && parentRunId && <SweepResults summary={summary} parentRunId={parentRunId} />}
    </>
  );
}
