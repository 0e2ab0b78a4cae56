'use client';

import Link from 'next/link';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { describeRegistryError } from '@/lib/registry/errors';
import { listModels } from '@/lib/registry/registry';
import { getDatabase } from '@/lib/tracking/db';
import { AliasBadges } from './AliasBadges';
import { formatWhen, modelHref } from './links';

/** Every registered model, live: latest version, aliases, version count and last change. */
export function ModelsTable() {
  const loaded = useLiveLoaded(() => listModels(getDatabase()), [], describeRegistryError);
  if (loaded.status === 'loading') return <p role="status">Loading models…</p>;
  if (loaded.status === 'error') return <p className="notice error" role="alert">{loaded.message}</p>;
  const models = loaded.value;
  if (models.length === 0)
    return (
      <div className="notice info" data-testid="models-empty">
        <p>No model is registered yet. Open a finished run from the <Link href="/workbench/runs">runs list</Link> and use “Register this model” on its page.</p>
      </div>
    );
  return (
    <ScrollRegion label="Registered models">
      <table className="models-table" data-testid="models-table">
        <caption className="visually-hidden">Registered models, most recently changed first</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Latest version</th>
            <th scope="col">Aliases</th>
            <th scope="col">Versions</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {models.map(({ model, latestVersion, versionCount, archivedCount }) => (
            <tr key={model.name} data-model={model.name}>
              <th scope="row">
                <Link href={modelHref(model.name)} prefetch={false}>
                  {model.name}
                </Link>
                {model.description && <span className="model-description-preview">{model.description}</span>}
              </th>
              <td>{latestVersion === null ? '—' : `v${latestVersion}`}</td>
              <td>{Object.keys(model.aliases).length === 0 ? '—' : <AliasBadges aliases={Object.keys(model.aliases).sort()} versions={model.aliases} />}</td>
              <td>
                {versionCount}
                {archivedCount > 0 ? ` (${archivedCount} archived)` : ''}
              </td>
              <td>
                <time dateTime={new Date(model.updatedAt).toISOString()}>{formatWhen(model.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
