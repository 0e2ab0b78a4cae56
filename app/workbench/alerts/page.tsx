import type { Metadata } from 'next';
import { AlertsOverview } from '@/components/monitoring/AlertsOverview';

export const metadata: Metadata = {
  title: 'Alerts',
  description: 'Alerts of every endpoint: pending, firing and resolved, with their history.',
};

export default function AlertsPage() {
  return (
    <div className="container">
      <h1>Alerts</h1>
      <p className="lead">An alert rule judges every monitoring window as it closes. Its alert is pending while the condition has held for fewer windows than the rule asks, then firing, then resolved when the condition stops holding. Acknowledge a firing alert to take it off the header’s badge.</p>
      <AlertsOverview />
    </div>
  );
}
