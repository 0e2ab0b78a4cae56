import type { RunFilterError } from '@/lib/tracking/run-filter';

/**
 * A filter split around its error, to draw the offending part marked. An error at the end
 * (length 0) marks nothing: the UI draws a caret after `before`.
 */
export function splitAtError(text: string, error: RunFilterError): { before: string; marked: string; after: string } {
  const start = Math.max(0, Math.min(text.length, error.position));
  const end = Math.max(start, Math.min(text.length, start + error.length));
  return { before: text.slice(0, start), marked: text.slice(start, end), after: text.slice(end) };
}
