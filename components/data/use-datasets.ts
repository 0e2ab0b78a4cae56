'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { builtinInfos, uploadInfo, type DatasetInfo } from '@/lib/data/load';
import { getDatabase } from '@/lib/tracking/db';
import { listUploadedDatasets } from '@/lib/tracking/datasets';

const BUILTIN = builtinInfos();

/**
 * Every dataset the learner can train on: the built-in ones, then uploads (newest first), live
 * across tabs. Uploads are `undefined` until IndexedDB answers, so the list starts with the
 * built-in datasets.
 */
export function useDatasetInfos(): { datasets: DatasetInfo[]; loading: boolean } {
  const uploads = useLiveQuery(() => listUploadedDatasets(getDatabase()).catch(() => []), []);
  return { datasets: [...BUILTIN, ...(uploads ?? []).map(uploadInfo)], loading: uploads === undefined };
}
