import type { CheckResult, ExerciseProgress, QuizChoice } from './types';

/** After this many failed attempts the learner may reveal the solution. */
export const SOLUTION_AFTER_ATTEMPTS = 3;

/** The part of a quiz that grading needs (serializable, so it can cross to the client). */
export interface GradableQuiz {
  multiple: boolean;
  choices: QuizChoice[];
}

export interface QuizGrade extends CheckResult {
  /** The explanation of every choice the learner picked, in the quiz's order. */
  explanations: Array<{ choiceId: string; correct: boolean; text: string }>;
}

/**
 * Grades a quiz answer. Single choice: passed when the one picked choice is correct.
 * Multiple choice: passed only when exactly the set of correct choices is picked.
 * Unknown choice ids are ignored; an empty answer fails with a prompt to pick something.
 */
export function gradeQuiz(quiz: GradableQuiz, selected: readonly string[]): QuizGrade {
  const picked = quiz.choices.filter((c) => selected.includes(c.id));
  const explanations = picked.map((c) => ({ choiceId: c.id, correct: c.correct, text: c.explanation }));
  if (picked.length === 0) return { passed: false, feedback: 'Pick an answer first.', explanations };
  const correctIds = quiz.choices.filter((c) => c.correct).map((c) => c.id);
  const rightPicks = picked.filter((c) => c.correct).length;
  const wrongPicks = picked.length - rightPicks;
  if (!quiz.multiple) {
    const passed = picked.length === 1 && rightPicks === 1;
    return { passed, feedback: passed ? 'Correct.' : 'Not quite.', explanations };
  }
  const passed = wrongPicks === 0 && rightPicks === correctIds.length;
  if (passed) return { passed, feedback: `Correct: all ${correctIds.length} right answers and nothing else.`, explanations };
  const parts = [`You found ${rightPicks} of ${correctIds.length} right answers`];
  if (wrongPicks > 0) parts.push(`and picked ${wrongPicks} that ${wrongPicks === 1 ? 'is' : 'are'} not right`);
  return { passed, feedback: `Not quite. ${parts.join(' ')}.`, explanations };
}

/** A fresh, untried exercise state. */
export function emptyProgress(lessonId: string, exerciseId: string, now: number): ExerciseProgress {
  return {
    lessonId,
    exerciseId,
    status: 'not-started',
    attempts: 0,
    hintsRevealed: 0,
    solutionRevealed: false,
    lastAnswer: [],
    lastFeedback: '',
    updatedAt: now,
    passedAt: null,
  };
}

/**
 * Records one graded attempt. A passed exercise stays passed: trying again later (and
 * getting it wrong) is practice, not a loss of progress.
 */
export function applyAttempt(
  previous: ExerciseProgress,
  result: CheckResult,
  answer: readonly string[],
  now: number,
): ExerciseProgress {
  const alreadyPassed = previous.status === 'passed';
  return {
    ...previous,
    status: alreadyPassed || result.passed ? 'passed' : 'attempted',
    attempts: previous.attempts + 1,
    lastAnswer: [...answer],
    lastFeedback: result.feedback,
    updatedAt: now,
    passedAt: previous.passedAt ?? (result.passed ? now : null),
  };
}

/**
 * Who asked for a check's result: `click` is the learner pressing Check; `auto` is the lesson
 * re-running a check it already showed when the learner comes back from the workbench.
 */
export type CheckTrigger = 'click' | 'auto';

/**
 * Records a `check` exercise's result. What counts as an attempt:
 * - a click whose result is gradable counts as one attempt (`applyAttempt`);
 * - a click on a check with nothing to grade yet (`notGradable`) shows its feedback but is
 *   not an attempt, so clicking an empty check cannot unlock the solution;
 * - an automatic re-run is never an attempt: it updates the feedback, and records a pass
 *   (status, `passedAt`) exactly as a clicked pass would, so a learner who fixed things in
 *   the workbench sees the pass without clicking.
 * A passed exercise stays passed. Returns `previous` itself when nothing would change, so the
 * caller can skip a write.
 */
export function applyCheckResult(previous: ExerciseProgress, result: CheckResult, trigger: CheckTrigger, now: number): ExerciseProgress {
  const gradable = result.passed || !result.notGradable;
  if (trigger === 'click' && gradable) return applyAttempt(previous, result, [], now);
  const passesNow = result.passed && previous.status !== 'passed';
  if (!passesNow && previous.lastFeedback === result.feedback) return previous;
  return {
    ...previous,
    // An attempt-free result leaves an untried exercise untried, unless it passes.
    status: passesNow ? 'passed' : previous.status,
    lastFeedback: result.feedback,
    updatedAt: now,
    passedAt: previous.passedAt ?? (passesNow ? now : null),
  };
}

/**
 * Whether the lesson should re-run a check by itself when the learner returns: only a check
 * the learner has already run (its feedback is on the card) and has not passed yet. A passed
 * check stays passed, so re-running it could only replace its feedback with a worse one.
 */
export function shouldAutoRecheck(progress: ExerciseProgress | undefined): boolean {
  if (!progress || progress.status === 'passed') return false;
  return progress.attempts > 0 || progress.lastFeedback !== '';
}

/** Reveals the next hint, never more than `hintCount`. */
export function revealNextHint(previous: ExerciseProgress, hintCount: number, now: number): ExerciseProgress {
  return { ...previous, hintsRevealed: Math.min(hintCount, previous.hintsRevealed + 1), updatedAt: now };
}

/** Whether the solution may be shown: after `SOLUTION_AFTER_ATTEMPTS` tries, or once passed. */
export function canRevealSolution(progress: ExerciseProgress | undefined): boolean {
  if (!progress) return false;
  return progress.status === 'passed' || progress.attempts >= SOLUTION_AFTER_ATTEMPTS;
}

/** Marks the solution as revealed (only when `canRevealSolution`). */
export function revealSolution(previous: ExerciseProgress, now: number): ExerciseProgress {
  if (!canRevealSolution(previous)) return previous;
  return { ...previous, solutionRevealed: true, updatedAt: now };
}
