/**
 * CSV parsing off the main thread: each `parse` request is answered with one response of the
 * same id. All logic lives in lib/data/csv-file.ts (shared with the main-thread fallback).
 */
import { answerCsvRequest } from '@/lib/data/csv-file';
import type { CsvWorkerRequest, CsvWorkerResponse } from '@/lib/data/protocol';

// The project's tsconfig uses the DOM lib (where `self` is a Window) and not the webworker lib,
// which conflicts with it; so describe just the part of the worker scope used here.
interface CsvWorkerScope {
  onmessage: ((event: MessageEvent<CsvWorkerRequest>) => void) | null;
  postMessage(message: CsvWorkerResponse): void;
}

const scope = self as unknown as CsvWorkerScope;

scope.onmessage = (event) => {
  void answerCsvRequest(event.data).then((response) => scope.postMessage(response));
};
