import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { summarizeFlightsByMonth, type FlightRecord } from '@/lib/data/flights-summary';

/** Where the build reads the running example from: the `vega-datasets` npm package, never a URL. */
const FLIGHTS_FILE = path.join(process.cwd(), 'node_modules', 'vega-datasets', 'data', 'flights-20k.json');

const WIDTH = 520;
const HEIGHT = 240;
const PAD = { top: 24, right: 16, bottom: 40, left: 48 };

/**
 * The running example per month, computed at build time from the real file (no JS shipped):
 * a bar chart of the share of flights delayed more than 15 minutes, and the table behind it.
 */
export async function FlightsByMonth() {
  const rows = JSON.parse(await readFile(FLIGHTS_FILE, 'utf8')) as FlightRecord[];
  const months = summarizeFlightsByMonth(rows);
  const maxShare = Math.max(0.3, ...months.map((m) => m.delayedShare));
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = (WIDTH - PAD.left - PAD.right) / Math.max(1, months.length);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return (
    <figure className="figure">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="flights-by-month-title" className="diagram bar-chart">
        <title id="flights-by-month-title">{`Share of flights delayed more than 15 minutes: ${months
          .map((m) => `${m.label} ${pct(m.delayedShare)}`)
          .join(', ')}. The table below has the same figures.`}</title>
        {[0, 0.1, 0.2, 0.3].filter((t) => t <= maxShare).map((tick) => {
          const y = PAD.top + plotH - (tick / maxShare) * plotH;
          return (
            <g key={tick}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y} y2={y} className="diagram-grid" />
              <text x={PAD.left - 8} y={y + 4} textAnchor="end" className="diagram-label small">
                {tick * 100}%
              </text>
            </g>
          );
        })}
        {months.map((m, i) => {
          const h = (m.delayedShare / maxShare) * plotH;
          const x = PAD.left + i * slot + slot * 0.2;
          return (
            <g key={m.label}>
              <rect x={x} y={PAD.top + plotH - h} width={slot * 0.6} height={h} rx={3} className="diagram-bar" />
              <text x={x + slot * 0.3} y={PAD.top + plotH - h - 6} textAnchor="middle" className="diagram-label small">
                {pct(m.delayedShare)}
              </text>
              <text x={x + slot * 0.3} y={HEIGHT - PAD.bottom + 20} textAnchor="middle" className="diagram-label">
                {m.label.split(' ')[0]}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        Flights per month in <code>flights-20k.json</code> (vega-datasets), and the share delayed more than 15 minutes.
      </figcaption>
      <ScrollRegion label="Flights per month table">
        <table>
          <caption className="visually-hidden">Flights per month, January to March 2001</caption>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Flights</th>
              <th scope="col">Delayed &gt; 15 min</th>
              <th scope="col">Mean delay (min)</th>
              <th scope="col">Median distance (mi)</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.label}>
                <th scope="row">{m.label}</th>
                <td>{m.flights.toLocaleString('en-US')}</td>
                <td>{pct(m.delayedShare)}</td>
                <td>{m.meanDelayMinutes.toFixed(1)}</td>
                <td>{m.medianDistanceMiles.toLocaleString('en-US')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </figure>
  );
}
