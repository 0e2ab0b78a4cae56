import Link from 'next/link';
import type { LessonOutline } from '@/lib/course/outline';
import type { Lesson } from '@/lib/course/types';
import { LevelBadge } from './LevelBadge';
import { LessonStatusBadge } from './ProgressIslands';

/** The lessons of one week, with minutes, level and live status; objectives when `detailed`. */
export function LessonList({ lessons, outlines, detailed = false }: { lessons: Lesson[]; outlines: LessonOutline[]; detailed?: boolean }) {
  return (
    <ol className="lesson-list">
      {lessons.map((lesson, i) => (
        <li key={lesson.id} className="lesson-item">
          <div className="lesson-item-head">
            <Link href={`/lessons/${lesson.id}`} className="lesson-link">
              {lesson.order}. {lesson.title}
            </Link>
            <LessonStatusBadge lesson={outlines[i]!} />
          </div>
          <div className="meta-row small">
            <span>{lesson.minutes} min</span>
            <span>
              {lesson.exercises.length} exercise{lesson.exercises.length === 1 ? '' : 's'}
            </span>
            <LevelBadge level={lesson.maturityLevel} />
          </div>
          {detailed && (
            <>
              <p>{lesson.summary}</p>
              <ul className="objective-list">
                {lesson.objectives.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
