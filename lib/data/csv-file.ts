/**
 * Reading an uploaded CSV `Blob`/`File` end to end: size check, text, parse, content hash.
 * Shared by the CSV worker and the main-thread fallback so both behave identically.
 */
import { checkCsvSize, parseCsv, type CsvParseResult } from './csv';
import { contentHash } from './hash';
import type { RpcHandlers } from '../worker-rpc/server';
import type { CsvMethods } from './protocol';

export interface ParsedCsvFile {
  result: CsvParseResult;
  /**
   * SHA-256 hex of the file's text — the dataset version. Null when the file was refused or did
   * not parse (no version to record).
   */
  hash: string | null;
}

/**
 * Parses an uploaded file. Checks `file.size` against `CSV_MAX_BYTES` *before* reading, so an
 * oversized file is refused without loading it into memory; then reads it as UTF-8 text,
 * parses it with `parseCsv` (the name goes into the report) and hashes the text with
 * `contentHash`. Rejects only if reading the blob itself fails.
 */
export async function parseCsvFile(file: Blob, name: string): Promise<ParsedCsvFile> {
  const tooLarge = checkCsvSize(file.size);
  if (tooLarge) return { result: { ok: false, error: tooLarge }, hash: null };
  const text = await file.text();
  const result = parseCsv(text, { fileName: name });
  return { result, hash: result.ok ? await contentHash(text) : null };
}

/** The CSV worker's handlers (and the main-thread fallback's): a read failure becomes the call's error. */
export const csvHandlers: RpcHandlers<CsvMethods> = {
  parse: ({ file, name }) => parseCsvFile(file, name),
};
