'use client';

import { useState } from 'react';
import type { ExerciseView } from '@/lib/course/exercise-view';
import { applyAttempt, gradeQuiz } from '@/lib/course/grading';
import { exerciseAnchor } from '@/lib/course/lesson-origin';
import type { ExerciseProgress } from '@/lib/course/types';
import { CheckExerciseBody } from './CheckExerciseBody';
import { ExerciseHints } from './ExerciseHints';
import { useExercise } from './use-exercise';
import { systemClock } from '@/lib/time';

const STATUS_TEXT = { 'not-started': 'Not started', attempted: 'Attempted', passed: 'Passed' } as const;

/** One exercise inside the lesson text: answer, feedback, hints, solution; saved as you go. */
export function ExerciseCard({ lessonId, exercise }: { lessonId: string; exercise: ExerciseView }) {
  const state = useExercise(lessonId, exercise.id);
  const status = state.progress?.status ?? 'not-started';
  const headingId = `exercise-${exercise.id}`;
  return (
    <section className={`exercise card status-${status}`} aria-labelledby={headingId} id={exerciseAnchor(exercise.id)} data-testid={`exercise-${exercise.id}`}>
      <header className="exercise-header">
        <h3 id={headingId}>
          <span className="exercise-kind">{exercise.kind === 'quiz' ? 'Quiz' : 'Workbench check'}</span> {exercise.title}
        </h3>
        <span className={`badge status-${status}`} data-testid="exercise-status">
          {STATUS_TEXT[status]}
          {state.progress && state.progress.attempts > 0 ? ` · ${state.progress.attempts} ${state.progress.attempts === 1 ? 'try' : 'tries'}` : ''}
        </span>
        {!exercise.required && <span className="badge">Optional</span>}
      </header>
      {exercise.kind === 'quiz' ? <QuizBody lessonId={lessonId} exercise={exercise} state={state} /> : <CheckExerciseBody lessonId={lessonId} exercise={exercise} state={state} />}
      {state.saveError && (
        <p className="notice error" role="alert">
          {state.saveError}
        </p>
      )}
      <ExerciseHints exercise={exercise} progress={state.progress} saving={state.saving} save={state.save} />
    </section>
  );
}

type BodyProps<K extends ExerciseView['kind']> = {
  lessonId: string;
  exercise: Extract<ExerciseView, { kind: K }>;
  state: ReturnType<typeof useExercise>;
};

function QuizBody({ exercise, state }: BodyProps<'quiz'>) {
  const [selection, setSelection] = useState<string[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Until the learner touches the choices, show the last saved answer.
  const selected = selection ?? state.progress?.lastAnswer ?? [];
  const saved = state.progress;
  const grade = saved && saved.attempts > 0 ? gradeQuiz(exercise, saved.lastAnswer) : null;
  const inputType = exercise.multiple ? 'checkbox' : 'radio';

  const toggle = (id: string, checked: boolean) => {
    setMessage(null);
    setSelection(exercise.multiple ? (checked ? [...selected, id] : selected.filter((s) => s !== id)) : [id]);
  };

  const submit = async () => {
    if (selected.length === 0) {
      setMessage('Pick an answer first.');
      return;
    }
    const result = gradeQuiz(exercise, selected);
    const ok = await state.save((p: ExerciseProgress) => applyAttempt(p, result, selected, systemClock.now()));
    if (ok) setSelection(null);
  };

  return (
    <form
      className="quiz"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset>
        <legend>
          {exercise.prompt}
          {exercise.multiple && <span className="muted small"> (choose all that apply)</span>}
        </legend>
        {exercise.choices.map((choice) => (
          <label key={choice.id} className="choice">
            <input
              type={inputType}
              name={`${exercise.id}-choice`}
              value={choice.id}
              checked={selected.includes(choice.id)}
              onChange={(e) => toggle(choice.id, e.currentTarget.checked)}
            />
            <span>{choice.text}</span>
          </label>
        ))}
      </fieldset>
      <div className="exercise-actions">
        <button type="submit" className="button" disabled={!state.loaded || state.saving}>
          Check answer
        </button>
        {message && <span className="muted small">{message}</span>}
      </div>
      <div aria-live="polite" data-testid="feedback">
        {grade && saved && (
          <div className={`notice ${saved.status === 'passed' && grade.passed ? 'ok' : 'error'}`}>
            <p>
              <strong>{grade.passed ? 'Correct.' : 'Not quite.'}</strong> {grade.passed ? '' : grade.feedback.replace(/^Not quite\.\s*/, '')}
            </p>
            <ul className="explanations">
              {grade.explanations.map((e) => (
                <li key={e.choiceId}>
                  <span className="visually-hidden">{e.correct ? 'Right choice: ' : 'Wrong choice: '}</span>
                  <span aria-hidden="true">{e.correct ? '✓ ' : '✗ '}</span>
                  {exercise.choices.find((c) => c.id === e.choiceId)?.text}: {e.text}
                </li>
              ))}
            </ul>
            {saved.status === 'passed' && !grade.passed && <p className="muted small">You passed this exercise earlier; it stays passed.</p>}
          </div>
        )}
      </div>
    </form>
  );
}
