import type { DatasetInfo } from '@/lib/data/load';
import { DEFAULT_MLP, validateSpec, type ModelSpec } from '@/lib/ml/model-spec';
import type { BackendRequest, TrainingRequest } from '@/lib/ml/protocol';

/** The train form as the learner edits it: strings where the learner types. */
export interface TrainForm {
  datasetId: string;
  target: string;
  features: string[];
  split: 'time' | 'random';
  model: 'linear' | 'mlp';
  hiddenLayers: string;
  activation: ModelSpec['activation'];
  dropout: string;
  l2: string;
  optimizer: ModelSpec['optimizer'];
  learningRate: string;
  batchSize: string;
  epochs: string;
  patience: string;
  seed: string;
  backend: BackendRequest;
  name: string;
  tags: string;
}

/** The form for a dataset (and optionally a target): its default inputs and split, the course MLP. */
export function formForDataset(info: DatasetInfo, target?: string): TrainForm {
  const chosen = info.targets.find((t) => t.column === target) ?? info.targets[0]!;
  return {
    datasetId: info.id,
    target: chosen.column,
    features: info.features.filter((f) => f !== chosen.column),
    split: info.timeColumn ? 'time' : 'random',
    model: 'mlp',
    hiddenLayers: DEFAULT_MLP.hiddenLayers.join(', '),
    activation: DEFAULT_MLP.activation,
    dropout: String(DEFAULT_MLP.dropout),
    l2: String(DEFAULT_MLP.l2),
    optimizer: DEFAULT_MLP.optimizer,
    learningRate: String(DEFAULT_MLP.learningRate),
    batchSize: String(DEFAULT_MLP.batchSize),
    epochs: String(DEFAULT_MLP.epochs),
    patience: String(DEFAULT_MLP.patience ?? ''),
    seed: String(DEFAULT_MLP.seed),
    backend: 'auto',
    name: '',
    tags: '',
  };
}

/**
 * Applies `?dataset=&target=&model=&lr=&optimizer=&epochs=` (links from lessons) to the defaults.
 * Unknown values are ignored, so a stale link still opens a usable form.
 */
export function formFromParams(datasets: readonly DatasetInfo[], params: URLSearchParams): TrainForm | null {
  const info = datasets.find((d) => d.id === params.get('dataset')) ?? datasets[0];
  if (!info) return null;
  const form = formForDataset(info, params.get('target') ?? undefined);
  const model = params.get('model');
  if (model === 'linear' || model === 'mlp') form.model = model;
  const lr = params.get('lr');
  if (lr && Number(lr) > 0) form.learningRate = lr;
  const optimizer = params.get('optimizer');
  if (optimizer === 'adam' || optimizer === 'sgd' || optimizer === 'rmsprop') form.optimizer = optimizer;
  const epochs = params.get('epochs');
  if (epochs && Number.isInteger(Number(epochs)) && Number(epochs) > 0) form.epochs = epochs;
  // `patience=off` turns early stopping off (a lesson that needs training past the best epoch).
  const patience = params.get('patience');
  if (patience === 'off') form.patience = '';
  else if (patience && Number.isInteger(Number(patience)) && Number(patience) > 0) form.patience = patience;
  return form;
}

/** Parses "stage=baseline, best, lr-sweep" into tags (a bare key gets an empty value). */
export function parseTags(text: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const part of text.split(',')) {
    const [key, ...rest] = part.split('=');
    const k = key!.trim();
    if (k && k !== '__proto__' && k !== 'constructor' && k !== 'prototype') tags[k] = rest.join('=').trim();
  }
  return tags;
}

/** A default run name: model, target, learning rate and time, e.g. "mlp-delay-lr0.01-14:05:09". */
export function defaultRunName(form: TrainForm, at: Date): string {
  return `${form.model}-${form.target}-lr${form.learningRate}-${at.toTimeString().slice(0, 8)}`;
}

/** The request for a form, or the problems to fix (as `label: message` sentences). */
export function requestFromForm(form: TrainForm, info: DatasetInfo, at: Date): { request: TrainingRequest } | { problems: string[] } {
  const task = info.targets.find((t) => t.column === form.target)?.task ?? 'regression';
  const layers = form.hiddenLayers.split(/[,\s]+/).filter(Boolean).map(Number);
  const num = (s: string) => (s.trim() === '' ? NaN : Number(s));
  const spec: ModelSpec = {
    kind: form.model,
    task,
    classes: task === 'classification' ? 2 : 1,
    hiddenLayers: layers,
    activation: form.activation,
    dropout: num(form.dropout),
    l2: num(form.l2),
    optimizer: form.optimizer,
    learningRate: num(form.learningRate),
    batchSize: num(form.batchSize),
    epochs: num(form.epochs),
    patience: form.patience.trim() === '' ? null : num(form.patience),
    seed: Number.isInteger(num(form.seed)) ? num(form.seed) : NaN,
  };
  const problems = validateSpec(spec);
  if (!Number.isInteger(spec.seed)) problems.push('seed: must be a whole number');
  if (form.features.length === 0) problems.push('inputs: pick at least one input column');
  if (problems.length) return { problems };
  return {
    request: {
      experiment: info.id,
      name: form.name.trim() || defaultRunName(form, at),
      tags: parseTags(form.tags),
      notes: '',
      dataset: { id: info.id, kind: info.kind },
      target: form.target,
      features: form.features.filter((f) => f !== form.target),
      split: form.split === 'time' && info.timeColumn ? 'time' : 'random',
      spec,
      backend: form.backend,
    },
  };
}
