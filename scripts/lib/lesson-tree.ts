// Reads a lessons folder from disk for the lesson check: finds every lesson folder, imports its
// lesson.ts and the registry, and hands the lot to the pure checker in lib/course.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkLessonTree, type LessonCheckIssue, type LessonFolderInput } from '../../lib/course/lesson-check';
import type { Week } from '../../lib/course/types';

/** Runs the whole lesson check over `lessonsDir` (e.g. `<repo>/lessons`); paths in issues are relative to `projectRoot`. */
export async function checkLessonsDirectory(lessonsDir: string, projectRoot: string): Promise<LessonCheckIssue[]> {
  const rel = (p: string) => path.relative(projectRoot, p).split(path.sep).join('/');
  const folders: LessonFolderInput[] = [];
  for (const dir of findLessonDirs(lessonsDir)) {
    const lessonPath = path.join(dir, 'lesson.ts');
    const mdxPath = path.join(dir, 'content.mdx');
    folders.push({
      dir: rel(dir),
      lesson: existsSync(lessonPath) ? await importDefault(lessonPath) : null,
      mdx: existsSync(mdxPath) ? readFileSync(mdxPath, 'utf8') : null,
    });
  }
  const registryPath = path.join(lessonsDir, 'index.ts');
  const registryModule = existsSync(registryPath)
    ? await importModule(registryPath)
    : { ok: false as const, error: new Error('is missing') };
  const registry = registryModule.ok
    ? readWeeks(registryModule.value)
    : registryModule;
  return checkLessonTree({ registryFile: rel(registryPath), registry, folders });
}

/** Folders holding a lesson: any folder under `week-*` that has a lesson.ts or content.mdx. */
export function findLessonDirs(lessonsDir: string): string[] {
  if (!existsSync(lessonsDir)) return [];
  const dirs: string[] = [];
  for (const week of readdirSync(lessonsDir).sort()) {
    const weekDir = path.join(lessonsDir, week);
    if (!statSync(weekDir).isDirectory() || week.startsWith('_') || week.startsWith('.')) continue;
    for (const entry of readdirSync(weekDir).sort()) {
      const dir = path.join(weekDir, entry);
      if (statSync(dir).isDirectory() && (existsSync(path.join(dir, 'lesson.ts')) || existsSync(path.join(dir, 'content.mdx')))) dirs.push(dir);
    }
  }
  return dirs;
}

type Loaded = { ok: true; value: unknown } | { ok: false; error: unknown };

async function importModule(file: string): Promise<Loaded> {
  try {
    return { ok: true, value: await import(pathToFileURL(file).href) };
  } catch (error) {
    return { ok: false, error };
  }
}

async function importDefault(file: string): Promise<Loaded> {
  const loaded = await importModule(file);
  return loaded.ok ? { ok: true, value: (loaded.value as { default?: unknown }).default } : loaded;
}

function readWeeks(module: unknown): { ok: true; weeks: Week[] } | { ok: false; error: unknown } {
  const weeks = (module as { course?: unknown }).course;
  if (!Array.isArray(weeks)) return { ok: false, error: new Error('must export `course = defineCourse([...])`') };
  return { ok: true, weeks: weeks as Week[] };
}
