/**
 * The data of `npm run bench:drift`: 10 mixed columns (6 numerical, 4 categorical) of a reference
 * and a current sample, seeded, so the browser and SciPy judge exactly the same values. The
 * current sample moves some columns (a mean shift, a wider spread, a re-weighted category) and
 * leaves the others alone, so the report has both verdicts to give.
 */
import { normal, seededRandom } from '../data/random';
import type { ColumnSample } from '../drift';

/** Column names and kinds of the benchmark, in order. */
export const BENCH_COLUMNS: ReadonlyArray<{ name: string; kind: 'numerical' | 'categorical' }> = [
  { name: 'distance', kind: 'numerical' },
  { name: 'delay', kind: 'numerical' },
  { name: 'fare', kind: 'numerical' },
  { name: 'load', kind: 'numerical' },
  { name: 'wait', kind: 'numerical' },
  { name: 'temperature', kind: 'numerical' },
  { name: 'carrier', kind: 'categorical' },
  { name: 'weekday', kind: 'categorical' },
  { name: 'international', kind: 'categorical' },
  { name: 'airport', kind: 'categorical' },
];

const pick = (random: () => number, weights: readonly number[]): number => {
  const total = weights.reduce((a, b) => a + b, 0);
  let u = random() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i]!;
    if (u < 0) return i;
  }
  return weights.length - 1;
};

const CARRIERS = ['AA', 'AS', 'B6', 'DL', 'F9', 'HA', 'NK', 'UA', 'WN', 'G4', 'SY', 'MQ'];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
const AIRPORTS = Array.from({ length: 40 }, (_, i) => `A${String(i).padStart(2, '0')}`);

/**
 * `rows` rows of the 10 columns. `shifted` moves: distance +0.2 std, delay's spread ×1.5, the
 * carrier mix (the first three carriers twice as common), and leaves the rest as in the reference.
 */
export function benchColumns(rows: number, seed: number, shifted: boolean): ColumnSample[] {
  const random = seededRandom(seed);
  const cols: Array<Array<number | string>> = BENCH_COLUMNS.map(() => new Array<number | string>(rows));
  const carrierWeights = CARRIERS.map((_, i) => (shifted && i < 3 ? 2 : 1) * (12 - i));
  const airportWeights = AIRPORTS.map((_, i) => 1 / (i + 1));
  for (let r = 0; r < rows; r++) {
    cols[0]![r] = 800 + 400 * (normal(random) + (shifted ? 0.2 : 0));
    cols[1]![r] = 10 * normal(random) * (shifted ? 1.5 : 1);
    cols[2]![r] = Math.round(100 * Math.exp(4 + 0.5 * normal(random))) / 100;
    cols[3]![r] = random() * 100;
    cols[4]![r] = -Math.log(1 - random()) * 15;
    cols[5]![r] = Math.round(10 * (15 + 8 * normal(random))) / 10;
    cols[6]![r] = CARRIERS[pick(random, carrierWeights)]!;
    cols[7]![r] = WEEKDAYS[Math.floor(random() * WEEKDAYS.length)]!;
    cols[8]![r] = random() < 0.2 ? 'yes' : 'no';
    cols[9]![r] = AIRPORTS[pick(random, airportWeights)]!;
  }
  return BENCH_COLUMNS.map((c, i) => ({ name: c.name, kind: c.kind, values: cols[i]! }));
}
