'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Breadcrumb } from '@/components/ui/Breadcrumb';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { aliasTarget, CHAMPION } from '@/lib/registry/aliases';
import { describeRegistryError } from '@/lib/registry/errors';
import { aliasHistory, getModel } from '@/lib/registry/registry';
import type { ModelVersion } from '@/lib/registry/types';
import { getDatabase } from '@/lib/tracking/db';
import { AliasBadges } from './AliasBadges';
import { AliasHistoryTable } from './AliasHistoryTable';
import { DeleteModel } from './DeleteModel';
import { formatWhen } from './links';
import { ModelDescription } from './ModelDescription';
import { VersionPanel } from './VersionPanel';
import { VersionsTable } from './VersionsTable';

/** The model with its versions, alias history and the names of the runs behind them; undefined when there is no such model. */
async function loadModel(name: string) {
  const db = getDatabase();
  const found = await getModel(db, name);
  if (!found) return undefined;
  const [history, runs] = await Promise.all([aliasHistory(db, name), db.runs.bulkGet([...new Set(found.versions.map((v) => v.runId))])]);
  const runNames = new Map(runs.flatMap((r) => (r ? [[r.id, r.name] as const] : [])));
  return { ...found, history, runNames };
}

/**
 * The version whose panel is open: the one in the URL, else the newest. Not "the champion":
 * the choice must not change under the learner when an action moves or removes an alias.
 */
function pickVersion(versions: readonly ModelVersion[], requested: number): ModelVersion | undefined {
  return versions.find((v) => v.version === requested) ?? versions[versions.length - 1];
}

/** The model page (`/workbench/model?name=…&version=…`): description, versions, the chosen version's panel, alias history. */
export function ModelView() {
  const params = useSearchParams();
  const name = params.get('name') ?? '';
  const requested = Number(params.get('version') ?? NaN);
  const loaded = useLiveLoaded(() => loadModel(name), [name], describeRegistryError);
  if (!name)
    return (
      <p className="notice info" role="status">
        No model was named in the address. <Link href="/workbench/models">See all models</Link>.
      </p>
    );
  if (loaded.status === 'loading') return <p role="status">Loading the model…</p>;
  if (loaded.status === 'error') return <p className="notice error" role="alert">{loaded.message}</p>;
  if (!loaded.value)
    return (
      <div className="notice info" role="status">
        <p>
          There is no model named “{name}” in this browser (it may have been deleted). <Link href="/workbench/models">See all models</Link>.
        </p>
      </div>
    );
  const { model, versions, history, runNames } = loaded.value;
  const championNumber = aliasTarget(model.aliases, CHAMPION);
  const champion = versions.find((v) => v.version === championNumber);
  const selected = pickVersion(versions, requested);
  const aliasNames = Object.keys(model.aliases).sort();
  return (
    <div className="model-view">
      <header className="model-header">
        <Breadcrumb trail={[{ label: 'Models', href: '/workbench/models' }, { label: model.name }]} />
        <h1>{model.name}</h1>
        <p className="meta-row">
          <span>
            {versions.length === 1 ? '1 version' : `${versions.length} versions`} · updated {formatWhen(model.updatedAt)}
          </span>
          <AliasBadges aliases={aliasNames} versions={model.aliases} />
        </p>
      </header>
      <ModelDescription model={model} />
      <section className="card" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Versions</h2>
        {versions.length === 0 ? <p>This model has no version yet.</p> : <VersionsTable model={model} versions={versions} runNames={runNames} selected={selected?.version ?? null} />}
      </section>
      {selected && <VersionPanel key={selected.version} model={model} version={selected} champion={champion} />}
      <AliasHistoryTable events={history} />
      <DeleteModel name={model.name} versionCount={versions.length} />
    </div>
  );
}
