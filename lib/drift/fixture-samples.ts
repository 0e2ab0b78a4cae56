/**
 * Rebuilds the fixture's samples: literal arrays as they are, generator rules with the same
 * Park-Miller recurrence as scripts/drift-reference.py. 16807 × (2³¹ − 1) < 2⁵³, so every step
 * is exact in doubles and both languages produce identical values; large-n cases therefore cost
 * a few bytes in the committed JSON instead of hundreds of kilobytes. Test support only.
 */
export interface GeneratorRule {
  generator: 'park-miller';
  seed: number;
  n: number;
  scale?: number;
  shift?: number;
  categories?: string[];
}

export type FixtureSample = Array<number | string> | GeneratorRule;

const MOD = 2147483647;
const MUL = 16807;

/** The sample a fixture case describes. */
export function materialise(spec: FixtureSample): Array<number | string> {
  if (Array.isArray(spec)) return spec;
  const out: Array<number | string> = [];
  let state = spec.seed;
  for (let i = 0; i < spec.n; i++) {
    state = (state * MUL) % MOD;
    const u = state / MOD;
    if (spec.categories) out.push(spec.categories[Math.floor(u * spec.categories.length)] as string);
    else out.push(u * (spec.scale ?? 1) + (spec.shift ?? 0));
  }
  return out;
}
