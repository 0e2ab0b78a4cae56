import type * as Tf from '@tensorflow/tfjs';
import { argMax } from './evaluate';
import { accuracy, mae } from './metrics';
import type { TfModule } from './model';
import type { ModelSpec } from './model-spec';
import { predict, type Matrix } from './train-types';

/** tfjs's history names → the workbench's one name per metric. */
const NAMES: Readonly<Record<string, string>> = { acc: 'accuracy', val_acc: 'val_accuracy' };

/**
 * The metrics of one finished epoch: tfjs's `loss` and `val_loss` and the training `accuracy`
 * or `mae` (running means over the epoch's batches, as Keras logs them), and the validation
 * `val_accuracy` or `val_mae` measured here on the model's predictions, by the very functions the
 * final evaluation uses. So the saved model's validation figure equals its epoch's, to the last
 * bit (tfjs's own float32 batch averages would differ in the 7th digit).
 */
export function epochMetrics(tf: TfModule, model: Tf.LayersModel, spec: ModelSpec, history: Record<string, ReadonlyArray<number | Tf.Tensor>>, validation: Matrix | null): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const [key, values] of Object.entries(history)) metrics[NAMES[key] ?? key] = Number(values.at(-1));
  if (validation && validation.rows > 0 && Number.isFinite(metrics.loss ?? NaN)) Object.assign(metrics, validationFigure(tf, model, spec, validation));
  return metrics;
}

function validationFigure(tf: TfModule, model: Tf.LayersModel, spec: ModelSpec, data: Matrix): Record<string, number> {
  const out = predict(tf, model, data.x, data.rows, data.width);
  if (spec.task === 'regression') return { val_mae: mae(data.y, out) };
  const k = spec.classes;
  const predicted = Array.from({ length: data.rows }, (_, i) => argMax(out.subarray(i * k, (i + 1) * k)));
  return { val_accuracy: accuracy(data.y, predicted) };
}
