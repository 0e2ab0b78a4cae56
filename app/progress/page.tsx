import Link from 'next/link';
import type { Metadata } from 'next';
import { ProgressSummary } from '@/components/progress/ProgressSummary';
import { ProgressTransfer } from '@/components/progress/ProgressTransfer';
import { allLessons } from '@/lib/course/course';
import { outlineCourse } from '@/lib/course/outline';
import { course } from '@/lessons/index';

export const metadata: Metadata = {
  title: 'Your progress',
  description: 'See, export, import or reset your course progress. It is stored only in this browser.',
};

export default function ProgressPage() {
  const catalog = Object.fromEntries(allLessons(course).map((l) => [l.id, l.exercises.map((e) => e.id)]));
  return (
    <div className="container narrow">
      <h1>Your progress</h1>
      <p className="lead">
        Progress lives in this browser only (IndexedDB). Export it to keep a copy or move it to another machine. To carry runs and registered models too, use{' '}
        <Link href="/workbench/transfer" prefetch={false}>
          Export &amp; import
        </Link>
        .
      </p>
      <ProgressSummary weeks={outlineCourse(course)} />
      <ProgressTransfer catalog={catalog} />
    </div>
  );
}
