/* Synthetic training matrices for the trainer's tests (not shipped code). */
import { normal, seededRandom } from '../data/random';
import type { Matrix } from './train';

/** Two noisy blobs: class 1 when x0 + x1 > 0. */
export function blobs(rows: number, seed: number): Matrix {
  const r = seededRandom(seed);
  const x = new Float32Array(rows * 2);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    x[2 * i] = normal(r);
    x[2 * i + 1] = normal(r);
    y[i] = x[2 * i]! + x[2 * i + 1]! > 0 ? 1 : 0;
  }
  return { x, y, rows, width: 2 };
}

/** y = 3·x0 − 2·x1 + 5 + noise. */
export function line(rows: number, seed: number, scale = 1): Matrix {
  const r = seededRandom(seed);
  const x = new Float32Array(rows * 2);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    x[2 * i] = normal(r);
    x[2 * i + 1] = normal(r);
    y[i] = scale * (3 * x[2 * i]! - 2 * x[2 * i + 1]! + 5 + 0.1 * normal(r));
  }
  return { x, y, rows, width: 2 };
}

