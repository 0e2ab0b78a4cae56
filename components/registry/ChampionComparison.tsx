import Link from 'next/link';
import { formatMetric, metricLabel } from '@/components/runs/format';
import { compareMetrics, keyMetric } from '@/lib/registry/metrics';
import { compareHref } from '@/lib/tracking/compare';
import type { ModelVersion } from '@/lib/registry/types';

const SIDE_TEXT = { mine: 'this version is better', theirs: 'the champion is better', tie: 'equal' } as const;

/**
 * This version's validation metrics beside the champion's, the better value of each marked
 * (lower for losses and errors, higher otherwise), and the link to compare their runs in full.
 */
export function ChampionComparison({ version, champion }: { version: ModelVersion; champion: ModelVersion | undefined }) {
  if (!champion)
    return (
      <p className="field-hint" data-testid="champion-comparison">
        No version holds @champion yet: set it to compare versions against it.
      </p>
    );
  if (champion.version === version.version)
    return (
      <p data-testid="champion-comparison">
        v{version.version} is the current <span className="badge alias alias-champion">@champion</span>.
      </p>
    );
  if (champion.task !== version.task || champion.target !== version.target)
    return (
      <p className="notice warn" data-testid="champion-comparison">
        v{version.version} is {version.task || 'an unknown task'} of “{version.target}”, the champion v{champion.version} {champion.task || 'an unknown task'} of “{champion.target}”: they answer different questions, so none of their metrics compare. (This model was filled before versions had to share a signature.)
      </p>
    );
  const headline = keyMetric(version.metrics, version.task)?.key;
  const rows = compareMetrics(version.metrics, champion.metrics, headline);
  return (
    <div className="champion-comparison" data-testid="champion-comparison">
      <h3>Against the champion (v{champion.version})</h3>
      {champion.dataset.hash !== version.dataset.hash && (
        <p className="notice info">The two were validated on different data versions, so their metrics are not strictly comparable.</p>
      )}
      {rows.length === 0 ? (
        <p>Neither version has validation metrics to compare.</p>
      ) : (
        <table className="versus-table">
          <caption className="visually-hidden">
            Validation metrics of v{version.version} and of the champion v{champion.version}; the better value is marked
          </caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">v{version.version} (this)</th>
              <th scope="col">v{champion.version} @champion</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} data-metric={row.key} data-better={row.better ?? ''}>
                <th scope="row">{metricLabel(row.key)}</th>
                <td className={row.better === 'mine' ? 'better' : undefined}>
                  {row.mine === null ? '—' : formatMetric(row.mine)}
                  {row.better === 'mine' && <span aria-hidden="true"> ✓</span>}
                </td>
                <td className={row.better === 'theirs' ? 'better' : undefined}>
                  {row.theirs === null ? '—' : formatMetric(row.theirs)}
                  {row.better === 'theirs' && <span aria-hidden="true"> ✓</span>}
                  {row.better && <span className="visually-hidden"> ({SIDE_TEXT[row.better]})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link href={compareHref([champion.runId, version.runId], headline)} data-testid="compare-with-champion" prefetch={false}>
          Compare with champion
        </Link>{' '}
        <span className="field-hint">(both runs’ curves and params side by side)</span>
      </p>
    </div>
  );
}
