import type * as Tf from '@tensorflow/tfjs';
import type { TfModule } from './model';

/** Rows × width inputs (row-major) and one target per row (a value, or a class index). */
export interface Matrix {
  x: Float32Array;
  y: Float32Array;
  rows: number;
  width: number;
}

/** Predictions for `rows` inputs: one value per row (regression) or `classes` probabilities per row. */
export function predict(tf: TfModule, model: Tf.LayersModel, x: Float32Array, rows: number, width: number): Float32Array {
  return tf.tidy(() => (model.predict(tf.tensor2d(x, [rows, width])) as Tf.Tensor).dataSync() as Float32Array);
}
