import type { WorkbenchDatabase } from '../db';
import { describeStorageError } from '../errors';
import { NOTHING_CHANGED, totalCount, type BundleCounts } from './format';
import { parseBundle, type DecodedBundle, type ParseOptions } from './parse';
import { BundleCollisionError, bundleTables, planImport, writePlan, type ImportPlan } from './plan';

export type ImportOutcome =
  | { ok: true; added: BundleCounts; updated: BundleCounts; skipped: BundleCounts; summary: string }
  | { ok: false; reason: 'invalid' | 'collision' | 'storage'; error: string };

/**
 * What importing `bundle` would do now, without writing: counts of records added, updated
 * (merged models, progress) and skipped (already here), or the collisions that would refuse it.
 * Reads in one transaction. Never throws.
 */
export async function previewBundleImport(db: WorkbenchDatabase, bundle: DecodedBundle, now: number): Promise<ImportOutcome> {
  try {
    const plan = await db.transaction('r', bundleTables(db), () => planImport(db, bundle, now));
    return success(plan);
  } catch (error) {
    return failure(error);
  }
}

/**
 * Imports a validated bundle: plans again (the database may have changed since a preview) and
 * writes every new or merged record, all in ONE read-write transaction. Any collision or write
 * failure (a full disk) aborts the transaction, so either everything is written or nothing.
 * New records are `add`ed, never `put`, so nothing existing can be overwritten by accident;
 * only merged models and progress rows are replaced (see `merge.ts`). Never throws.
 */
export async function applyBundle(db: WorkbenchDatabase, bundle: DecodedBundle, now: number): Promise<ImportOutcome> {
  try {
    const plan = await db.transaction('rw', bundleTables(db), async () => {
      const p = await planImport(db, bundle, now);
      await writePlan(db, p);
      return p;
    });
    return success(plan);
  } catch (error) {
    return failure(error);
  }
}

/**
 * Validates bundle text (`parseBundle`) and imports it (`applyBundle`): all-or-nothing and
 * idempotent — importing the same file again adds nothing. Never throws; refusals say why and
 * that nothing was changed.
 */
export async function importBundle(db: WorkbenchDatabase, text: string, now: number, options: ParseOptions = {}): Promise<ImportOutcome> {
  const parsed = parseBundle(text, options);
  if (!parsed.ok) return { ok: false, reason: 'invalid', error: parsed.error };
  return applyBundle(db, parsed.bundle, now);
}

function success(plan: ImportPlan): ImportOutcome {
  return { ok: true, added: plan.added, updated: plan.updated, skipped: plan.skipped, summary: describeImport(plan.added, plan.updated, plan.skipped) };
}

function failure(error: unknown): ImportOutcome {
  if (error instanceof BundleCollisionError) return { ok: false, reason: 'collision', error: `${error.message} ${NOTHING_CHANGED}` };
  return { ok: false, reason: 'storage', error: describeStorageError(error) };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The parts of a count worth naming: "3 runs", "12 metric chunks", "2 model versions", … */
export function describeCounts(c: BundleCounts): string[] {
  const parts = [
    c.runs && plural(c.runs, 'run'),
    c.metricChunks && plural(c.metricChunks, 'metric chunk'),
    c.artifacts && plural(c.artifacts, 'artifact'),
    c.datasets && plural(c.datasets, 'dataset'),
    c.models && plural(c.models, 'model'),
    c.versions && plural(c.versions, 'model version'),
    c.aliasEvents && plural(c.aliasEvents, 'alias change'),
    c.exercises + c.visits && plural(c.exercises + c.visits, 'progress record'),
  ];
  return parts.filter((p): p is string => typeof p === 'string');
}

/** "a, b and c". */
export function joinList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/**
 * The sentence shown after an import (or in its preview, with `future`): "Added 3 runs, 12 metric
 * chunks and 1 model. Updated 1 model. 5 records were already here."
 */
export function describeImport(added: BundleCounts, updated: BundleCounts, skipped: BundleCounts, future = false): string {
  const sentences: string[] = [];
  const a = describeCounts(added);
  const u = describeCounts(updated);
  if (a.length) sentences.push(`${future ? 'Will add' : 'Added'} ${joinList(a)}.`);
  if (u.length) sentences.push(`${future ? 'Will update' : 'Updated'} ${joinList(u)} (merged with what is here).`);
  const same = totalCount(skipped);
  const here = future ? plural(same, 'record is', 'records are') : plural(same, 'record was', 'records were');
  if (a.length === 0 && u.length === 0) sentences.push(same === 0 ? 'The bundle is empty: there is nothing to import.' : `Nothing new: ${same === 1 ? `the bundle's only record ${future ? 'is' : 'was'}` : `all ${same} records ${future ? 'are' : 'were'}`} already here.`);
  else if (same > 0) sentences.push(`${here} already here.`);
  return sentences.join(' ');
}
