import Link from 'next/link';
import { MATURITY_LEVELS } from '@/lib/course/maturity';
import type { MaturityLevel } from '@/lib/course/types';

/** "Level 2 · Automated training", linking to that level on the maturity page. */
export function LevelBadge({ level }: { level: MaturityLevel }) {
  const info = MATURITY_LEVELS.find((l) => l.level === level);
  return (
    <Link href={`/maturity#level-${level}`} className="badge level" title="Maturity level this lesson teaches">
      Level {level}
      {info ? ` · ${info.name}` : ''}
    </Link>
  );
}
