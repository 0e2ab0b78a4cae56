import { MATURITY_LEVELS } from '@/lib/course/maturity';

const STEP_W = 128;
const STEP_H = 40;

/** Levels 0–4 as a staircase (server-rendered SVG), with the level list as its text alternative. */
export function MaturityLadder() {
  const width = STEP_W * MATURITY_LEVELS.length + 8;
  const height = STEP_H * MATURITY_LEVELS.length + 48;
  return (
    <figure className="figure">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="ladder-figure-title" className="diagram ladder-figure">
        <title id="ladder-figure-title">{`The maturity ladder, from level 0 at the bottom left to level 4 at the top right: ${MATURITY_LEVELS.map(
          (l) => `level ${l.level}, ${l.name}`,
        ).join('; ')}.`}</title>
        {MATURITY_LEVELS.map((l, i) => {
          const x = 4 + i * STEP_W;
          const y = height - (i + 1) * STEP_H - 4;
          return (
            <g key={l.level}>
              <rect x={x} y={y} width={STEP_W - 4} height={(i + 1) * STEP_H} rx={6} className="diagram-step" />
              <text x={x + 10} y={y + 22} className="diagram-node-number">
                Level {l.level}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ol start={0} className="figure-list">
          {MATURITY_LEVELS.map((l) => (
            <li key={l.level}>
              <strong>{l.name}</strong> — {l.tagline}
            </li>
          ))}
        </ol>
      </figcaption>
    </figure>
  );
}
