import type { Exercise, QuizChoice } from './types';

/** What the page sends to the browser for one exercise: plain data, no check function. */
export type ExerciseView =
  | { kind: 'quiz'; id: string; title: string; prompt: string; hints: string[]; required: boolean; multiple: boolean; choices: QuizChoice[] }
  | { kind: 'check'; id: string; title: string; prompt: string; hints: string[]; required: boolean; solution: string; workbenchLink?: string };

/** Strips an exercise to its serializable view. */
export function toExerciseView(exercise: Exercise): ExerciseView {
  const { id, title, prompt, hints, required } = exercise;
  if (exercise.kind === 'quiz') return { kind: 'quiz', id, title, prompt, hints, required, multiple: exercise.multiple, choices: exercise.choices };
  const view: Extract<ExerciseView, { kind: 'check' }> = { kind: 'check', id, title, prompt, hints, required, solution: exercise.solution };
  // Left out rather than `undefined`: the view crosses to the client as serialized props.
  return exercise.workbenchLink ? { ...view, workbenchLink: exercise.workbenchLink } : view;
}
