import type { Metadata } from 'next';
import { Suspense } from 'react';
import { EndpointView } from '@/components/serving/EndpointView';

export const metadata: Metadata = {
  title: 'Endpoint',
  description: 'An endpoint: what it serves, its request console, production traffic, prediction log, rollouts and their timeline.',
};

export default function EndpointPage() {
  return (
    <div className="container">
      <Suspense fallback={<p role="status">Loading the endpoint…</p>}>
        <EndpointView />
      </Suspense>
    </div>
  );
}
