import { Suspense, type ReactNode } from 'react';
import { LessonReturnLink } from '@/components/course/LessonReturnLink';
import { allLessons } from '@/lib/course/course';
import { originCatalog } from '@/lib/course/lesson-origin';
import { outlineLesson } from '@/lib/course/outline';
import { course } from '@/lessons/index';

/**
 * Every workbench page: "← Back to <lesson>" above the page when a lesson opened the workbench.
 * Only lesson and exercise titles travel to the client, not the lessons' check functions.
 */
export default function WorkbenchLayout({ children }: { children: ReactNode }) {
  const catalog = originCatalog(allLessons(course).map(outlineLesson));
  return (
    <>
      {/* The origin is a search param (static export), read on the client: useSearchParams needs this boundary. */}
      <Suspense fallback={null}>
        <LessonReturnLink catalog={catalog} />
      </Suspense>
      {children}
    </>
  );
}
