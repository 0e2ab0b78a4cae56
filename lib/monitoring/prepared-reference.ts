/**
 * A reference column prepared once (sorted numbers, category counts) and reused by every window
 * judged against it: a 100,000-row reference is not sorted again for each window update.
 */
import { prepare, type PreparedSample } from '../drift';
import type { ReferenceColumn } from './profile-types';

const cache = new WeakMap<ReferenceColumn, PreparedSample>();

/** The prepared form of a reference column (computed on first use, kept while the column lives). */
export function preparedReference(column: ReferenceColumn): PreparedSample {
  let prepared = cache.get(column);
  if (!prepared) cache.set(column, (prepared = prepare(column.values, column.kind)));
  return prepared;
}
