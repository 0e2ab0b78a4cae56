'use client';

import Link from 'next/link';
import { useContext, useEffect, useRef, useState } from 'react';
import type { ExerciseView } from '@/lib/course/exercise-view';
import { applyCheckResult, shouldAutoRecheck, type CheckTrigger } from '@/lib/course/grading';
import { withLessonOrigin } from '@/lib/course/lesson-origin';
import type { CheckResult } from '@/lib/course/types';
import { systemClock } from '@/lib/time';
import { CheckRunnerContext } from './check-runner-context';
import { useReturnToPage } from './use-return-to-page';
import type { ExerciseState } from './use-exercise';

/** The learner's own click, or the lesson checking again by itself; and what that run found. */
type LastRun = { trigger: CheckTrigger; result: CheckResult } | null;

/**
 * A `check` exercise: "Open in the workbench" (when the lesson gives it a link, carrying the
 * lesson and exercise so the workbench can link back), "Check my workbench", and the feedback.
 * A check already tried and not passed runs again by itself when the learner comes back to the
 * lesson (page shown again, tab focused, or the page opened anew): never an attempt, but a
 * pass it finds is saved (see `applyCheckResult`).
 */
export function CheckExerciseBody({ lessonId, exercise, state }: { lessonId: string; exercise: Extract<ExerciseView, { kind: 'check' }>; state: ExerciseState }) {
  const runCheck = useContext(CheckRunnerContext);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lastRun, setLastRun] = useState<LastRun>(null);
  // Runs in flight: an automatic run never starts beside another run (focus and
  // visibilitychange arrive together), while a click always runs (its button is disabled
  // during its own run), so the learner is never ignored.
  const inFlight = useRef(0);
  const saved = state.progress;

  const run = async (trigger: CheckTrigger) => {
    if (!runCheck || (trigger === 'auto' && inFlight.current > 0)) return;
    inFlight.current += 1;
    if (trigger === 'click') {
      setRunning(true);
      setError(null);
    }
    try {
      const result = await runCheck(lessonId, exercise.id);
      const now = systemClock.now();
      // An automatic run that changes nothing is not written, so coming back costs no write.
      const unchanged = trigger === 'auto' && state.progress !== undefined && applyCheckResult(state.progress, result, 'auto', now) === state.progress;
      const ok = unchanged || (await state.save((p) => applyCheckResult(p, result, trigger, now)));
      if (ok) setLastRun({ trigger, result });
    } catch (e) {
      // An automatic run that fails stays quiet: the learner did not ask for it.
      if (trigger === 'click') setError(`The check could not run: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      inFlight.current -= 1;
      if (trigger === 'click') setRunning(false);
    }
  };

  // The latest `run` and progress for the listeners below, which outlive a render.
  const latest = useRef({ run, progress: saved });
  useEffect(() => {
    latest.current = { run, progress: saved };
  });
  const autoRecheck = () => {
    if (shouldAutoRecheck(latest.current.progress)) void latest.current.run('auto');
  };

  // Opening the lesson page (again) counts as coming back: re-run once its saved state is read.
  const checkedOnOpen = useRef(false);
  useEffect(() => {
    if (!state.loaded || checkedOnOpen.current) return;
    checkedOnOpen.current = true;
    autoRecheck();
  });
  useReturnToPage(autoRecheck);

  const link = exercise.workbenchLink ? withLessonOrigin(exercise.workbenchLink, { lessonId, exerciseId: exercise.id }) : null;
  const showFeedback = saved !== undefined && (saved.attempts > 0 || saved.lastFeedback !== '');

  return (
    <div className="check">
      <p>{exercise.prompt}</p>
      <div className="exercise-actions">
        {link && (
          <Link className="button secondary" href={link} prefetch={false} aria-describedby={`exercise-${exercise.id}`} data-testid="exercise-workbench-link">
            Open in the workbench
          </Link>
        )}
        <button type="button" className="button" disabled={!runCheck || running || state.saving || !state.loaded} onClick={() => void run('click')}>
          {running ? 'Checking…' : 'Check my workbench'}
        </button>
      </div>
      <div aria-live="polite" data-testid="feedback">
        {error && <p className="notice error">{error}</p>}
        {showFeedback && (
          <div className={`notice ${saved.lastFeedback && saved.status === 'passed' ? 'ok' : 'error'}`}>
            <p>{saved.lastFeedback}</p>
            {lastRun?.trigger === 'click' && lastRun.result.notGradable && !lastRun.result.passed && (
              <p className="muted small" data-testid="not-gradable-note">
                Nothing to grade yet, so this did not count as a try.
              </p>
            )}
            {lastRun?.trigger === 'auto' && (
              <p className="muted small" data-testid="auto-recheck-note">
                Checked again when you came back{lastRun.result.passed ? ': it passes now.' : '.'}
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
