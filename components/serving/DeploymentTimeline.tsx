'use client';

import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { formatDateTime } from '@/components/ui/format-time';
import { describeRoutes } from '@/lib/serving/rollout-plans';
import type { Deployment } from '@/lib/tracking/serving-types';

const ACTION_TEXT: Record<Deployment['action'], string> = {
  deploy: 'deployed',
  replace: 'replaced',
  'canary-start': 'canary started',
  'canary-step': 'canary step',
  promote: 'promoted',
  rollback: 'rolled back',
  'ab-start': 'A/B test started',
  'ab-end': 'A/B test ended',
  'shadow-start': 'shadow started',
  'shadow-end': 'shadow ended',
  policy: 'policy changed',
  stop: 'stopped',
};

/** Every change of an endpoint, newest first: what, which version, the split after it, who, why, when. */
export function DeploymentTimeline({ deployments }: { deployments: readonly Deployment[] }) {
  const newestFirst = [...deployments].reverse();
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Deployment timeline</h2>
      <ScrollRegion label="Deployment timeline">
        <table className="data-table" data-testid="deployment-timeline">
          <caption className="visually-hidden">Changes of this endpoint, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Change</th>
              <th scope="col">Version</th>
              <th scope="col">Traffic after</th>
              <th scope="col">Who</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((d) => (
              <tr key={d.id} data-action={d.action} data-actor={d.actor}>
                <td>
                  {formatDateTime(d.at)}
                  {d.simAt !== null && <span className="muted"> (simulated {formatDateTime(d.simAt)})</span>}
                </td>
                <td>{ACTION_TEXT[d.action]}</td>
                <td>
                  v{d.version}
                  {d.alias ? ` (@${d.alias})` : ''}
                </td>
                <td>{describeRoutes(d.routes)}</td>
                <td>{d.actor}</td>
                <td>{d.reason || <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
