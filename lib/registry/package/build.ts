import { strToU8, zipSync, type Zippable } from 'fflate';
import { contentHash } from '../../data/hash';
import type { WorkbenchDatabase } from '../../tracking/db';
import { modelCard, type PackagedFile } from './model-card';
import { packageBaseName, packageFileName } from './names';
import { loadPackageSources } from './sources';
import { CONTRACT_MJS, PREPROCESS_MJS } from './generated/runtime';
import { DOCKERFILE, DOCKERIGNORE, packageJson, packageReadme } from './template-docs';
import { MODEL_MJS, SERVER_MJS } from '@/lib/ml/package-server-template';
import { ARTIFACTS } from '../../tracking/artifact-names';
import { versionContract } from '../../serving/data-contract';

export { PackageError } from './sources';

/** A built package: the zip's file name and bytes. */
export interface ModelPackage {
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Builds the deployable zip of version `version` of the model `name`, from what its run stored
 * (no tfjs involved). Under one folder `<name>-v<version>/` it holds `model/model.json` (tfjs
 * layers format, one weight group `weights.bin`), `model/weights.bin`, `preprocessing.json` (the
 * run's preprocessing plus the raw input `columns` in order), `contract.json` (the version's data
 * contract, or for a version registered before contracts one rebuilt from the preprocessing: the
 * server validates every row with it), `MODEL_CARD.md`, the Node serving
 * app (`server.mjs`, `model.mjs`, `contract.mjs`, `preprocess.mjs`), `package.json`,
 * `Dockerfile`, `.dockerignore` and `README.md`.
 *
 * Deterministic: every entry carries the version's registration day as its time, so the bytes
 * depend only on the stored records and on the UTC day of `now` (epoch ms; the card dates the
 * aliases with it). Throws a `PackageError` for an unknown version or a run without a model or
 * preprocessing; storage failures are rethrown unchanged.
 */
export async function buildModelPackage(db: WorkbenchDatabase, name: string, version: number, now: number): Promise<ModelPackage> {
  const sources = await loadPackageSources(db, name, version);
  const { stored, prep, run } = sources;
  const base = packageBaseName(name, version);
  const modelJson = strToU8(
    JSON.stringify({
      modelTopology: stored.modelTopology,
      format: stored.format ?? 'layers-model',
      generatedBy: stored.generatedBy ?? null,
      convertedBy: stored.convertedBy ?? null,
      weightsManifest: [{ paths: [ARTIFACTS.weights], weights: stored.weightSpecs }],
    }),
  );
  const weights = new Uint8Array(stored.weightData);
  const preprocessing = strToU8(`${JSON.stringify({ ...prep, columns: prep.encoders.map((e) => e.column) }, null, 2)}\n`);
  const contract = strToU8(`${JSON.stringify(versionContract(sources.version, prep), null, 2)}\n`);
  const listed: Array<[string, Uint8Array]> = [
    ['model/model.json', modelJson],
    ['model/weights.bin', weights],
    [ARTIFACTS.preprocessing, preprocessing],
    [ARTIFACTS.contract, contract],
  ];
  const files: PackagedFile[] = await Promise.all(listed.map(async ([path, bytes]) => ({ path, bytes: bytes.byteLength, sha256: await contentHash(bytes) })));
  const entries: Array<[string, Uint8Array]> = [
    ['README.md', strToU8(packageReadme(name, version, base, prep))],
    ['MODEL_CARD.md', strToU8(modelCard(sources, files, now))],
    ['package.json', strToU8(packageJson(name, version, run.id, prep))],
    ['Dockerfile', strToU8(DOCKERFILE)],
    ['.dockerignore', strToU8(DOCKERIGNORE)],
    ['server.mjs', strToU8(SERVER_MJS)],
    ['model.mjs', strToU8(MODEL_MJS)],
    ['contract.mjs', strToU8(CONTRACT_MJS)],
    ['preprocess.mjs', strToU8(PREPROCESS_MJS)],
    ...listed,
  ];
  const mtime = zipTime(sources.version.createdAt);
  const zippable: Zippable = {};
  for (const [path, bytes] of entries) zippable[`${base}/${path}`] = [bytes, { mtime }];
  return { fileName: packageFileName(name, version), bytes: zipSync(zippable, { level: 6 }) };
}

/**
 * The time written on every zip entry: noon of the version's registration day (UTC). Zip times
 * are local wall-clock fields (fflate reads them with getFullYear()…), so the Date is built from
 * those fields to give the same bytes in every time zone; the format covers 1980–2099 only.
 */
function zipTime(createdAt: number): Date {
  const d = new Date(Number.isFinite(createdAt) ? createdAt : 0);
  const year = Math.min(2099, Math.max(1980, d.getUTCFullYear()));
  const inRange = year === d.getUTCFullYear();
  return new Date(year, inRange ? d.getUTCMonth() : 0, inRange ? d.getUTCDate() : 1, 12, 0, 0);
}
