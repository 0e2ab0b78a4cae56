import { describe, expect, it } from 'vitest';
import { analyzeLessonMdx, slugify } from './mdx';

describe('analyzeLessonMdx', () => {
  it('lists headings with unique slugs, exercises and components', () => {
    const result = analyzeLessonMdx('## Why *drift* matters\n\ntext\n\n## Why drift matters\n\n### Détails\n\n<Exercise id="q1" />\n\n<Callout kind="tip">x</Callout>\n');
    expect(result.headings).toEqual([
      { depth: 2, text: 'Why drift matters', slug: 'why-drift-matters' },
      { depth: 2, text: 'Why drift matters', slug: 'why-drift-matters-1' },
      { depth: 3, text: 'Détails', slug: 'details' },
    ]);
    expect(result.exerciseIds).toEqual(['q1']);
    expect(result.components).toEqual(['Exercise', 'Callout']);
    expect(result.esm).toEqual([]);
  });

  it('throws with a position on broken MDX', () => {
    expect(() => analyzeLessonMdx('## A\n\n<Callout>\n')).toThrow(/\d+:\d+/);
  });

  it('slugifies to url-safe ids', () => {
    expect(slugify('  What is MLOps?  ')).toBe('what-is-mlops');
    expect(slugify('???')).toBe('section');
  });
});
