import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TransferView } from '@/components/bundle/TransferView';
import { allLessons } from '@/lib/course/course';
import { course } from '@/lessons/index';

export const metadata: Metadata = {
  title: 'Export & import',
  description: 'Export runs, registered models and progress as one validated JSON bundle, or import one: all-or-nothing, and importing the same file twice adds nothing.',
};

export default function TransferPage() {
  // Only the ids travel to the client: progress rows for lessons this course lacks are refused.
  const catalog = Object.fromEntries(allLessons(course).map((l) => [l.id, l.exercises.map((e) => e.id)]));
  return (
    <div className="container">
      <h1>Export &amp; import</h1>
      <p className="lead">Move your work between browsers, or keep a backup: runs with their metrics and models, registered models with their alias history, and course progress, in one file that stays on your machine until you share it.</p>
      <Suspense fallback={<p role="status">Loading…</p>}>
        <TransferView catalog={catalog} />
      </Suspense>
    </div>
  );
}
