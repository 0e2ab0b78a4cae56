/** What to train: the learner's choices, validated before a run starts. Plain data (crosses to the worker). */
export interface ModelSpec {
  /** linear: linear regression, or (multinomial) logistic regression for classification. mlp: hidden layers. */
  kind: 'linear' | 'mlp';
  task: 'regression' | 'classification';
  /** Number of classes (≥ 2) for classification; 1 for regression. */
  classes: number;
  /** Units of each hidden layer (mlp only). */
  hiddenLayers: number[];
  activation: 'relu' | 'tanh' | 'sigmoid' | 'elu';
  /** Dropout rate after each hidden layer, 0 ≤ rate < 1. */
  dropout: number;
  /** L2 penalty on kernel weights, ≥ 0. */
  l2: number;
  optimizer: 'sgd' | 'adam' | 'rmsprop';
  learningRate: number;
  batchSize: number;
  epochs: number;
  /** Stop after this many epochs without a better validation loss, keeping the best weights; null: never. */
  patience: number | null;
  seed: number;
}

export const DEFAULT_MLP: ModelSpec = {
  kind: 'mlp',
  task: 'classification',
  classes: 2,
  hiddenLayers: [32, 16],
  activation: 'relu',
  dropout: 0,
  l2: 0,
  optimizer: 'adam',
  learningRate: 0.01,
  batchSize: 64,
  epochs: 20,
  patience: 5,
  seed: 42,
};

/** Problems with a spec, as `field: message` sentences; empty when it can train. */
export function validateSpec(spec: ModelSpec): string[] {
  const problems: string[] = [];
  const positiveInt = (v: number) => Number.isInteger(v) && v > 0;
  if (spec.task === 'classification' && !(Number.isInteger(spec.classes) && spec.classes >= 2)) problems.push('classes: a classification needs at least 2 classes');
  if (spec.task === 'regression' && spec.classes !== 1) problems.push('classes: a regression has exactly 1 output');
  if (spec.kind === 'mlp' && (spec.hiddenLayers.length === 0 || !spec.hiddenLayers.every(positiveInt))) problems.push('hiddenLayers: an MLP needs at least one layer of whole, positive units');
  if (!(spec.dropout >= 0 && spec.dropout < 1)) problems.push('dropout: must be at least 0 and below 1');
  if (!(spec.l2 >= 0)) problems.push('l2: must be 0 or more');
  if (!(spec.learningRate > 0 && Number.isFinite(spec.learningRate))) problems.push('learningRate: must be a positive number');
  if (!positiveInt(spec.batchSize)) problems.push('batchSize: must be a whole number above 0');
  if (!positiveInt(spec.epochs) || spec.epochs > 1000) problems.push('epochs: must be a whole number from 1 to 1,000');
  if (spec.patience !== null && !positiveInt(spec.patience)) problems.push('patience: must be a whole number above 0, or off');
  return problems;
}

/** The learner-facing explanation of a diverged run (NaN or infinite loss). */
export function divergenceHint(spec: ModelSpec): string {
  if (spec.learningRate >= 0.1) return `The learning rate ${spec.learningRate} is very high for this model: the weights overshoot and grow without bound. Try 0.01 or lower.`;
  if (spec.optimizer === 'sgd') return 'Plain SGD diverged: lower the learning rate, or switch to adam, which adapts its steps.';
  return 'The loss grew without bound. Lower the learning rate, check that the inputs are scaled, and look for extreme target values.';
}
