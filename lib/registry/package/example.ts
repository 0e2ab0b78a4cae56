import type { StoredPreprocessing } from '../../ml/predictor';
import { code } from './markdown';

/** A `POST /predict` body in the MLOps-Marathon contract. */
export interface PredictRequest {
  id: string;
  columns: string[];
  rows: Array<Array<number | string | null>>;
}

/**
 * An example request for the model: the raw input columns in order and two rows. The first holds
 * typical training values (each numeric column's training mean, each categorical column's most
 * frequent training value); the second leaves its first column missing (null), which the server
 * imputes as training did. Used by the README and the model card, so the example always fits.
 */
export function exampleRequest(prep: StoredPreprocessing): PredictRequest {
  const columns = prep.encoders.map((e) => e.column);
  const typical = prep.encoders.map((e) => (e.kind === 'numeric' ? Number(e.mean.toPrecision(4)) : (e.mode ?? e.categories[0] ?? null)));
  return { id: 'example-1', columns, rows: [typical, typical.map((v, i) => (i === 0 ? null : v))] };
}

/** `s` as one single-quoted POSIX shell word (a `'` inside becomes `'\''`). */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A curl command that posts the example request to a server on localhost. */
export function curlPredict(prep: StoredPreprocessing, port = 8080): string {
  return `curl -s -X POST http://localhost:${port}/predict -H 'content-type: application/json' \\\n  -d ${shellQuote(JSON.stringify(exampleRequest(prep)))}`;
}

/** What the `predictions` of a response hold, in markdown words. */
export function predictionsInWords(prep: StoredPreprocessing): string {
  if (prep.task === 'regression') return `one number per row: the predicted ${code(prep.target)}`;
  return `one label per row, the most probable of ${prep.classNames.map(code).join(', ')}; \`classes\` lists the labels and \`probabilities\` holds one row of class probabilities per input row, in that order`;
}
