'use client';

import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { useDatasetInfos } from '@/components/data/use-datasets';
import type { DatasetInfo } from '@/lib/data/load';

/**
 * A workbench form preset from the URL (`?dataset=…&target=…`, as lesson links do), shared by
 * the train and sweep pages. The preset is read once the datasets are known; it waits for the
 * uploads (read from IndexedDB) only when the link names a dataset not among those loaded yet.
 * `form` is null until then; once the learner edits, their form wins over the URL.
 */
export function usePresetForm<F>(fromParams: (datasets: readonly DatasetInfo[], params: URLSearchParams) => F | null): { datasets: DatasetInfo[]; form: F | null; setForm: (form: F) => void } {
  const params = useSearchParams();
  const { datasets, loading } = useDatasetInfos();
  const [edited, setForm] = useState<F | null>(null);
  const wanted = params.get('dataset');
  const ready = !loading || datasets.some((d) => d.id === wanted);
  const form = edited ?? (ready ? fromParams(datasets, new URLSearchParams(params.toString())) : null);
  return { datasets, form, setForm };
}
