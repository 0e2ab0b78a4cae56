'use client';

import { useLiveLoaded } from '@/components/ui/use-loaded';
import { currentCanaryShare } from '@/lib/serving/canary-plan';
import { rolloutTraffic } from '@/lib/serving/rollout-traffic';
import type { Endpoint, VersionWindowStats } from '@/lib/tracking/serving-types';
import { getDatabase } from '@/lib/tracking/db';

const fmt = (n: number) => n.toLocaleString('en-US');

function line(version: number, s: VersionWindowStats | undefined, label: string) {
  if (!s) return <li key={label}>{label} v{version}: no traffic yet.</li>;
  const rows = Math.max(1, s.rows);
  return (
    <li key={label} data-version={version}>
      {label} v{version}: {fmt(s.requests)} requests · errors {((100 * s.errors) / rows).toFixed(1)} % · rejected {((100 * s.rejected) / rows).toFixed(1)} % · p95 ≤ {s.p95Ms.toFixed(1)} ms · {s.labelled > 0 && s.metric !== null ? `live metric ${s.metric.toFixed(3)} on ${fmt(s.labelled)} labelled rows` : 'no labels yet'}
    </li>
  );
}

/** The rollout in progress: its plan and where it stands, and each version's traffic since it started. */
export function RolloutStatus({ endpoint }: { endpoint: Endpoint }) {
  const loaded = useLiveLoaded(() => rolloutTraffic(getDatabase(), endpoint), [endpoint.name, endpoint.updatedAt]);
  const rollout = endpoint.rollout!;
  const primary = endpoint.routes.find((r) => r.role === 'primary')?.version ?? 0;
  const traffic = loaded.status === 'ready' ? loaded.value : null;
  return (
    <div data-testid="rollout-status" data-strategy={rollout.strategy}>
      {rollout.strategy === 'canary' && (
        <p>
          Canary of v{rollout.candidate}: step {rollout.stepIndex + 1} of {rollout.steps.length} ({rollout.steps.join(' → ')} %), now <strong data-testid="canary-share">{currentCanaryShare(rollout)} %</strong> of requests. Each step is held for {'requests' in rollout.hold ? `${fmt(rollout.hold.requests)} candidate requests` : `${rollout.hold.hours} simulated hours`}; it rolls back by itself above {(rollout.guards.maxErrorRate * 100).toFixed(1)} % errors, a p95 of {rollout.guards.maxP95Ms} ms, {(rollout.guards.maxRejectRate * 100).toFixed(1)} % rejected rows, or a live metric {(rollout.guards.maxMetricDrop * 100).toFixed(0)} % worse than v{primary}’s. Steps advance while traffic runs.
        </p>
      )}
      {rollout.strategy === 'ab' && (
        <p>
          A/B test: A is v{primary} ({100 - rollout.share} %), B is v{rollout.candidate} ({rollout.share} %), sticky by request id; compared at α = {rollout.alpha}.
        </p>
      )}
      {rollout.strategy === 'shadow' && (
        <p>
          Shadow: v{primary} answers every request; v{rollout.candidate} gets a copy, and its answers are logged, never returned.
          {traffic && traffic.agreement.compared > 0 && (
            <span data-testid="shadow-agreement">
              {' '}
              It agreed with v{primary} on {((100 * traffic.agreement.agreed) / traffic.agreement.compared).toFixed(1)} % of {fmt(traffic.agreement.compared)} rows.
            </span>
          )}
        </p>
      )}
      {traffic && (
        <ul className="plain-list">
          {line(primary, traffic.answer.get(primary), rollout.strategy === 'ab' ? 'A' : 'primary')}
          {rollout.strategy === 'shadow' ? line(rollout.candidate, traffic.shadow.get(rollout.candidate), 'shadow') : line(rollout.candidate, traffic.answer.get(rollout.candidate), rollout.strategy === 'ab' ? 'B' : 'canary')}
        </ul>
      )}
    </div>
  );
}
