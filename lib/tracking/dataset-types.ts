/** An uploaded CSV dataset, kept as its original text (the hash is of that text: its version). */
export interface StoredDataset {
  id: string;
  name: string;
  fileName: string;
  /** SHA-256 hex of the file's text: the dataset's version. */
  hash: string;
  text: string;
  /** Epoch ms. */
  createdAt: number;
  rows: number;
  /** The column the learner picked to predict, and the task that follows from its type. */
  target: string;
  task: 'regression' | 'classification';
  /** Column to split by time, when the file has a datetime column. */
  timeColumn: string | null;
  /** Input columns by default: the usable columns except the target. */
  features: string[];
  /** The parse report shown on the dataset page (malformed rows, per-column counts). */
  report: unknown;
}
