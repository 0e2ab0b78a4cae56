import Link from 'next/link';
import { LessonList } from '@/components/course/LessonList';
import { MaturityLadderProgress } from '@/components/course/MaturityLadderProgress';
import { ContinueLink, WeekProgress } from '@/components/course/ProgressIslands';
import { MATURITY_LEVELS } from '@/lib/course/maturity';
import { outlineCourse } from '@/lib/course/outline';
import { course } from '@/lessons/index';

export default function HomePage() {
  const outline = outlineCourse(course);
  const lessons = outline.flatMap((w) => w.lessons);
  const totalMinutes = lessons.reduce((sum, l) => sum + l.minutes, 0);
  return (
    <div className="container">
      <section className="hero">
        <h1>Learn MLOps by doing it, in one browser tab</h1>
        <p className="lead">
          Prepare real data, train models, track experiments, deploy, watch production drift and retrain — by hand first, then
          automated, one maturity level at a time. {course.length} week{course.length === 1 ? '' : 's'}, {lessons.length} lessons,{' '}
          about {Math.round(totalMinutes / 6) / 10} hours so far.
        </p>
        <ContinueLink lessons={lessons} />
      </section>
      <div className="home-grid">
        <section aria-labelledby="weeks-heading" className="weeks">
          <h2 id="weeks-heading">Weeks</h2>
          {course.map((week, wi) => (
            <section key={week.week} className="week card" aria-labelledby={`week-${week.week}-heading`}>
              <h3 id={`week-${week.week}-heading`}>
                <Link href={`/weeks/${week.week}`}>
                  Week {week.week}: {week.title}
                </Link>
              </h3>
              <p className="muted">{week.summary}</p>
              <WeekProgress lessons={outline[wi]!.lessons} label={`Week ${week.week}`} />
              <LessonList lessons={week.lessons} outlines={outline[wi]!.lessons} />
            </section>
          ))}
        </section>
        <MaturityLadderProgress rungs={MATURITY_LEVELS.map(({ level, name, tagline }) => ({ level, name, tagline }))} lessons={lessons} />
      </div>
    </div>
  );
}
