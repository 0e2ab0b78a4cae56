'use client';

import { useMemo, useState } from 'react';
import { listBundleCandidates, type BundleCandidates } from '@/lib/tracking/bundle/candidates';
import type { BundleSelection } from '@/lib/tracking/bundle/export';
import { formatBytes } from '@/lib/tracking/bundle/format';
import { describeCounts, joinList } from '@/lib/tracking/bundle/import';
import { getDatabase } from '@/lib/tracking/db';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { bundleFileName, downloadBlob } from './download';
import { RunChecklist } from './RunChecklist';
import { usePreparedBundle } from './use-prepared-bundle';
import { systemClock } from '@/lib/time';

/**
 * Export: pick runs (a `?runs=` link preselects them), registered models and progress; see what
 * the file will hold and its exact size; download it as `mlops-workbench-<date>.json`.
 */
export function ExportPanel({ preselectedRuns, preselectedModels }: { preselectedRuns: readonly string[]; preselectedModels: readonly string[] }) {
  const loaded = useLiveLoaded(() => listBundleCandidates(getDatabase()), []);
  const [runs, setRuns] = useState<ReadonlySet<string>>(() => new Set(preselectedRuns));
  const [models, setModels] = useState<ReadonlySet<string>>(() => new Set(preselectedModels));
  const [includeProgress, setIncludeProgress] = useState(false);
  const [includeDatasets, setIncludeDatasets] = useState(true);
  const [downloaded, setDownloaded] = useState<string | null>(null);

  const candidates: BundleCandidates | undefined = loaded.status === 'ready' ? loaded.value : undefined;
  // Ids from a link that are not (or no longer) here are left out rather than failing the export.
  const selection = useMemo<BundleSelection | null>(() => {
    if (!candidates) return null;
    const runIds = candidates.runs.filter((r) => runs.has(r.id)).map((r) => r.id);
    const modelNames = candidates.models.filter((m) => models.has(m.name)).map((m) => m.name);
    const progress = includeProgress && candidates.progressRecords > 0;
    return runIds.length || modelNames.length || progress ? { runIds, modelNames, includeProgress: progress, includeDatasets } : null;
  }, [candidates, runs, models, includeProgress, includeDatasets]);
  const prepared = usePreparedBundle(selection, candidates);

  if (loaded.status === 'loading') return <p role="status">Loading runs and models…</p>;
  if (loaded.status === 'error') return <p className="notice error" role="alert">{loaded.message}</p>;
  const c = loaded.value;
  const unknownLinked = preselectedRuns.filter((id) => !c.runs.some((r) => r.id === id)).length;

  const toggleModel = (name: string) => {
    const next = new Set(models);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    setModels(next);
  };
  const download = () => {
    if (prepared.state !== 'ready') return;
    const name = bundleFileName(new Date(systemClock.now()));
    downloadBlob(prepared.blob, name);
    setDownloaded(`Downloaded ${name} (${formatBytes(prepared.blob.size)}).`);
  };

  return (
    <section className="card bundle-panel" aria-labelledby="bundle-export-heading" data-testid="bundle-export">
      <h2 id="bundle-export-heading">Export</h2>
      <p>Save runs (with their metric histories and models), registered models and your progress as one JSON file, to keep a backup or to continue in another browser.</p>
      {unknownLinked > 0 && (
        <p className="notice info">
          {unknownLinked === 1 ? 'One run from the link is' : `${unknownLinked} runs from the link are`} not in this browser and {unknownLinked === 1 ? 'was' : 'were'} left out.
        </p>
      )}
      <fieldset className="form-section">
        <legend>Runs</legend>
        <RunChecklist runs={c.runs} selected={runs} onChange={setRuns} />
      </fieldset>
      <fieldset className="form-section">
        <legend>Registered models</legend>
        {c.models.length === 0 ? (
          <p>No registered models yet.</p>
        ) : (
          <ul className="bundle-checklist short">
            {c.models.map((m) => (
              <li key={m.name}>
                <label className="checkbox">
                  <input type="checkbox" checked={models.has(m.name)} onChange={() => toggleModel(m.name)} value={m.name} />
                  <span className="bundle-run-name">{m.name}</span>
                  <span className="muted">
                    {m.versions === 1 ? '1 version' : `${m.versions} versions`}
                    {m.aliases.map((a) => ` · @${a.alias} v${a.version}`).join('')}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <p className="field-hint">A model brings all its versions, its alias history and the runs behind its versions.</p>
      </fieldset>
      <fieldset className="form-section">
        <legend>Also include</legend>
        <label className="checkbox">
          <input type="checkbox" checked={includeProgress} onChange={(e) => setIncludeProgress(e.target.checked)} data-testid="bundle-include-progress" />
          Course progress ({c.progressRecords === 1 ? '1 record' : `${c.progressRecords} records`})
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={includeDatasets} onChange={(e) => setIncludeDatasets(e.target.checked)} />
          Uploaded datasets the exported runs were trained on
        </label>
      </fieldset>
      <div aria-live="polite" data-testid="bundle-size">
        <ExportSummary prepared={prepared} />
      </div>
      <button type="button" className="button" disabled={prepared.state !== 'ready'} onClick={download} data-testid="bundle-download">
        Download bundle
      </button>
      {downloaded && (
        <p className="notice ok" role="status">
          {downloaded}
        </p>
      )}
    </section>
  );
}

function ExportSummary({ prepared }: { prepared: ReturnType<typeof usePreparedBundle> }) {
  if (prepared.state === 'empty') return <p className="muted">Select at least one run, model or your progress.</p>;
  if (prepared.state === 'preparing') return <p className="muted">Measuring the bundle…</p>;
  if (prepared.state === 'error') return <p className="notice error">{prepared.message}</p>;
  const { result, blob } = prepared;
  const extra = result.extraRunIds.length;
  return (
    <p>
      The file will hold {joinList(describeCounts(result.counts))}: <strong>{formatBytes(blob.size)}</strong>.
      {extra > 0 && ` ${extra === 1 ? '1 run was' : `${extra} runs were`} added so the file is complete: sweep parents and trials, and runs behind model versions.`}
      {result.absentRunIds.length > 0 && ` ${result.absentRunIds.length === 1 ? '1 run' : `${result.absentRunIds.length} runs`} named by versions or sweeps no longer exist here and are listed as absent.`}
    </p>
  );
}
