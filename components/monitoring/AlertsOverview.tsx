'use client';

import Link from 'next/link';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { getDatabase } from '@/lib/tracking/db';
import { endpointHref } from '@/components/serving/links';
import { AlertsList } from './AlertsList';

/** Every endpoint's alerts, newest first, with a link to each endpoint's monitoring tab. */
export function AlertsOverview() {
  const loaded = useLiveLoaded(async () => {
    const alerts = await getDatabase().alerts.toArray();
    return alerts.sort((a, b) => (b.firedAt ?? b.startedAt) - (a.firedAt ?? a.startedAt));
  }, []);
  if (loaded.status === 'loading') return <p role="status">Loading alerts…</p>;
  if (loaded.status === 'error')
    return (
      <p className="notice error" role="alert">
        {loaded.message}
      </p>
    );
  const endpoints = [...new Set(loaded.value.map((a) => a.endpoint))].sort();
  return (
    <>
      {endpoints.length > 0 && (
        <p>
          Dashboards:{' '}
          {endpoints.map((e, i) => (
            <span key={e}>
              {i > 0 && ', '}
              <Link href={endpointHref(e, 'monitor')} prefetch={false}>
                {e}
              </Link>
            </span>
          ))}
        </p>
      )}
      <AlertsList alerts={loaded.value} showEndpoint />
    </>
  );
}
