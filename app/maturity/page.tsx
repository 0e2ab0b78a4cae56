import type { Metadata } from 'next';
import Link from 'next/link';
import { MaturityLadder } from '@/components/course/figures/MaturityLadder';
import { allLessons } from '@/lib/course/course';
import { MATURITY_LEVELS } from '@/lib/course/maturity';
import { course } from '@/lessons/index';

export const metadata: Metadata = {
  title: 'The MLOps maturity ladder',
  description: 'Levels 0 to 4 of MLOps maturity: what each looks like, what it automates, its tools, and the lessons that teach it.',
};

function List({ title, items }: { title: string; items: readonly string[] }) {
  return (
    <div>
      <h3>{title}</h3>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

export default function MaturityPage() {
  const lessons = allLessons(course);
  return (
    <div className="container narrow">
      <h1>The MLOps maturity ladder</h1>
      <p className="lead">
        Five levels describe how much of a model&apos;s life runs by itself, from a notebook on one laptop to a system that notices
        its own decay and repairs it. The course climbs them in order: you do each step by hand before you automate it.
      </p>
      <MaturityLadder />
      <nav aria-label="Levels" className="level-jump">
        <ul>
          {MATURITY_LEVELS.map((l) => (
            <li key={l.level}>
              <a href={`#level-${l.level}`}>
                {l.level}. {l.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {MATURITY_LEVELS.map((level) => {
        const teaching = lessons.filter((l) => l.maturityLevel === level.level);
        return (
          <section key={level.level} id={`level-${level.level}`} className="level card" aria-labelledby={`level-${level.level}-heading`}>
            <h2 id={`level-${level.level}-heading`}>
              Level {level.level}: {level.name}
            </h2>
            <p className="level-tagline">{level.tagline}</p>
            <h3>What it looks like</h3>
            <p>{level.looksLike}</p>
            <div className="level-columns">
              <List title="What it automates" items={level.automates} />
              <List title="Highlights" items={level.highlights} />
              <List title="Technology and practices" items={level.technology} />
            </div>
            <h3>When it fits</h3>
            <p>{level.whenItFits}</p>
            <h3>In the workbench</h3>
            <p>{level.inTheWorkbench}</p>
            <h3>Lessons that teach it</h3>
            {teaching.length ? (
              <ul>
                {teaching.map((l) => (
                  <li key={l.id}>
                    <Link href={`/lessons/${l.id}`}>{l.title}</Link> <span className="muted">(week {l.week})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">Lessons for this level arrive in later weeks.</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
