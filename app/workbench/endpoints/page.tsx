import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DeployPanel } from '@/components/serving/DeployPanel';
import { EndpointsTable } from '@/components/serving/EndpointsTable';

export const metadata: Metadata = {
  title: 'Endpoints',
  description: 'Serve registered models: endpoints, their traffic split and the requests they answered.',
};

export default function EndpointsPage() {
  return (
    <div className="container">
      <h1>Endpoints</h1>
      <p className="lead">An endpoint serves a registered model’s version behind a fixed API: a request <code>{'{ id, columns, rows }'}</code> gets <code>{'{ id, predictions }'}</code>, checked against the model’s data contract. Every change of what it serves is recorded.</p>
      <EndpointsTable />
      <section className="card" aria-labelledby="deploy-heading">
        <h2 id="deploy-heading">Deploy a model</h2>
        <Suspense fallback={<p role="status">Loading…</p>}>
          <DeployPanel />
        </Suspense>
      </section>
    </div>
  );
}
