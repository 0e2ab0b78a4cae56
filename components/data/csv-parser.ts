import type { ParsedCsvFile } from '@/lib/data/csv-file';
import type { CsvWorkerRequest, CsvWorkerResponse } from '@/lib/data/protocol';

/** Parses uploaded CSV files off the main thread when it can. */
export interface CsvParser {
  /** Resolves with the parse result (which may be `ok: false`); rejects only when reading the file fails. */
  parse(file: File): Promise<ParsedCsvFile>;
  /** Whether parsing runs in a Web Worker (false: the main-thread fallback). */
  readonly inWorker: boolean;
  /** Stops the worker; pending parses are abandoned. */
  dispose(): void;
}

interface Pending {
  file: File;
  resolve: (value: ParsedCsvFile) => void;
  reject: (error: Error) => void;
}

/** The same code as the worker, on the main thread (loaded only when needed). */
async function parseOnMainThread(file: File): Promise<ParsedCsvFile> {
  const { parseCsvFile } = await import('@/lib/data/csv-file');
  return parseCsvFile(file, file.name);
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    // Turbopack bundles the worker from this exact expression; the path is relative to this file.
    return new Worker(new URL('../../workers/csv.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/**
 * A parser backed by `workers/csv.worker.ts`. Falls back to the main thread when `Worker` is
 * missing, its construction throws, or the worker fails to load or crashes (pending files are
 * then parsed on the main thread, so every call still settles).
 */
export function createCsvParser(): CsvParser {
  let worker = startWorker();
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const fallBack = () => {
    worker?.terminate();
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) parseOnMainThread(p.file).then(p.resolve, (e: unknown) => p.reject(toError(e)));
  };

  if (worker) {
    worker.onmessage = (event: MessageEvent<CsvWorkerResponse>) => {
      const response = event.data;
      const p = pending.get(response.id);
      if (!p) return;
      pending.delete(response.id);
      if (response.type === 'error') p.reject(new Error(response.message));
      else p.resolve({ result: response.result, hash: response.hash });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      fallBack();
    };
    worker.onmessageerror = () => fallBack();
  }

  return {
    get inWorker() {
      return worker !== null;
    },
    parse(file) {
      if (!worker) return parseOnMainThread(file);
      const id = nextId++;
      const request: CsvWorkerRequest = { type: 'parse', id, file, name: file.name };
      return new Promise<ParsedCsvFile>((resolve, reject) => {
        pending.set(id, { file, resolve, reject });
        try {
          worker!.postMessage(request);
        } catch {
          fallBack();
        }
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
