// npm run lessons:check [lessons-dir] — validates every lesson; exits 1 and names file and field on any problem.
import path from 'node:path';
import { checkLessonsDirectory, findLessonDirs } from './lib/lesson-tree';

async function main(): Promise<void> {
  const root = process.cwd();
  const lessonsDir = path.resolve(root, process.argv[2] ?? 'lessons');
  const issues = await checkLessonsDirectory(lessonsDir, root);
  if (issues.length === 0) {
    console.log(`lessons:check: ${findLessonDirs(lessonsDir).length} lessons OK`);
    return;
  }
  console.error(`lessons:check: ${issues.length} problem${issues.length === 1 ? '' : 's'}:`);
  for (const issue of issues) console.error(`  ${issue.file}: ${issue.field}: ${issue.message}`);
  process.exitCode = 1;
}

void main();
