const PHASES = [
  'Data gathering',
  'Data processing',
  'Data cleaning',
  'Model training',
  'Model evaluation',
  'Model serving',
  'Model monitoring',
  'Re-training',
] as const;

const WIDTH = 620;
const HEIGHT = 400;
const CX = WIDTH / 2;
const CY = HEIGHT / 2;
const RADIUS = 140;

/** The eight MLOps phases as a loop (server-rendered SVG with a text alternative). */
export function PhaseLoop() {
  const points = PHASES.map((_, i) => {
    const angle = (i / PHASES.length) * 2 * Math.PI - Math.PI / 2;
    return { x: CX + RADIUS * Math.cos(angle), y: CY + RADIUS * Math.sin(angle) };
  });
  const side = (x: number) => (x > CX + 5 ? 1 : x < CX - 5 ? -1 : 0);
  return (
    <figure className="figure">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="phase-loop-title" className="diagram phase-loop">
        <title id="phase-loop-title">{`The MLOps loop: ${PHASES.join(', then ')}, and back to data gathering.`}</title>
        <circle cx={CX} cy={CY} r={RADIUS} className="diagram-track" />
        <text x={CX} y={CY - 4} textAnchor="middle" className="diagram-center">
          The MLOps loop
        </text>
        <text x={CX} y={CY + 18} textAnchor="middle" className="diagram-label small">
          8 → back to 1
        </text>
        {points.map((p, i) => (
          <g key={PHASES[i]}>
            <circle cx={p.x} cy={p.y} r={17} className="diagram-node" />
            <text x={p.x} y={p.y + 5} textAnchor="middle" className="diagram-node-number on-node">
              {i + 1}
            </text>
            <text
              x={p.x + side(p.x) * 24}
              y={p.y + (side(p.x) === 0 ? (p.y < CY ? -26 : 38) : 5)}
              textAnchor={side(p.x) > 0 ? 'start' : side(p.x) < 0 ? 'end' : 'middle'}
              className="diagram-label"
            >
              {PHASES[i]}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>
        The eight phases run in a circle: re-training (8) feeds back into data gathering (1) for as long as the model is in use.
      </figcaption>
    </figure>
  );
}
