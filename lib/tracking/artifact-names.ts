/**
 * The names of the artifacts a run stores, in one place: the trainer writes them, the run page,
 * the registry and the model package read them, and the package ships some as files of the same
 * name.
 */
export const ARTIFACTS = {
  /** tfjs topology and weight manifest. */
  model: 'model.json',
  /** All weights, concatenated in manifest order. */
  weights: 'weights.bin',
  /** The fitted preprocessing with the target, task and class names. */
  preprocessing: 'preprocessing.json',
  /** The data contract inferred from the training split (lib/serving/data-contract.ts). */
  contract: 'contract.json',
  /** Validation and test metrics against the baseline. */
  evaluation: 'evaluation.json',
  /** How the training went: backend, notes, epochs, speed. */
  training: 'training.json',
  /** On a sweep's parent run: the sweep's summary. */
  sweep: 'sweep.json',
} as const;
