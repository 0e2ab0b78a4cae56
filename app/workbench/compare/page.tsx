import type { Metadata } from 'next';
import { Suspense } from 'react';
import { CompareView } from '@/components/compare/CompareView';

export const metadata: Metadata = {
  title: 'Compare runs',
  description: 'Compare 2 to 20 runs: overlaid metric curves, parallel coordinates and a scatter from params to a metric, and a table of what differs. The selection lives in the link.',
};

export default function ComparePage() {
  return (
    <div className="container">
      <h1>Compare runs</h1>
      <p className="lead">Which params made the difference? Curves, params against the metric, and only what differs, for up to 20 runs. The link holds the selection: share it or bookmark it.</p>
      <Suspense fallback={<p role="status">Loading the comparison…</p>}>
        <CompareView />
      </Suspense>
    </div>
  );
}
