import { LessonValidationError } from './define';
import { analyzeLessonMdx, LESSON_COMPONENTS } from './mdx';
import type { Lesson, Week } from './types';

/** One problem: the file at fault (relative to the project), the field, and what is wrong. */
export interface LessonCheckIssue {
  file: string;
  field: string;
  message: string;
}

/** One lesson folder as found on disk, with what loading it produced. */
export interface LessonFolderInput {
  /** e.g. `lessons/week-1/01-what-is-mlops` */
  dir: string;
  /** The default export of `lesson.ts`, or the error importing it threw; `null` when the file is missing. */
  lesson: { ok: true; value: unknown } | { ok: false; error: unknown } | null;
  /** Text of `content.mdx`, `null` when missing. */
  mdx: string | null;
}

export interface LessonTreeInput {
  /** e.g. `lessons/index.ts` */
  registryFile: string;
  /** The registry's weeks, or the error importing it threw. */
  registry: { ok: true; weeks: Week[] } | { ok: false; error: unknown };
  folders: LessonFolderInput[];
}

const FOLDER = /(?:^|\/)week-(\d+)\/(\d{2})-([a-z0-9-]+)$/;

/**
 * Checks every lesson folder and the registry together: each lesson valid (schema), its
 * folder named `week-<week>/<order>-<id>`, ids unique, MDX parses, every `<Exercise id>`
 * declared and every declared exercise placed once, only known components, no imports, and
 * every folder registered (and every registered lesson has a folder).
 * Returns no issues when all is well.
 */
export function checkLessonTree(input: LessonTreeInput): LessonCheckIssue[] {
  const issues: LessonCheckIssue[] = [];
  const folderOf = new Map<string, string>();
  for (const folder of input.folders) {
    const lesson = checkFolder(folder, issues);
    if (!lesson) continue;
    const other = folderOf.get(lesson.id);
    if (other) issues.push({ file: `${folder.dir}/lesson.ts`, field: 'id', message: `"${lesson.id}" is already used by ${other}` });
    else folderOf.set(lesson.id, folder.dir);
  }
  if (!input.registry.ok) {
    // A lesson that failed to load also breaks the registry import; report that only once.
    const alreadyExplained = input.folders.some((f) => f.lesson && !f.lesson.ok);
    if (!alreadyExplained)
      issues.push({ file: input.registryFile, field: '(module)', message: `cannot be loaded: ${errorText(input.registry.error)}` });
    return issues;
  }
  const registered = new Set(input.registry.weeks.flatMap((w) => w.lessons.map((l) => l.id)));
  for (const [id, dir] of folderOf)
    if (!registered.has(id))
      issues.push({ file: input.registryFile, field: 'weeks', message: `the lesson folder ${dir} (id "${id}") is not registered` });
  for (const id of registered)
    if (!folderOf.has(id)) issues.push({ file: input.registryFile, field: 'weeks', message: `lists the lesson "${id}" but no lesson folder defines it` });
  return issues;
}

function checkFolder(folder: LessonFolderInput, issues: LessonCheckIssue[]): Lesson | null {
  const lessonFile = `${folder.dir}/lesson.ts`;
  const mdxFile = `${folder.dir}/content.mdx`;
  if (!folder.lesson) issues.push({ file: lessonFile, field: '(file)', message: 'is missing: every lesson folder needs lesson.ts' });
  if (folder.mdx === null) issues.push({ file: mdxFile, field: '(file)', message: 'is missing: every lesson folder needs content.mdx' });
  if (!folder.lesson) return null;
  if (!folder.lesson.ok) {
    const error = folder.lesson.error;
    if (error instanceof LessonValidationError) error.issues.forEach((i) => issues.push({ file: lessonFile, field: i.field, message: i.message }));
    else issues.push({ file: lessonFile, field: '(module)', message: `cannot be loaded: ${errorText(error)}` });
    return null;
  }
  const lesson = folder.lesson.value as Lesson | undefined;
  if (!lesson || typeof lesson !== 'object' || typeof lesson.id !== 'string') {
    issues.push({ file: lessonFile, field: '(default export)', message: 'must be `export default defineLesson({ … })`' });
    return null;
  }
  checkFolderName(folder.dir, lesson, lessonFile, issues);
  if (folder.mdx !== null) checkMdx(folder.mdx, lesson, mdxFile, issues);
  return lesson;
}

function checkFolderName(dir: string, lesson: Lesson, file: string, issues: LessonCheckIssue[]): void {
  const match = FOLDER.exec(dir);
  if (!match) {
    issues.push({ file, field: '(folder)', message: `folder must be named week-<week>/<2-digit order>-<id>, e.g. week-${lesson.week}/${String(lesson.order).padStart(2, '0')}-${lesson.id}` });
    return;
  }
  const [, week, order, id] = match;
  if (Number(week) !== lesson.week) issues.push({ file, field: 'week', message: `is ${lesson.week} but the folder is in week-${week}` });
  if (Number(order) !== lesson.order) issues.push({ file, field: 'order', message: `is ${lesson.order} but the folder starts with ${order}` });
  if (id !== lesson.id) issues.push({ file, field: 'id', message: `is "${lesson.id}" but the folder name says "${id}"` });
}

function checkMdx(source: string, lesson: Lesson, file: string, issues: LessonCheckIssue[]): void {
  let analysis;
  try {
    analysis = analyzeLessonMdx(source);
  } catch (error) {
    issues.push({ file, field: '(mdx)', message: `does not parse: ${errorText(error)}` });
    return;
  }
  const declared = new Set(lesson.exercises.map((e) => e.id));
  const placed = new Map<string, number>();
  for (const id of analysis.exerciseIds) {
    if (id === null) {
      issues.push({ file, field: '<Exercise>', message: 'has no id attribute (write <Exercise id="…" />)' });
      continue;
    }
    if (!declared.has(id)) issues.push({ file, field: `<Exercise id="${id}">`, message: 'is not declared in lesson.ts exercises' });
    placed.set(id, (placed.get(id) ?? 0) + 1);
  }
  for (const id of declared) {
    const count = placed.get(id) ?? 0;
    if (count === 0) issues.push({ file, field: `exercises.${id}`, message: 'is declared in lesson.ts but never placed with <Exercise id> in the text' });
    if (count > 1) issues.push({ file, field: `<Exercise id="${id}">`, message: `is placed ${count} times; place each exercise once` });
  }
  const known = new Set<string>(LESSON_COMPONENTS);
  for (const name of new Set(analysis.components))
    if (!known.has(name)) issues.push({ file, field: `<${name}>`, message: `is not a lesson component (available: ${LESSON_COMPONENTS.join(', ')})` });
  if (analysis.esm.length)
    issues.push({ file, field: '(mdx)', message: 'must not import or export: components come from the MDX components map' });
  if (!analysis.headings.some((h) => h.depth === 2)) issues.push({ file, field: '(mdx)', message: 'has no "## " section heading (they build the table of contents)' });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
