import type { Metadata } from 'next';
import { Suspense } from 'react';
import { SweepPanel } from '@/components/sweep/SweepPanel';

export const metadata: Metadata = {
  title: 'Tune: hyperparameter sweep',
  description: 'Grid or random search over a declared space, with early termination, optional k-fold cross-validation and parameter importance, in your browser.',
};

export default function SweepPage() {
  return (
    <div className="container">
      <h1>Tune with a sweep</h1>
      <p className="lead">A sweep trains one model per configuration of the params you search, in a Web Worker on this device. It is recorded as a parent run, with every trial as a child run you can open, compare and register.</p>
      <Suspense fallback={<p role="status">Loading…</p>}>
        <SweepPanel />
      </Suspense>
    </div>
  );
}
