/** A point of a line chart: `x` ascending (e.g. step or epoch), `y` the value. */
export interface Point {
  x: number;
  y: number;
}

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): keeps the first and last
 * points and, from each of `threshold - 2` equal buckets in between, the point that forms the
 * largest triangle with the previously kept point and the average of the next bucket. Keeps
 * peaks and dips that plain striding would drop.
 *
 * Edge cases: returns a copy of the input when it already has ≤ `threshold` points or when
 * `threshold` < 3; non-finite `y` values (NaN loss) are kept out of the averages but a bucket
 * of only non-finite points still yields its first point, so a divergence stays visible.
 *
 * @param points sorted by `x`
 * @param threshold the most points to return (e.g. 1,000 per chart line)
 */
export function lttb(points: readonly Point[], threshold: number): Point[] {
  const n = points.length;
  if (threshold >= n || threshold < 3) return points.slice();
  const sampled: Point[] = [points[0]!];
  const bucketSize = (n - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    const start = Math.floor(i * bucketSize) + 1;
    const end = Math.min(Math.floor((i + 1) * bucketSize) + 1, n - 1);
    // Average of the next bucket (the last point for the final bucket).
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((i + 2) * bucketSize) + 1, n);
    let avgX = 0;
    let avgY = 0;
    let count = 0;
    for (let j = nextStart; j < nextEnd; j++) {
      const p = points[j]!;
      if (!Number.isFinite(p.y)) continue;
      avgX += p.x;
      avgY += p.y;
      count++;
    }
    if (count === 0) {
      const last = points[Math.min(nextStart, n - 1)]!;
      avgX = last.x;
      avgY = Number.isFinite(last.y) ? last.y : 0;
    } else {
      avgX /= count;
      avgY /= count;
    }
    const pa = points[a]!;
    const ay = Number.isFinite(pa.y) ? pa.y : avgY;
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      const p = points[j]!;
      if (!Number.isFinite(p.y)) continue;
      const area = Math.abs((pa.x - avgX) * (p.y - ay) - (pa.x - p.x) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    sampled.push(points[best]!);
    a = best;
  }
  sampled.push(points[n - 1]!);
  return sampled;
}
