import { evaluate } from '@mdx-js/mdx';
import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import { rehypeTableWhitespace, remarkHeadingIds } from '@/lib/course/mdx';

describe('lesson MDX rendering plugins', () => {
  it('gives headings the ids the table of contents links to, and strips whitespace inside tables', async () => {
    const source = '## Why drift matters\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
    const { default: Content } = await evaluate(source, { ...runtime, remarkPlugins: [remarkGfm, remarkHeadingIds], rehypePlugins: [rehypeTableWhitespace] });
    const html = renderToStaticMarkup(createElement(Content));
    expect(html).toContain('<h2 id="why-drift-matters">');
    expect(html).toMatch(/<table><thead><tr><th>a<\/th><th>b<\/th><\/tr><\/thead><tbody><tr><td>1<\/td>/);
  });
});

describe('the MDX components map', () => {
  it('provides exactly the components lessons:check allows', async () => {
    const { lessonMdxComponents } = await import('./mdx-components');
    const { LESSON_COMPONENTS } = await import('@/lib/course/mdx');
    const { course } = await import('@/lessons/index');
    const provided = Object.keys(lessonMdxComponents(course[0]!.lessons[0]!)).filter((name) => /^[A-Z]/.test(name));
    expect(provided.sort()).toEqual([...LESSON_COMPONENTS].sort());
  });
});
