'use client';

import type { ExerciseView } from '@/lib/course/exercise-view';
import { canRevealSolution, revealNextHint, revealSolution, SOLUTION_AFTER_ATTEMPTS } from '@/lib/course/grading';
import type { ExerciseProgress } from '@/lib/course/types';
import { systemClock } from '@/lib/time';

interface Props {
  exercise: ExerciseView;
  progress: ExerciseProgress | undefined;
  saving: boolean;
  save: (change: (previous: ExerciseProgress) => ExerciseProgress) => Promise<boolean>;
}

/** Hints one at a time, then the solution once the learner has tried a few times. */
export function ExerciseHints({ exercise, progress, saving, save }: Props) {
  const shown = Math.min(progress?.hintsRevealed ?? 0, exercise.hints.length);
  const remaining = exercise.hints.length - shown;
  const solutionAllowed = canRevealSolution(progress);
  const attemptsLeft = SOLUTION_AFTER_ATTEMPTS - (progress?.attempts ?? 0);
  return (
    <div className="exercise-help">
      {shown > 0 && (
        <ol className="hints" aria-label="Hints">
          {exercise.hints.slice(0, shown).map((hint, i) => (
            <li key={i}>
              <strong>Hint {i + 1}:</strong> {hint}
            </li>
          ))}
        </ol>
      )}
      <div className="exercise-actions">
        {remaining > 0 && (
          <button type="button" className="button secondary" disabled={saving} onClick={() => save((p) => revealNextHint(p, exercise.hints.length, systemClock.now()))}>
            Show hint {shown + 1} of {exercise.hints.length}
          </button>
        )}
        {!progress?.solutionRevealed &&
          (solutionAllowed ? (
            <button type="button" className="button secondary" disabled={saving} onClick={() => save((p) => revealSolution(p, systemClock.now()))}>
              Show the solution
            </button>
          ) : (
            <span className="muted small">
              The solution unlocks after {attemptsLeft} more {attemptsLeft === 1 ? 'try' : 'tries'}.
            </span>
          ))}
      </div>
      {progress?.solutionRevealed && <Solution exercise={exercise} />}
    </div>
  );
}

function Solution({ exercise }: { exercise: ExerciseView }) {
  return (
    <div className="notice info solution" data-testid="solution">
      <p>
        <strong>Solution</strong>
      </p>
      {exercise.kind === 'check' ? (
        <p>{exercise.solution}</p>
      ) : (
        <ul>
          {exercise.choices
            .filter((c) => c.correct)
            .map((c) => (
              <li key={c.id}>
                <strong>{c.text}</strong> — {c.explanation}
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
