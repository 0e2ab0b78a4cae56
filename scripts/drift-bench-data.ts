// Writes the data of `npm run bench:drift` (the same seeded columns the browser judges) as JSON,
// so SciPy can time the same tests on the same values: tsx scripts/drift-bench-data.ts ROWS SEED FILE
import { writeFileSync } from 'node:fs';
import { benchColumns } from '../lib/monitoring/bench-data';

const [rows, seed, file] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]];
if (!Number.isInteger(rows) || !Number.isInteger(seed) || !file) {
  console.error('usage: tsx scripts/drift-bench-data.ts ROWS SEED FILE');
  process.exit(2);
}
const side = (s: number, shifted: boolean) => benchColumns(rows, s, shifted).map((c) => ({ name: c.name, kind: c.kind, values: Array.from(c.values as ArrayLike<number | string>) }));
// The reference is seed, the current seed + 1 and shifted: as lib/serving/bench-drift.ts makes them.
writeFileSync(file, JSON.stringify({ reference: side(seed, false), current: side(seed + 1, true) }));
