import type * as Tf from '@tensorflow/tfjs';
import type { ModelSpec } from './model-spec';

/** The tfjs module, passed in so callers (the worker) decide when it loads. */
export type TfModule = typeof Tf;

/**
 * Builds and compiles the model for a spec. Every initialiser and dropout layer is seeded from
 * `spec.seed`, so the same spec on the same backend starts from the same weights.
 * Classification uses a softmax output over `classes` units with categorical cross-entropy;
 * regression a single linear unit with mean squared error.
 */
export function buildModel(tf: TfModule, spec: ModelSpec, inputWidth: number): Tf.Sequential {
  const model = tf.sequential();
  const regularizer = spec.l2 > 0 ? tf.regularizers.l2({ l2: spec.l2 }) : undefined;
  let seed = spec.seed;
  const kernel = () => tf.initializers.glorotUniform({ seed: seed++ });
  const hidden = spec.kind === 'mlp' ? spec.hiddenLayers : [];
  hidden.forEach((units, i) => {
    model.add(
      tf.layers.dense({
        units,
        activation: spec.activation,
        kernelInitializer: kernel(),
        kernelRegularizer: regularizer,
        ...(i === 0 ? { inputShape: [inputWidth] } : {}),
      }),
    );
    if (spec.dropout > 0) model.add(tf.layers.dropout({ rate: spec.dropout, seed: seed++ }));
  });
  const classification = spec.task === 'classification';
  model.add(
    tf.layers.dense({
      units: classification ? spec.classes : 1,
      activation: classification ? 'softmax' : 'linear',
      kernelInitializer: kernel(),
      kernelRegularizer: regularizer,
      ...(hidden.length === 0 ? { inputShape: [inputWidth] } : {}),
    }),
  );
  model.compile({
    optimizer: makeOptimizer(tf, spec),
    loss: classification ? 'categoricalCrossentropy' : 'meanSquaredError',
    metrics: classification ? ['accuracy'] : ['mae'],
  });
  return model;
}

function makeOptimizer(tf: TfModule, spec: ModelSpec): Tf.Optimizer {
  if (spec.optimizer === 'sgd') return tf.train.sgd(spec.learningRate);
  if (spec.optimizer === 'rmsprop') return tf.train.rmsprop(spec.learningRate);
  return tf.train.adam(spec.learningRate);
}
