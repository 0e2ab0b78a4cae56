import type { ParsedCsvFile } from '@/lib/data/csv-file';
import type { CsvMethods } from '@/lib/data/protocol';
import { createRpcClient, type RpcWorkerLike } from '@/lib/worker-rpc';

/** Parses uploaded CSV files off the main thread when it can. */
export interface CsvParser {
  /** Resolves with the parse result (which may be `ok: false`); rejects only when reading the file fails. */
  parse(file: File): Promise<ParsedCsvFile>;
  /** Whether parsing runs in a Web Worker (false: the main-thread fallback). */
  readonly inWorker: boolean;
  /** Stops the worker; pending parses are abandoned. */
  dispose(): void;
}

function startWorker(): RpcWorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  // Turbopack bundles the worker from this exact expression; the path is relative to this file.
  return new Worker(new URL('../../workers/csv.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * A parser backed by `workers/csv.worker.ts`. Falls back to the main thread when `Worker` is
 * missing, its construction throws, or the worker fails to load or crashes (pending files are
 * then parsed on the main thread, so every call still settles).
 */
export function createCsvParser(spawn: () => RpcWorkerLike | null = startWorker): CsvParser {
  const client = createRpcClient<CsvMethods>({
    name: 'the CSV worker',
    spawn,
    fallback: () => import('@/lib/data/csv-file').then(({ csvHandlers }) => csvHandlers),
    onCrash: 'fallback',
  });
  return {
    get inWorker() {
      return !client.onMainThread;
    },
    parse: (file) => client.call('parse', { file, name: file.name }).result,
    dispose: () => client.terminate(),
  };
}
