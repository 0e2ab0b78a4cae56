/**
 * The model registry's records. A registered model is a name; each `register` adds version
 * N+1 pointing at one run's stored model. Aliases (`champion`, `challenger`, …) point at one
 * version of a model each and can be moved; every move is kept as an `AliasEvent`.
 */
import type { DataContract } from './serving-types';

/** A named model: its versions live in `ModelVersion` rows, its aliases here. */
export interface RegisteredModel {
  /** Unique, 1–64 chars of letters, digits, `-`, `_`, `.`; the primary key. */
  name: string;
  description: string;
  tags: Record<string, string>;
  /** alias (without `@`) → version number it points at now. */
  aliases: Record<string, number>;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
}

/** Version N of a model: one run's stored model, frozen at registration. */
export interface ModelVersion {
  name: string;
  /** 1, 2, 3… per model, never reused (not even after archiving). */
  version: number;
  runId: string;
  description: string;
  tags: Record<string, string>;
  /** Epoch ms. */
  createdAt: number;
  /** Archived versions stay (lineage, history) but cannot hold an alias. */
  archived: boolean;
  archivedAt: number | null;
  /** Lineage, copied from the run at registration so it survives the run's deletion. */
  dataset: { id: string; hash: string; split: string };
  task: string;
  target: string;
  /**
   * The saved model's metrics at registration: validation and test figures with their baselines
   * (`val_rmse`, `baseline_val_rmse`, `test_auc`…; see `savedModelMetrics`). Versions registered
   * before saved metrics existed hold the run's best validation metrics.
   */
  metrics: Record<string, number>;
  /** The data contract of the model's inputs and output; absent on versions registered before signatures. */
  signature?: ModelSignature;
  /**
   * What its training data looked like (types, ranges, categories, missing rates), copied from the
   * run's contract.json; absent on versions of runs trained before contracts (serving rebuilds one
   * from the preprocessing: `versionContract` in lib/serving/data-contract.ts).
   */
  contract?: DataContract;
}

/**
 * What a model takes and gives: every version of one registered model shares it, so a version
 * can replace another behind the same callers (and be compared on the same metrics).
 */
export interface ModelSignature {
  task: 'regression' | 'classification';
  target: string;
  /** Input columns in order, with how the model reads them. */
  inputs: Array<{ name: string; type: 'number' | 'category' }>;
  /** Classification only: the classes it answers, in output order; empty for regression. */
  classes: string[];
}

/** One alias change: `version` took the alias from `previousVersion` (null when newly set or removed). */
export interface AliasEvent {
  /** Unique id (uuid), so bundles can merge histories idempotently. */
  id: string;
  name: string;
  /** Without `@`, e.g. `champion`. */
  alias: string;
  /** The version that holds the alias after this event; null when the alias was removed. */
  version: number | null;
  previousVersion: number | null;
  /** Epoch ms. */
  at: number;
  /** Who moved it: `you` by hand; later levels name their pipeline. */
  actor: string;
  /** Why, in the learner's words (optional). */
  reason: string;
}
