import { describeStorageError } from '../tracking/errors';

/**
 * A registry rule the learner broke (a bad name, an unfinished run, an archived version taking
 * an alias…). Its message is written for the learner and is shown as it is; anything else that
 * fails is a storage problem and is described by `describeStorageError`.
 */
export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegistryError';
  }
}

/** The sentence to show for a failed registry call: the rule broken, or what went wrong with storage. */
export function describeRegistryError(error: unknown): string {
  if (error instanceof RegistryError) return error.message;
  return describeStorageError(error);
}
