import type { Metadata } from 'next';
import { TrackingBenchmark } from '@/components/bench/TrackingBenchmark';

export const metadata: Metadata = {
  title: 'Benchmark tracking',
  description: 'How fast this browser logs metrics, opens a comparison of 20 long runs and lists 1,000 runs.',
};

export default function TrackingBenchmarkPage() {
  return (
    <div className="container narrow">
      <h1>Benchmark tracking</h1>
      <p className="lead">Tracking must stay fast when the runs pile up: 100,000 logged points, 20 runs of 10,000 steps side by side, 1,000 runs in one table.</p>
      <TrackingBenchmark />
    </div>
  );
}
