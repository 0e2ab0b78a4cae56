'use client';

import Link from 'next/link';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { formatDateTime } from '@/components/ui/format-time';
import { describeServingError } from '@/lib/serving/errors';
import { listEndpoints } from '@/lib/serving/endpoint-summary';
import { describeRoutes } from '@/lib/serving/rollout-plans';
import { getDatabase } from '@/lib/tracking/db';
import { endpointHref } from './links';

/** Every endpoint, live: the model, who answers which share, the policy and the traffic served. */
export function EndpointsTable() {
  const loaded = useLiveLoaded(() => listEndpoints(getDatabase()), [], describeServingError);
  if (loaded.status === 'loading') return <p role="status">Loading endpoints…</p>;
  if (loaded.status === 'error') return <p className="notice error" role="alert">{loaded.message}</p>;
  if (loaded.value.length === 0)
    return (
      <p className="notice info" data-testid="endpoints-empty">
        No endpoint yet. Deploy a registered model with the form below.
      </p>
    );
  return (
    <ScrollRegion label="Endpoints">
      <table className="data-table" data-testid="endpoints-table">
        <caption className="visually-hidden">Endpoints, most recently changed first</caption>
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            <th scope="col">Model</th>
            <th scope="col">Traffic</th>
            <th scope="col">Policy</th>
            <th scope="col">Requests served</th>
            <th scope="col">Changed</th>
          </tr>
        </thead>
        <tbody>
          {loaded.value.map(({ endpoint, requests }) => (
            <tr key={endpoint.name} data-endpoint={endpoint.name}>
              <th scope="row">
                <Link href={endpointHref(endpoint.name)} prefetch={false}>
                  {endpoint.name}
                </Link>
                {endpoint.status === 'stopped' && <span className="badge"> stopped</span>}
              </th>
              <td>
                {endpoint.model}
                {'alias' in endpoint.target ? ` @${endpoint.target.alias}` : ''}
              </td>
              <td>{describeRoutes(endpoint.routes)}</td>
              <td>{endpoint.policy}</td>
              <td>{requests.toLocaleString('en-US')}</td>
              <td>{formatDateTime(endpoint.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
