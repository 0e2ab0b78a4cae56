/**
 * Typed messages between the page and `workers/csv.worker.ts`. `id` pairs a response with its
 * request so a caller can ignore answers to uploads it has since replaced.
 */
import type { ParsedCsvFile } from './csv-file';

/** Page → worker: parse this file. `File` is a `Blob`, and structured-clones without copying its bytes. */
export interface CsvParseRequest {
  type: 'parse';
  id: number;
  file: Blob;
  name: string;
}

export type CsvWorkerRequest = CsvParseRequest;

/** Worker → page: the parse result (which may itself be `ok: false`) and the dataset version. */
export type CsvParsedResponse = { type: 'parsed'; id: number } & ParsedCsvFile;

/** Worker → page: reading the file failed unexpectedly (not a bad CSV: that is a `parsed` result). */
export interface CsvErrorResponse {
  type: 'error';
  id: number;
  message: string;
}

export type CsvWorkerResponse = CsvParsedResponse | CsvErrorResponse;
