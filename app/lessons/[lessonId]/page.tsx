import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LessonContent, readLessonSource } from '@/components/course/LessonContent';
import { LessonCompleteBanner, LessonExerciseList, LessonVisitRecorder } from '@/components/course/LessonProgressPanel';
import { LevelBadge } from '@/components/course/LevelBadge';
import { Breadcrumb } from '@/components/ui/Breadcrumb';
import { allLessons, findLesson, lessonNeighbours } from '@/lib/course/course';
import { analyzeLessonMdx } from '@/lib/course/mdx';
import { outlineLesson } from '@/lib/course/outline';
import { course } from '@/lessons/index';
import { CheckRunnerProvider } from './CheckRunnerProvider';

type Params = { params: Promise<{ lessonId: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return allLessons(course).map((lesson) => ({ lessonId: lesson.id }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const lesson = findLesson(course, (await params).lessonId);
  return lesson ? { title: lesson.title, description: lesson.summary } : {};
}

export default async function LessonPage({ params }: Params) {
  const lesson = findLesson(course, (await params).lessonId);
  if (!lesson) notFound();
  const source = await readLessonSource(lesson);
  const toc = analyzeLessonMdx(source).headings.filter((h) => h.depth === 2);
  const { previous, next } = lessonNeighbours(course, lesson.id);
  const week = course.find((w) => w.week === lesson.week);
  const outline = outlineLesson(lesson);

  return (
    <div className="container lesson-layout">
      <Breadcrumb
        trail={[
          { label: 'Course', href: '/' },
          { label: `Week ${lesson.week}${week ? `: ${week.title}` : ''}`, href: `/weeks/${lesson.week}` },
          { label: lesson.title },
        ]}
      />
      <article className="lesson-main">
        <header className="lesson-header">
          <h1>{lesson.title}</h1>
          <div className="meta-row">
            <span>
              Week {lesson.week} · Lesson {lesson.order}
            </span>
            <span>{lesson.minutes} min</span>
            <LevelBadge level={lesson.maturityLevel} />
          </div>
          <p className="lead">{lesson.summary}</p>
          <section aria-labelledby="objectives-heading" className="objectives card">
            <h2 id="objectives-heading">In this lesson you will</h2>
            <ul>
              {lesson.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </section>
        </header>
        <CheckRunnerProvider>
          <LessonContent lesson={lesson} source={source} />
        </CheckRunnerProvider>
        <LessonCompleteBanner lesson={outline} nextTitle={next?.title} />
        <nav aria-label="Previous and next lesson" className="pager">
          {previous ? (
            <Link href={`/lessons/${previous.id}`} rel="prev" className="pager-link">
              <span className="muted small">Previous</span> {previous.title}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link href={`/lessons/${next.id}`} rel="next" className="pager-link next">
              <span className="muted small">Next</span> {next.title}
            </Link>
          ) : (
            <Link href="/progress" prefetch={false} className="pager-link next">
              <span className="muted small">End of the published course</span> See your progress
            </Link>
          )}
        </nav>
      </article>
      <div className="lesson-sidebar">
        <nav aria-labelledby="toc-heading" className="sidebar-block toc">
          <h2 id="toc-heading">On this page</h2>
          <ol>
            {toc.map((h) => (
              <li key={h.slug}>
                <a href={`#${h.slug}`}>{h.text}</a>
              </li>
            ))}
          </ol>
        </nav>
        <LessonExerciseList lesson={outline} />
      </div>
      <LessonVisitRecorder lessonId={lesson.id} />
    </div>
  );
}
