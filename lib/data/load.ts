import { BUILTIN_DATASETS, builtinDataset, type Task } from './datasets/catalog';
import { contentHash } from './hash';
import { parseCsv } from './csv';
import type { DataTable } from './table';

/** What the trainer and the pages need to know about a dataset, built in or uploaded. */
export interface DatasetInfo {
  id: string;
  kind: 'builtin' | 'upload';
  name: string;
  description: string;
  targets: Array<{ column: string; task: Task; description: string }>;
  /** Default input columns. */
  features: string[];
  /** Column a time split orders by; null: only a random split makes sense. */
  timeColumn: string | null;
}

export interface LoadedDataset {
  info: DatasetInfo;
  table: DataTable;
  /** SHA-256 hex of the file's text: the dataset's version. */
  hash: string;
}

/** The fields of an uploaded dataset that loading needs (stored in IndexedDB by lib/tracking). */
export interface UploadedDatasetSource {
  id: string;
  name: string;
  fileName: string;
  text: string;
  hash: string;
  target: string;
  task: Task;
  timeColumn: string | null;
  features: string[];
  rows: number;
}

/** How files are fetched: injected, so workers, pages and tests load the same way. */
export interface DatasetSources {
  fetchText(path: string): Promise<string>;
  readUpload(id: string): Promise<UploadedDatasetSource | undefined>;
}

/** Reads a built-in dataset file over HTTP (from this site's `/data`); throws on a non-2xx answer. */
export async function fetchText(path: string): Promise<string> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

/** Describes the built-in datasets and an uploaded one alike. */
export function builtinInfos(): DatasetInfo[] {
  return BUILTIN_DATASETS.map((d) => ({ id: d.id, kind: 'builtin', name: d.name, description: d.description, targets: d.targets, features: d.features, timeColumn: d.timeColumn ?? null }));
}

/** The `DatasetInfo` of an uploaded dataset. */
export function uploadInfo(upload: Omit<UploadedDatasetSource, 'text'>): DatasetInfo {
  return {
    id: upload.id,
    kind: 'upload',
    name: upload.name,
    description: `Uploaded from ${upload.fileName}: ${upload.rows.toLocaleString('en-US')} rows.`,
    targets: [{ column: upload.target, task: upload.task, description: `${upload.task === 'regression' ? 'a number' : 'a class'} from your file` }],
    features: upload.features,
    timeColumn: upload.timeColumn,
  };
}

/**
 * Loads a dataset as a table with its content hash. Built-in files are fetched from `/data`;
 * uploads are re-parsed from their stored text (the same parser, so the same table).
 * Throws a learner-facing message when the dataset is unknown or unreadable.
 */
export async function loadDataset(ref: { id: string; kind: 'builtin' | 'upload' }, sources: DatasetSources): Promise<LoadedDataset> {
  if (ref.kind === 'builtin') {
    const dataset = builtinDataset(ref.id);
    if (!dataset) throw new Error(`There is no built-in dataset "${ref.id}".`);
    let text: string;
    try {
      text = await sources.fetchText(dataset.file);
    } catch (error) {
      throw new Error(`Could not load ${dataset.name} (${dataset.file}): ${error instanceof Error ? error.message : String(error)}`);
    }
    const info = builtinInfos().find((d) => d.id === ref.id)!;
    return { info, table: dataset.parse(text), hash: await contentHash(text) };
  }
  const upload = await sources.readUpload(ref.id);
  if (!upload) throw new Error('This uploaded dataset is no longer stored in this browser. Upload the file again.');
  const parsed = parseCsv(upload.text, { fileName: upload.fileName });
  if (!parsed.ok) throw new Error(parsed.error);
  return { info: uploadInfo(upload), table: parsed.table, hash: upload.hash };
}
