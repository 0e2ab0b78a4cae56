'use client';

import { useStore } from 'zustand';
import { formatDateTime } from '@/components/ui/format-time';
import { replayStore } from '@/stores/replay';

const HOUR_MS = 3_600_000;

/** The running replay: simulated time, progress, pause / resume / step / stop, and what rollouts did by themselves. */
export function ReplayStatus() {
  const s = useStore(replayStore);
  const fraction = s.totalRequests > 0 ? s.requestsDone / s.totalRequests : 0;
  const control = replayStore.getState().control;
  return (
    <div className="replay-status" data-testid="replay-status" data-phase={s.phase} data-done={s.requestsDone}>
      <p role="status" aria-live="polite">
        {s.phase === 'starting' && 'Loading the model and the scenario…'}
        {s.phase === 'running' && (
          <>
            {s.scenarioTitle}: simulated time <strong data-testid="replay-sim-now">{formatDateTime(s.simNow)}</strong> · {s.requestsDone.toLocaleString('en-US')} of {s.totalRequests.toLocaleString('en-US')} requests
            {s.paused ? ' · paused' : ''} · on {s.backendLabel}
          </>
        )}
        {s.phase === 'ended' && s.result && (
          <span data-testid="replay-result" data-status={s.result.status}>
            {s.result.status === 'FINISHED' ? `Finished: ${s.requestsDone.toLocaleString('en-US')} requests served and logged.` : `${s.result.status === 'STOPPED' ? 'Stopped' : 'Failed'} after ${s.requestsDone.toLocaleString('en-US')} requests. ${s.result.message ?? ''}`}
          </span>
        )}
      </p>
      {s.phase === 'running' && (
        <>
          <progress max={1} value={fraction} aria-label="Requests served" />
          <div className="button-row">
            {s.paused ? (
              <button type="button" className="button" onClick={() => control({ action: 'resume' })} data-testid="replay-resume-clock">
                Resume
              </button>
            ) : (
              <button type="button" className="button" onClick={() => control({ action: 'pause' })} data-testid="replay-pause">
                Pause
              </button>
            )}
            <button type="button" className="button" disabled={!s.paused} onClick={() => control({ action: 'step', ms: HOUR_MS })} data-testid="replay-step">
              Step 1 simulated hour
            </button>
            <button type="button" className="button danger" onClick={() => replayStore.getState().stop()} data-testid="replay-stop">
              Stop
            </button>
          </div>
        </>
      )}
      {s.events.length > 0 && (
        <ul className="replay-events" data-testid="replay-events" aria-label="Rollout changes during this replay">
          {s.events.map((e, i) => (
            <li key={i}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
