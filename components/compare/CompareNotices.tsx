import Link from 'next/link';
import { metricLabel } from '@/components/runs/format';
import { MAX_COMPARE_RUNS } from '@/lib/tracking/compare';

/** What to do with fewer than two runs: pick some on the runs page. */
export function PickRuns({ selected, found }: { selected: number; found: number }) {
  const why =
    selected === 0
      ? 'No runs are selected.'
      : selected === 1
        ? 'Only one run is selected; a comparison needs at least two.'
        : found === 0
          ? 'None of the runs in this link is stored in this browser.'
          : 'Only one of the runs in this link is stored in this browser; a comparison needs at least two.';
  return (
    <div className="notice info" role="status" data-testid="compare-empty">
      <p>
        <strong>{why}</strong>
      </p>
      <p>
        Compare 2 to {MAX_COMPARE_RUNS} runs: choose them on <Link href="/workbench/runs">the runs page</Link>, or open a link someone shared (it lists run ids, so it shows runs stored in your own browser,
        for example after importing their bundle).
      </p>
    </div>
  );
}

/** Notices about the selection: ids left out past the limit, unknown ids, runs without the metric. */
export function CompareNotices({
  overflow,
  missingIds,
  comparing,
  withoutMetric,
  metric,
  onDropMissing,
}: {
  overflow: readonly string[];
  missingIds: readonly string[];
  /** Whether enough runs were found to compare. */
  comparing: boolean;
  withoutMetric: readonly string[];
  metric: string | null;
  onDropMissing: () => void;
}) {
  return (
    <>
      {overflow.length > 0 && (
        <div className="notice info" role="status" data-testid="compare-overflow">
          <p>
            This link names {MAX_COMPARE_RUNS + overflow.length} runs; the first {MAX_COMPARE_RUNS} are compared and {overflow.length} {overflow.length === 1 ? 'is' : 'are'} left out. Remove a run to bring the next one in.
          </p>
        </div>
      )}
      {missingIds.length > 0 && (
        <div className="notice error" role="alert" data-testid="compare-missing">
          <p>
            {missingIds.length === 1 ? 'One run of this link is' : `${missingIds.length} runs of this link are`} not stored in this browser (deleted, or recorded in another browser):{' '}
            {missingIds.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <code>{id}</code>
              </span>
            ))}
            .{comparing && ' The other runs are compared.'}
          </p>
          <p>
            <button type="button" className="button secondary" onClick={onDropMissing}>
              Remove {missingIds.length === 1 ? 'it' : 'them'} from the link
            </button>
          </p>
        </div>
      )}
      {metric && withoutMetric.length > 0 && (
        <div className="notice info" role="status" data-testid="compare-without-metric">
          <p>
            {withoutMetric.join(', ')} did not log {metricLabel(metric)} (<code>{metric}</code>): {withoutMetric.length === 1 ? 'it has no line in the curves and sits' : 'they have no line in the curves and sit'} in the “n/a” slot of the parallel coordinates.
          </p>
        </div>
      )}
    </>
  );
}
