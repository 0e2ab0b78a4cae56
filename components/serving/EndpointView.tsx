'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Breadcrumb } from '@/components/ui/Breadcrumb';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { modelHref } from '@/components/registry/links';
import { deploymentTimeline } from '@/lib/serving/endpoints';
import { describeServingError } from '@/lib/serving/errors';
import { describeRoutes } from '@/lib/serving/rollout-plans';
import { getDatabase } from '@/lib/tracking/db';
import { BatchScoringPanel } from './BatchScoringPanel';
import { DeleteEndpoint } from './DeleteEndpoint';
import { DeploymentTimeline } from './DeploymentTimeline';
import { endpointHref } from './links';
import { LoadTestPanel } from './LoadTestPanel';
import { PredictionLogView } from './PredictionLogView';
import { RequestConsole } from './RequestConsole';
import { RolloutPanel } from './RolloutPanel';
import { TrafficPanel } from './TrafficPanel';
import { EndpointSettings } from './EndpointSettings';
import { MonitorPanel } from '@/components/monitoring/MonitorPanel';

const TABS = [
  ['overview', 'Overview'],
  ['console', 'Request console'],
  ['traffic', 'Production traffic'],
  ['monitor', 'Monitoring'],
  ['log', 'Prediction log'],
  ['load', 'Load test'],
  ['batch', 'Batch scoring'],
] as const;
type Tab = (typeof TABS)[number][0];

async function loadEndpoint(name: string) {
  const db = getDatabase();
  const endpoint = await db.endpoints.get(name);
  if (!endpoint) return undefined;
  const [deployments, model, versions] = await Promise.all([deploymentTimeline(db, name), db.registeredModels.get(endpoint.model), db.modelVersions.where('name').equals(endpoint.model).toArray()]);
  return { endpoint, deployments, aliases: model?.aliases ?? {}, versions: versions.filter((v) => !v.archived).map((v) => v.version) };
}

/** The endpoint page (`/workbench/endpoint?name=…&tab=…`): what it serves, how to call it, its traffic and its history. */
export function EndpointView() {
  const params = useSearchParams();
  const name = params.get('name') ?? '';
  const requested = params.get('tab');
  const tab: Tab = TABS.some(([t]) => t === requested) ? (requested as Tab) : 'overview';
  const loaded = useLiveLoaded(() => loadEndpoint(name), [name], describeServingError);
  if (!name)
    return (
      <p className="notice info" role="status">
        No endpoint was named in the address. <Link href="/workbench/endpoints">See all endpoints</Link>.
      </p>
    );
  if (loaded.status === 'loading') return <p role="status">Loading the endpoint…</p>;
  if (loaded.status === 'error') return <p className="notice error" role="alert">{loaded.message}</p>;
  if (!loaded.value)
    return (
      <p className="notice info" role="status">
        There is no endpoint named “{name}” in this browser. <Link href="/workbench/endpoints">See all endpoints</Link>.
      </p>
    );
  const { endpoint, deployments, aliases, versions } = loaded.value;
  return (
    <div className="endpoint-view">
      <header>
        <Breadcrumb trail={[{ label: 'Endpoints', href: '/workbench/endpoints' }, { label: endpoint.name }]} />
        <h1>{endpoint.name}</h1>
        <p className="meta-row">
          <span>
            serves <Link href={modelHref(endpoint.model)}>{endpoint.model}</Link>
            {'alias' in endpoint.target ? ` @${endpoint.target.alias}` : ` v${endpoint.target.version}`}
          </span>
          <span data-testid="endpoint-routes">{describeRoutes(endpoint.routes)}</span>
          <span data-testid="endpoint-status">{endpoint.status}</span>
          <span>policy: {endpoint.policy}</span>
        </p>
      </header>
      <nav aria-label="Endpoint sections" className="tab-links">
        <ul>
          {TABS.map(([t, label]) => (
            <li key={t}>
              <Link href={endpointHref(endpoint.name, t === 'overview' ? undefined : t)} aria-current={t === tab ? 'page' : undefined} prefetch={false}>
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'overview' && (
        <>
          <RolloutPanel endpoint={endpoint} versions={versions} aliases={aliases} />
          <EndpointSettings endpoint={endpoint} />
          <DeploymentTimeline deployments={deployments} />
          <DeleteEndpoint name={endpoint.name} />
        </>
      )}
      {tab === 'console' && <RequestConsole endpoint={endpoint} />}
      {tab === 'traffic' && <TrafficPanel endpoint={endpoint} />}
      {tab === 'monitor' && <MonitorPanel endpoint={endpoint} />}
      {tab === 'log' && <PredictionLogView endpoint={endpoint} />}
      {tab === 'load' && <LoadTestPanel endpoint={endpoint} />}
      {tab === 'batch' && <BatchScoringPanel endpoint={endpoint} versions={versions} />}
    </div>
  );
}
