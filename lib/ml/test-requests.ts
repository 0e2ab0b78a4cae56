/* Training requests for tests (not shipped code). */
import { DEFAULT_MLP } from './model-spec';
import type { TrainingRequest } from './protocol';

/** A small regression of flights `delay` on distance, on the CPU; `epochs` and the name as given. */
export function flightsDelayRequest(name: string, epochs: number): TrainingRequest {
  return {
    experiment: 'flights',
    name,
    tags: {},
    notes: '',
    dataset: { id: 'flights', kind: 'builtin' },
    target: 'delay',
    features: ['distance'],
    split: 'time',
    spec: { ...DEFAULT_MLP, task: 'regression', classes: 1, epochs },
    backend: 'cpu',
  };
}
