'use client';

import Link from 'next/link';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { shortHash } from '@/lib/data/hash';
import { describeRegistryError } from '@/lib/registry/errors';
import { lineage } from '@/lib/registry/lineage';
import { getDatabase } from '@/lib/tracking/db';
import { formatWhen, runHref } from './links';

const Arrow = () => (
  <span className="lineage-arrow" aria-hidden="true">
    ↓
  </span>
);

/** Where a version came from and where it went, as an ordered list: dataset → run → version → deployments. */
export function LineageView({ name, version }: { name: string; version: number }) {
  const loaded = useLiveLoaded(() => lineage(getDatabase(), name, version), [name, version], describeRegistryError);
  if (loaded.status === 'loading') return <p role="status">Loading the lineage…</p>;
  if (loaded.status === 'error') return <p className="notice error" role="alert">{loaded.message}</p>;
  if (!loaded.value) return null;
  const { dataset, run, version: v, deployments } = loaded.value;
  return (
    <div className="lineage-view" data-testid="lineage">
      <h3 id={`lineage-${version}`}>Lineage</h3>
      <ol className="lineage" aria-labelledby={`lineage-${version}`}>
        <li data-step="dataset">
          <span className="lineage-kind">Dataset</span>
          <Link href={`/workbench/dataset?id=${encodeURIComponent(dataset.id)}`} prefetch={false}>
            {dataset.name ?? dataset.id}
          </Link>
          <span>
            version <code title={dataset.hash}>{shortHash(dataset.hash)}</code> · split {dataset.split}
          </span>
        </li>
        <li data-step="run">
          <Arrow />
          <span className="lineage-kind">Run</span>
          {run.exists ? (
            <>
              <Link href={runHref(run.id)} prefetch={false}>
                {run.name}
              </Link>
              <span>
                {run.status}
                {typeof run.params?.model === 'string' ? ` · ${run.params.model}` : ''}
                {run.params?.learningRate !== undefined ? ` · lr ${String(run.params.learningRate)}` : ''}
              </span>
            </>
          ) : (
            <span>
              deleted (id <code>{run.id}</code>); the version keeps its data version and metrics
            </span>
          )}
        </li>
        <li data-step="version">
          <Arrow />
          <span className="lineage-kind">Version</span>
          <strong>
            {v.name} v{v.version}
          </strong>
          <span>
            registered {formatWhen(v.createdAt)}
            {v.archived ? ' · archived' : ''}
          </span>
        </li>
        <li data-step="deployments">
          <Arrow />
          <span className="lineage-kind">Deployments</span>
          {deployments.length === 0 ? (
            <span>none yet</span>
          ) : (
            <ul className="lineage-deployments">
              {deployments.map((d) => (
                <li key={d.id}>
                  <Link href={`/workbench/endpoint?name=${encodeURIComponent(d.name)}`} prefetch={false}>
                    {d.name}
                  </Link>{' '}
                  <span>
                    {d.action} · {formatWhen(d.at)} · {d.actor}
                    {d.reason ? ` · “${d.reason}”` : ''}
                    {d.live ? ' · live' : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </li>
      </ol>
    </div>
  );
}
