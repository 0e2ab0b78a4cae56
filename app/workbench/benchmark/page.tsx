import type { Metadata } from 'next';
import { DeviceBenchmark } from '@/components/training/DeviceBenchmark';

export const metadata: Metadata = {
  title: 'Benchmark this device',
  description: 'How fast this browser trains the course model on each backend, and what the workbench adds on top of plain tfjs.',
};

export default function BenchmarkPage() {
  return (
    <div className="container narrow">
      <h1>Benchmark this device</h1>
      <p className="lead">Why does auto pick the backend it picks? Measure it: the workbench trainer against plain tfjs, on the backend auto chose and on the one tfjs would choose by itself.</p>
      <DeviceBenchmark />
    </div>
  );
}
