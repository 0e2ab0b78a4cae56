import Link from 'next/link';
import { formatMetric, metricLabel } from '@/components/runs/format';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { shortHash } from '@/lib/data/hash';
import { aliasesOfVersion } from '@/lib/registry/aliases';
import { keyMetric } from '@/lib/registry/metrics';
import { judgeAgainstBaseline } from '@/lib/tracking/headline';
import { VerdictBadge } from '@/components/ui/BaselineVerdict';
import type { ModelVersion, RegisteredModel } from '@/lib/registry/types';
import { AliasBadges } from './AliasBadges';
import { formatWhen, modelHref, runHref } from './links';

function KeyMetricCell({ version }: { version: ModelVersion }) {
  const km = keyMetric(version.metrics, version.task);
  if (!km) return <>—</>;
  return (
    <>
      {metricLabel(km.key)} {formatMetric(km.value ?? undefined)}
      {km.baseline !== null && <> vs {formatMetric(km.baseline)} baseline </>}
      <VerdictBadge verdict={judgeAgainstBaseline(version.metrics, version.task || undefined)} />
    </>
  );
}

/**
 * A model's versions, newest first: run, data version, headline validation metric against its
 * baseline, aliases and state. Each row opens that version's panel (actions, comparison, lineage).
 */
export function VersionsTable({ model, versions, runNames, selected }: { model: RegisteredModel; versions: readonly ModelVersion[]; runNames: ReadonlyMap<string, string>; selected: number | null }) {
  return (
    <ScrollRegion label={`Versions of ${model.name}`}>
      <table className="versions-table" data-testid="versions-table">
        <caption className="visually-hidden">Versions of {model.name}, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Aliases</th>
            <th scope="col">Run</th>
            <th scope="col">Data version</th>
            <th scope="col">Validation metric</th>
            <th scope="col">Registered</th>
            <th scope="col">State</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {[...versions].reverse().map((v) => {
            const runName = runNames.get(v.runId);
            return (
              <tr key={v.version} data-testid="version-row" data-version={v.version} aria-current={v.version === selected ? 'true' : undefined} className={v.archived ? 'archived' : undefined}>
                <th scope="row">v{v.version}</th>
                <td>
                  <AliasBadges aliases={aliasesOfVersion(model.aliases, v.version)} />
                </td>
                <td>
                  {runName === undefined ? (
                    <span title={v.runId}>deleted run</span>
                  ) : (
                    <Link href={runHref(v.runId)} prefetch={false}>
                      {runName}
                    </Link>
                  )}
                </td>
                <td>
                  {v.dataset.id} · <code title={v.dataset.hash}>{shortHash(v.dataset.hash)}</code>
                </td>
                <td>
                  <KeyMetricCell version={v} />
                </td>
                <td>
                  <time dateTime={new Date(v.createdAt).toISOString()}>{formatWhen(v.createdAt)}</time>
                </td>
                <td>{v.archived ? <span className="badge archived">archived</span> : 'active'}</td>
                <td>
                  {v.version === selected ? (
                    <a href="#version-panel">Actions below</a>
                  ) : (
                    <Link href={modelHref(model.name, v.version)} scroll={false} prefetch={false} aria-label={`Manage v${v.version}`}>
                      Manage
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
