import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LessonList } from '@/components/course/LessonList';
import { WeekProgress } from '@/components/course/ProgressIslands';
import { Breadcrumb } from '@/components/ui/Breadcrumb';
import { outlineCourse } from '@/lib/course/outline';
import { course } from '@/lessons/index';

type Params = { params: Promise<{ week: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return course.map((w) => ({ week: String(w.week) }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { week: weekParam } = await params;
  const week = course.find((w) => String(w.week) === weekParam);
  return week ? { title: `Week ${week.week}: ${week.title}`, description: week.summary } : {};
}

export default async function WeekPage({ params }: Params) {
  const weekParam = (await params).week;
  const index = course.findIndex((w) => String(w.week) === weekParam);
  const week = course[index];
  if (!week) notFound();
  const outline = outlineCourse(course)[index]!;
  const minutes = week.lessons.reduce((sum, l) => sum + l.minutes, 0);
  const previous = course[index - 1];
  const next = course[index + 1];
  return (
    <div className="container narrow">
      <Breadcrumb trail={[{ label: 'Course', href: '/' }, { label: `Week ${week.week}` }]} />
      <h1>
        Week {week.week}: {week.title}
      </h1>
      <p className="lead">{week.summary}</p>
      <p className="muted">
        {week.lessons.length} lessons · about {minutes} minutes
      </p>
      <WeekProgress lessons={outline.lessons} label={`Week ${week.week}`} />
      <LessonList lessons={week.lessons} outlines={outline.lessons} detailed />
      <nav aria-label="Other weeks" className="pager">
        {previous ? <Link href={`/weeks/${previous.week}`}>← Week {previous.week}</Link> : <span />}
        {next ? <Link href={`/weeks/${next.week}`}>Week {next.week} →</Link> : <span className="muted">More weeks are on the way.</span>}
      </nav>
    </div>
  );
}
