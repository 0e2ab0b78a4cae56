import type * as Tf from '@tensorflow/tfjs';
import { argMax } from './evaluate';
import { accuracy, mae } from './metrics';
import type { TfModule } from './model';
import type { ModelSpec } from './model-spec';
import { predict, type Matrix } from './train-types';

/** tfjs's history names → the workbench's one name per metric. */
const NAMES: Readonly<Record<string, string>> = { acc: 'accuracy', val_acc: 'val_accuracy' };

/**
 * The metrics of one finished epoch: tfjs's training `loss` and `accuracy` or `mae` (running
 * means over the epoch's batches, as Keras logs them), and the validation figures measured here
 * from ONE prediction of the validation rows: `val_loss` (tfjs's own definition, see
 * `validationLoss`) and `val_accuracy` or `val_mae`, by the very functions the final evaluation
 * uses. So the saved model's validation figures equal its epoch's to the last bit, and the
 * validation rows are predicted once per epoch, not twice (tfjs's `validationData` is not used).
 */
export function epochMetrics(tf: TfModule, model: Tf.LayersModel, spec: ModelSpec, history: Record<string, ReadonlyArray<number | Tf.Tensor>>, validation: Matrix | null): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const [key, values] of Object.entries(history)) metrics[NAMES[key] ?? key] = Number(values.at(-1));
  if (validation && validation.rows > 0 && Number.isFinite(metrics.loss ?? NaN)) Object.assign(metrics, validationFigure(tf, model, spec, validation));
  return metrics;
}

function validationFigure(tf: TfModule, model: Tf.LayersModel, spec: ModelSpec, data: Matrix): Record<string, number> {
  const out = predict(tf, model, data.x, data.rows, data.width);
  if (spec.task === 'regression') return { val_loss: validationLoss(spec, data.y, out), val_mae: mae(data.y, out) };
  const k = spec.classes;
  const predicted = Array.from({ length: data.rows }, (_, i) => argMax(out.subarray(i * k, (i + 1) * k)));
  return { val_loss: validationLoss(spec, data.y, out), val_accuracy: accuracy(data.y, predicted) };
}

/** tfjs-layers' clip for probabilities in cross-entropy (`backend.epsilon()`). */
const TFJS_EPSILON = 1e-7;

/**
 * The validation loss as tfjs-layers' test function computes it (no regularisation term): mean
 * squared error for regression; for classification the mean categorical cross-entropy of each
 * row's probabilities, renormalised to sum to 1 and clipped to [1e-7, 1 − 1e-7]. In float64, so
 * it matches tfjs's float32 batch averages to about 6 digits.
 *
 * @param out one value per row (regression) or `spec.classes` probabilities per row
 */
export function validationLoss(spec: ModelSpec, y: ArrayLike<number>, out: Float32Array): number {
  let sum = 0;
  if (spec.task === 'regression') {
    for (let i = 0; i < y.length; i++) sum += (out[i]! - y[i]!) ** 2;
    return sum / y.length;
  }
  const k = spec.classes;
  for (let i = 0; i < y.length; i++) {
    let total = 0;
    for (let c = 0; c < k; c++) total += out[i * k + c]!;
    const p = Math.min(1 - TFJS_EPSILON, Math.max(TFJS_EPSILON, out[i * k + y[i]!]! / total));
    sum -= Math.log(p);
  }
  return sum / y.length;
}
