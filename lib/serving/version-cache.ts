import { chooseServingBackend, loadServingModel, type ServingModel } from '../ml/serving-model';
import { loadTf } from '../ml/backends';
import type { TfModule } from '../ml/model';
import type { WorkbenchDatabase } from '../tracking/db';
import type { DataContract } from '../tracking/serving-types';
import { contractFromPreprocessing } from './data-contract';
import { ServingError } from './errors';

/** A model version ready to answer: its loaded model, preprocessing and data contract. */
export interface LoadedVersion {
  model: string;
  version: number;
  contract: DataContract;
  serving: ServingModel;
}

/** Where the cache loads from: tfjs (lazily), the database, and a clock for the backend trial. */
export interface VersionCacheDeps {
  db: WorkbenchDatabase;
  tf?: () => Promise<TfModule>;
  now: () => number;
  /** Skip the backend trial and use this one (tests in Node: 'cpu'). */
  backend?: 'cpu' | 'wasm' | 'webgl';
}

/**
 * The versions an endpoint worker holds in memory, loaded on first use and kept: a canary or an
 * A/B test answers from two at once. The tfjs backend is picked once, by measuring serving speed,
 * before the first model loads (switching later would move every loaded weight).
 */
export class VersionCache {
  private readonly loaded = new Map<string, Promise<LoadedVersion>>();
  private backend: Promise<string> | null = null;

  constructor(private readonly deps: VersionCacheDeps) {}

  /** The backend serving runs on, as the UI names it (picked on first use). */
  async backendLabel(width = 16, outputs = 2): Promise<string> {
    this.backend ??= (async () => {
      const tf = await (this.deps.tf ?? loadTf)();
      if (this.deps.backend) {
        await tf.setBackend(this.deps.backend);
        await tf.ready();
        return this.deps.backend.toUpperCase();
      }
      return (await chooseServingBackend(tf, width, outputs, this.deps.now)).label;
    })();
    return this.backend;
  }

  /** Version `version` of `model`, loading it once. Throws a ServingError naming what is missing. */
  get(model: string, version: number): Promise<LoadedVersion> {
    const key = `${model}@${version}`;
    let entry = this.loaded.get(key);
    if (!entry) {
      entry = this.load(model, version);
      this.loaded.set(key, entry);
      // A failed load is not cached: the next request tries again (the run may be imported by then).
      entry.catch(() => this.loaded.delete(key));
    }
    return entry;
  }

  private async load(model: string, version: number): Promise<LoadedVersion> {
    const row = await this.deps.db.modelVersions.get([model, version]);
    if (!row) throw new ServingError(`Version ${version} of “${model}” does not exist any more.`);
    const tf = await (this.deps.tf ?? loadTf)();
    await this.backendLabel();
    let serving: ServingModel;
    try {
      serving = await loadServingModel(tf, this.deps.db, row.runId);
    } catch (error) {
      throw new ServingError(`Version ${version} of “${model}” cannot serve: ${error instanceof Error ? error.message : String(error)}`);
    }
    return { model, version, contract: row.contract ?? contractFromPreprocessing(serving.prep), serving };
  }

  /** Drops every loaded model (their weights are freed). */
  async clear(): Promise<void> {
    const all = [...this.loaded.values()];
    this.loaded.clear();
    for (const entry of all) {
      try {
        (await entry).serving.dispose();
      } catch {
        // A version that never loaded holds nothing to free.
      }
    }
  }
}
