/**
 * The CSV worker's protocol (`workers/csv.worker.ts`, served by `csvHandlers`): parse one uploaded
 * file. A `File` is a `Blob`, and structured-clones without copying its bytes.
 */
import type { ParsedCsvFile } from './csv-file';
import type { RpcMethod } from '../worker-rpc/protocol';

export type CsvMethods = {
  /** The parse result (which may itself be `ok: false`: a bad CSV) and the dataset version; fails only when reading the file fails. */
  parse: RpcMethod<{ file: Blob; name: string }, never, ParsedCsvFile>;
};
