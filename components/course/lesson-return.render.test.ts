import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ExerciseView } from '@/lib/course/exercise-view';
import type { OriginCatalog } from '@/lib/course/lesson-origin';
import type { ExerciseProgress } from '@/lib/course/types';
import { emptyProgress } from '@/lib/course/grading';
import type { ExerciseState } from './use-exercise';

let search = '';
vi.mock('next/navigation', () => ({ useSearchParams: () => new URLSearchParams(search) }));
let saved: ExerciseProgress | undefined;
const state = (): ExerciseState => ({ loaded: true, progress: saved, saving: false, saveError: null, save: async () => true });
vi.mock('./use-exercise', () => ({ useExercise: () => state() }));

const { LessonReturnLink } = await import('./LessonReturnLink');
const { ExerciseCard } = await import('./ExerciseCard');
const { lessonMdxComponents } = await import('./mdx-components');

const catalog: OriginCatalog = {
  'your-first-model': { title: 'Your first model (level 0)', exercises: { 'first-run': 'Train your first model' } },
};

describe('LessonReturnLink (server render)', () => {
  it('links back to the lesson’s exercise card, with its titles, and can be dismissed by keyboard', () => {
    search = 'dataset=flights&from=your-first-model&ex=first-run';
    const html = renderToStaticMarkup(createElement(LessonReturnLink, { catalog }));
    expect(html).toContain('<nav class="container lesson-return" aria-label="Back to the lesson" data-testid="lesson-return">');
    expect(html).toMatch(/<a class="lesson-return-link" data-testid="lesson-return-link" href="\/lessons\/your-first-model#exercise-first-run-card">/);
    expect(html).toContain('<span aria-hidden="true">← </span>Back to Your first model (level 0)<span class="lesson-return-exercise">, exercise “Train your first model”</span></a>');
    expect(html).toContain('<button type="button" class="lesson-return-dismiss" aria-label="Hide the link back to Your first model (level 0)" data-testid="lesson-return-dismiss">');
  });

  it('links to the top of the lesson when the link came from the text', () => {
    search = 'from=your-first-model';
    const html = renderToStaticMarkup(createElement(LessonReturnLink, { catalog }));
    expect(html).toContain('href="/lessons/your-first-model"');
    expect(html).not.toContain('exercise “');
  });

  it('renders nothing without an origin (nothing stored on the server), or for a lesson the course lacks', () => {
    for (const s of ['', 'dataset=flights', 'from=gone', 'from=<b>']) {
      search = s;
      expect(renderToStaticMarkup(createElement(LessonReturnLink, { catalog })), s).toBe('');
    }
  });
});

const check: ExerciseView = { kind: 'check', id: 'first-run', title: 'Train your first model', prompt: 'Train any model.', hints: ['h1', 'h2'], required: true, solution: 'Do it.' };
const row = (over: Partial<ExerciseProgress>): ExerciseProgress => ({ ...emptyProgress('your-first-model', 'first-run', 1), ...over });

describe('a check exercise card (server render)', () => {
  it('opens its workbench preset, carrying the lesson and the exercise, described by the card’s title', () => {
    saved = undefined;
    const html = renderToStaticMarkup(createElement(ExerciseCard, { lessonId: 'your-first-model', exercise: { ...check, workbenchLink: '/workbench/train?dataset=flights&target=delayed' } }));
    expect(html).toContain('id="exercise-first-run-card"');
    expect(html).toContain('<h3 id="exercise-first-run">');
    expect(html).toMatch(
      /<a class="button secondary" aria-describedby="exercise-first-run" data-testid="exercise-workbench-link" href="\/workbench\/train\?dataset=flights&amp;target=delayed&amp;from=your-first-model&amp;ex=first-run">Open in the workbench<\/a>/,
    );
    // Before the button: do the work, then check it.
    expect(html.indexOf('Open in the workbench')).toBeLessThan(html.indexOf('Check my workbench'));
  });

  it('shows no workbench link when the lesson gives none', () => {
    saved = undefined;
    const html = renderToStaticMarkup(createElement(ExerciseCard, { lessonId: 'your-first-model', exercise: check }));
    expect(html).not.toContain('exercise-workbench-link');
    expect(html).toContain('Check my workbench');
  });

  it('shows the feedback of a check that did not count as a try, with no try in the badge', () => {
    saved = row({ lastFeedback: 'There is no run on the flights data yet.' });
    const html = renderToStaticMarkup(createElement(ExerciseCard, { lessonId: 'your-first-model', exercise: check }));
    expect(html).toContain('<p>There is no run on the flights data yet.</p>');
    expect(html).toContain('data-testid="exercise-status">Not started</span>');
    saved = row({ status: 'attempted', attempts: 2, lastFeedback: 'Still training.' });
    expect(renderToStaticMarkup(createElement(ExerciseCard, { lessonId: 'your-first-model', exercise: check }))).toContain('Attempted · 2 tries');
  });
});

describe('lesson text links (MDX components map)', () => {
  it('adds the lesson to links into the workbench, and leaves other links alone', async () => {
    const { course } = await import('@/lessons/index');
    const lesson = course[1]!.lessons[0]!;
    const { a } = lessonMdxComponents(lesson);
    expect(renderToStaticMarkup(createElement(a, { href: '/workbench/train?dataset=flights&epochs=10' }, 'Train'))).toBe(
      `<a href="/workbench/train?dataset=flights&amp;epochs=10&amp;from=${lesson.id}">Train</a>`,
    );
    expect(renderToStaticMarkup(createElement(a, { href: 'https://mlflow.org' }, 'MLflow'))).toBe('<a href="https://mlflow.org">MLflow</a>');
    expect(renderToStaticMarkup(createElement(a, { href: '#why' }, 'Why'))).toBe('<a href="#why">Why</a>');
  });
});
