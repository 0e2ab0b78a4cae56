import type { Exercise, QuizChoice } from './types';

/** What the page sends to the browser for one exercise: plain data, no check function. */
export type ExerciseView =
  | { kind: 'quiz'; id: string; title: string; prompt: string; hints: string[]; required: boolean; multiple: boolean; choices: QuizChoice[] }
  | { kind: 'check'; id: string; title: string; prompt: string; hints: string[]; required: boolean; solution: string };

/** Strips an exercise to its serializable view. */
export function toExerciseView(exercise: Exercise): ExerciseView {
  const { id, title, prompt, hints, required } = exercise;
  if (exercise.kind === 'quiz') return { kind: 'quiz', id, title, prompt, hints, required, multiple: exercise.multiple, choices: exercise.choices };
  return { kind: 'check', id, title, prompt, hints, required, solution: exercise.solution };
}
