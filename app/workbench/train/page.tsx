import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TrainPanel } from '@/components/training/TrainPanel';

export const metadata: Metadata = {
  title: 'Train a model',
  description: 'Train a small model on real data in your browser, in a Web Worker, on the fastest backend; every training is a tracked run.',
};

export default function TrainPage() {
  return (
    <div className="container">
      <h1>Train a model</h1>
      <p className="lead">Training runs in a Web Worker on this device. Each training is recorded as a run: params, data version, backend, metrics per epoch and the model.</p>
      <Suspense fallback={<p role="status">Loading…</p>}>
        <TrainPanel />
      </Suspense>
    </div>
  );
}
