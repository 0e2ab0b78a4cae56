import { describeStorageError } from '../tracking/errors';

/**
 * A serving rule the learner broke (a bad endpoint name, a version that cannot serve, a change to
 * a stopped endpoint). Its message is written for the learner and shown as it is; anything else is
 * a storage problem, described by `describeStorageError`.
 */
export class ServingError extends Error {
  override name = 'ServingError';
}

/** The sentence to show for a failed serving call. */
export function describeServingError(error: unknown): string {
  if (error instanceof ServingError) return error.message;
  return describeStorageError(error);
}
