import type { ParamValue } from '../tracking/run-types';
import type { TrainingRequest } from './protocol';

/**
 * The run's params: every choice that shapes the model, flat (so runs compare key by key).
 * The backend is not a param: it is recorded apart, as what actually ran.
 */
export function runParams(request: TrainingRequest): Record<string, ParamValue> {
  const { spec } = request;
  return {
    task: spec.task,
    target: request.target,
    features: request.features.join(','),
    split: request.split,
    model: spec.kind,
    hiddenLayers: spec.kind === 'mlp' ? spec.hiddenLayers.join('-') : '',
    activation: spec.activation,
    dropout: spec.dropout,
    l2: spec.l2,
    optimizer: spec.optimizer,
    learningRate: spec.learningRate,
    batchSize: spec.batchSize,
    epochs: spec.epochs,
    patience: spec.patience ?? 'off',
    seed: spec.seed,
  };
}
