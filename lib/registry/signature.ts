import type { ModelSignature, ModelVersion } from '../tracking/registry-types';

/** What a run's preprocessing.json says about its model's inputs and output. */
export interface PreprocessingFacts {
  task?: unknown;
  target?: unknown;
  classNames?: unknown;
  encoders?: unknown;
}

/**
 * A model's signature from its preprocessing.json: task, target, the input columns in order
 * (one-hot encoded columns read categories, the others numbers) and, for a classifier, its
 * classes. Null when the file lacks any of them (a run recorded by an older workbench).
 */
export function signatureOf(prep: PreprocessingFacts | undefined): ModelSignature | null {
  if (!prep || (prep.task !== 'regression' && prep.task !== 'classification') || typeof prep.target !== 'string' || !Array.isArray(prep.encoders)) return null;
  const inputs: ModelSignature['inputs'] = [];
  for (const encoder of prep.encoders as Array<{ kind?: unknown; column?: unknown }>) {
    if (typeof encoder?.column !== 'string') return null;
    inputs.push({ name: encoder.column, type: encoder.kind === 'onehot' ? 'category' : 'number' });
  }
  const classes = prep.task === 'classification' && Array.isArray(prep.classNames) ? prep.classNames.map(String) : [];
  return { task: prep.task, target: prep.target, inputs, classes };
}

/** How a signature reads in one line: "classification of `delayed` from distance (number), origin (category)". */
export function describeSignature(s: ModelSignature): string {
  const inputs = s.inputs.map((i) => `${i.name} (${i.type})`).join(', ');
  return `${s.task} of “${s.target}”${s.classes.length ? ` into ${s.classes.join(' / ')}` : ''} from ${inputs || 'no inputs'}`;
}

/**
 * Why a version with signature `incoming` cannot join a model whose versions have `existing`;
 * null when they match. Inputs must be the same columns with the same types in the same order
 * (callers send rows by position), a classifier the same classes in the same order.
 * Either side may come from before signatures (a version, or a run's params): then only task and
 * target are compared.
 */
export function signatureMismatch(existing: ModelSignature | Pick<ModelVersion, 'task' | 'target'>, incoming: ModelSignature | Pick<ModelVersion, 'task' | 'target'>, modelName: string): string | null {
  const lead = `${modelName} takes a different model:`;
  if (existing.task && existing.task !== incoming.task) return `${lead} its versions are ${article(existing.task)} ${existing.task} (target “${existing.target}”), this run is ${article(incoming.task)} ${incoming.task} (target “${incoming.target}”). Register it under another name; comparing log loss with squared error means nothing.`;
  if (existing.target && existing.target !== incoming.target) return `${lead} its versions predict “${existing.target}”, this run predicts “${incoming.target}”. Register it under another name.`;
  if (!('inputs' in existing) || !('inputs' in incoming)) return null;
  const names = (s: ModelSignature) => s.inputs.map((i) => `${i.name}:${i.type}`).join(', ');
  if (names(existing) !== names(incoming)) {
    const missing = existing.inputs.filter((i) => !incoming.inputs.some((j) => j.name === i.name)).map((i) => i.name);
    const extra = incoming.inputs.filter((i) => !existing.inputs.some((j) => j.name === i.name)).map((i) => i.name);
    const detail = [missing.length ? `lacks ${missing.join(', ')}` : '', extra.length ? `adds ${extra.join(', ')}` : '', !missing.length && !extra.length ? 'orders or types them differently' : ''].filter(Boolean).join(' and ');
    return `${lead} its inputs are ${names(existing)}; this run ${detail}. Callers of ${modelName} send the first set, so register this run under another name.`;
  }
  if (existing.classes.join('\u0000') !== incoming.classes.join('\u0000')) return `${lead} its classes are ${existing.classes.join(', ')}; this run's are ${incoming.classes.join(', ')}. Register it under another name.`;
  return null;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
