'use client';

import Link from 'next/link';
import { completedLessonIds, maturityStanding, type LessonOutline } from '@/lib/course/outline';
import type { MaturityLevel } from '@/lib/course/types';
import { useProgressRecords } from './use-progress';

export interface LadderRung {
  level: MaturityLevel;
  name: string;
  tagline: string;
}

/**
 * The ladder 0–4 with the learner's standing: the highest level whose lessons (and every
 * lesson below it) are complete. Lessons per level are counted so empty rungs read "coming".
 */
export function MaturityLadderProgress({ rungs, lessons }: { rungs: LadderRung[]; lessons: LessonOutline[] }) {
  const state = useProgressRecords();
  const completed = new Set(state.status === 'ready' ? completedLessonIds(lessons, state.value.exercises) : []);
  const standing = state.status === 'ready' ? maturityStanding(lessons, completed) : null;
  const summary =
    state.status !== 'ready'
      ? 'Loading your standing…'
      : standing === null
        ? 'You have not reached a level yet: finish the level 0 lessons to stand on the ladder.'
        : `You stand at level ${standing}: ${rungs.find((r) => r.level === standing)?.name ?? ''}.`;
  return (
    <section aria-labelledby="ladder-heading" className="ladder card">
      <h2 id="ladder-heading">Your MLOps maturity ladder</h2>
      <p data-testid="ladder-standing">{summary}</p>
      <ol className="ladder-rungs" reversed start={4}>
        {[...rungs].reverse().map((rung) => {
          const atLevel = lessons.filter((l) => l.maturityLevel === rung.level);
          const done = atLevel.filter((l) => completed.has(l.id)).length;
          const here = standing === rung.level;
          return (
            <li key={rung.level} className={here ? 'rung here' : standing !== null && rung.level < standing ? 'rung passed' : 'rung'} aria-current={here ? 'step' : undefined}>
              <span className="rung-level" aria-hidden="true">
                {rung.level}
              </span>
              <span className="rung-body">
                <strong>
                  Level {rung.level}: {rung.name}
                </strong>
                {here && <span className="badge status-complete"> You are here</span>}
                <span className="muted rung-tagline">{rung.tagline}</span>
                <span className="muted rung-count">
                  {atLevel.length === 0 ? 'Lessons coming in later weeks' : `${done} of ${atLevel.length} lessons complete`}
                </span>
              </span>
            </li>
          );
        })}
      </ol>
      <p>
        <Link href="/maturity">What each level means →</Link>
      </p>
    </section>
  );
}
