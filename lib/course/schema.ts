import { z } from 'zod';
import { ORIGIN_PARAMS } from './lesson-origin';
import type { CheckResult, WorkbenchSnapshot } from './types';

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single dashes');
const text = z.string().trim().min(1, 'must not be empty');

const choiceSchema = z.strictObject({
  id: kebabId,
  text,
  correct: z.boolean(),
  explanation: text,
});

const exerciseBase = {
  id: kebabId,
  title: text,
  prompt: text,
  hints: z.array(text).default([]),
  required: z.boolean().default(true),
};

const quizSchema = z
  .strictObject({
    ...exerciseBase,
    kind: z.literal('quiz'),
    multiple: z.boolean().default(false),
    choices: z.array(choiceSchema).min(2, 'a quiz needs at least 2 choices').max(8, 'a quiz takes at most 8 choices'),
  })
  .superRefine((quiz, ctx) => {
    const correct = quiz.choices.filter((c) => c.correct).length;
    if (correct === 0) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'no choice is marked correct' });
    if (!quiz.multiple && correct > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message: `${correct} choices are correct but the quiz is single choice (set multiple: true)`,
      });
    duplicateIds(quiz.choices.map((c) => c.id)).forEach((id) =>
      ctx.addIssue({ code: 'custom', path: ['choices'], message: `duplicate choice id "${id}"` }),
    );
  });

/**
 * A check's link into the workbench: a page of the app with its presets. The course adds the
 * lesson origin itself (`from`, `ex`) when it renders the link, so an author must not.
 */
const workbenchLink = z
  .string()
  .regex(/^\/workbench\/[a-z][a-z-]*(?:[?#]\S*)?$/, 'must be a workbench page with its presets, starting with /workbench/ (e.g. /workbench/train?dataset=flights), with no spaces')
  .refine((link) => {
    const query = link.split('#')[0]!.split('?')[1] ?? '';
    const params = new URLSearchParams(query);
    return ORIGIN_PARAMS.every((p) => !params.has(p));
  }, `must not set ${ORIGIN_PARAMS.join(' or ')}: the course adds the lesson origin itself`);

const checkSchema = z.strictObject({
  ...exerciseBase,
  kind: z.literal('check'),
  solution: text,
  workbenchLink: workbenchLink.optional(),
  check: z.custom<(snapshot: WorkbenchSnapshot) => CheckResult>((v) => typeof v === 'function', {
    message: 'must be a function (snapshot) => { passed, feedback }',
  }),
});

/** The zod schema `defineLesson` validates against. */
export const lessonSchema = z
  .strictObject({
    id: kebabId,
    week: z.number().int().min(1).max(52),
    order: z.number().int().min(1).max(99),
    title: text,
    summary: text,
    maturityLevel: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
      error: 'must be a maturity level 0, 1, 2, 3 or 4',
    }),
    minutes: z.number().int().min(1).max(240),
    objectives: z.array(text).min(1, 'list at least one objective'),
    presets: z.array(kebabId).default([]),
    exercises: z.array(z.discriminatedUnion('kind', [quizSchema, checkSchema])).min(1, 'a lesson needs at least one exercise'),
  })
  .superRefine((lesson, ctx) => {
    duplicateIds(lesson.exercises.map((e) => e.id)).forEach((id) =>
      ctx.addIssue({ code: 'custom', path: ['exercises'], message: `duplicate exercise id "${id}"` }),
    );
  });

/** Ids that occur more than once, each reported once, in first-seen order. */
export function duplicateIds(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const id of ids) (seen.has(id) ? dups : seen).add(id);
  return [...dups];
}
