import { evaluate } from '@mdx-js/mdx';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as runtime from 'react/jsx-runtime';
import remarkGfm from 'remark-gfm';
import { lessonFolder } from '@/lib/course/course';
import { rehypeTableWhitespace, remarkHeadingIds } from '@/lib/course/mdx';
import type { Lesson } from '@/lib/course/types';
import { lessonMdxComponents } from './mdx-components';

/** Reads a lesson's `content.mdx` from its folder (build time only). */
export function readLessonSource(lesson: Lesson): Promise<string> {
  return readFile(path.join(process.cwd(), 'lessons', lessonFolder(lesson), 'content.mdx'), 'utf8');
}

/**
 * Renders the lesson text on the server (at build time for the static export): the browser
 * receives HTML plus the small exercise islands, never the MDX compiler.
 */
export async function LessonContent({ lesson, source }: { lesson: Lesson; source: string }) {
  const { default: Content } = await evaluate(source, {
    ...runtime,
    remarkPlugins: [remarkGfm, remarkHeadingIds],
    rehypePlugins: [rehypeTableWhitespace],
    development: false,
  });
  return (
    <div className="prose">
      <Content components={lessonMdxComponents(lesson)} />
    </div>
  );
}
