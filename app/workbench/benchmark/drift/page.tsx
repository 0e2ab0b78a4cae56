import type { Metadata } from 'next';
import { DriftBenchmark } from '@/components/bench/DriftBenchmark';

export const metadata: Metadata = {
  title: 'Benchmark drift',
  description: 'How fast this browser judges drift: a 100,000-row × 10-column report and a 1,000-row window update, in the serving worker.',
};

export default function DriftBenchmarkPage() {
  return (
    <div className="container narrow">
      <h1>Benchmark drift</h1>
      <p className="lead">A monitor must judge large windows quickly without freezing the page: a full report of 100,000 rows against a 100,000-row reference, and a window that grows by 1,000 rows.</p>
      <DriftBenchmark />
    </div>
  );
}
