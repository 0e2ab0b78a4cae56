'use client';

import { useEffect, useState } from 'react';
import { builtinInfos, loadDataset, type DatasetSources, type LoadedDataset } from '@/lib/data/load';
import { getUploadedDataset } from '@/lib/tracking/datasets';
import { getDatabase } from '@/lib/tracking/db';
import type { StoredDataset } from '@/lib/tracking/dataset-types';

/** Counts the upload's parse report has per column (cells that were missing vs malformed). */
export type ReportCounts = Map<string, { missing: number; malformed: number }>;

export type LoadState =
  | { status: 'no-id' }
  | { status: 'loading' }
  | { status: 'missing'; id: string }
  | { status: 'error'; message: string }
  | { status: 'ready'; dataset: LoadedDataset; reportCounts: ReportCounts | null };

const BUILTIN_IDS = new Set(builtinInfos().map((d) => d.id));

/**
 * Loads the dataset `id` (built-in: fetched from /data; upload: re-parsed from IndexedDB) on the
 * main thread. Unknown ids give `missing`, failures `error` with a readable message.
 */
export function useLoadedDataset(id: string | null): LoadState {
  const [result, setResult] = useState<{ id: string; state: LoadState } | null>(null);
  useEffect(() => {
    if (!id) return;
    let cancelled = false;
    void load(id).then((state) => {
      if (!cancelled) setResult({ id, state });
    });
    return () => {
      cancelled = true;
    };
  }, [id]);
  if (!id) return { status: 'no-id' };
  if (!result || result.id !== id) return { status: 'loading' };
  return result.state;
}

async function load(id: string): Promise<LoadState> {
  const builtin = BUILTIN_IDS.has(id);
  let stored: StoredDataset | undefined;
  let looked = false;
  const sources: DatasetSources = {
    async fetchText(path) {
      const response = await fetch(path);
      if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trim());
      return response.text();
    },
    async readUpload(uploadId) {
      stored = await getUploadedDataset(getDatabase(), uploadId);
      looked = true;
      return stored;
    },
  };
  try {
    const dataset = await loadDataset({ id, kind: builtin ? 'builtin' : 'upload' }, sources);
    return { status: 'ready', dataset, reportCounts: builtin ? null : reportCounts(stored?.report) };
  } catch (error) {
    if (!builtin && looked && stored === undefined) return { status: 'missing', id };
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'error', message: builtin || looked ? message : `This browser’s storage could not be read (${message}).` };
  }
}

/**
 * Per-column missing/malformed counts from a stored parse report (typed `unknown` in storage:
 * checked field by field, so an old or odd record just yields no counts).
 */
export function reportCounts(report: unknown): ReportCounts | null {
  if (typeof report !== 'object' || report === null) return null;
  const columns = (report as { columns?: unknown }).columns;
  if (!Array.isArray(columns)) return null;
  const counts: ReportCounts = new Map();
  for (const c of columns as unknown[]) {
    if (typeof c !== 'object' || c === null) continue;
    const { name, missing, malformed } = c as { name?: unknown; missing?: unknown; malformed?: unknown };
    if (typeof name === 'string' && typeof missing === 'number' && typeof malformed === 'number') counts.set(name, { missing, malformed });
  }
  return counts;
}
