'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { alertBadgeCount } from '@/lib/monitoring/alerts';
import { getDatabase } from '@/lib/tracking/db';
import { systemClock } from '@/lib/time/clock';
import { noticeStore } from '@/stores/notices';

async function readAlerts() {
  const db = getDatabase();
  const [alerts, rules] = await Promise.all([db.alerts.where('state').equals('firing').toArray(), db.alertRules.toArray()]);
  return { alerts, rules };
}

/**
 * The header's alert badge: firing alerts not acknowledged and not silenced, across endpoints,
 * linking to the alerts page. An alert that starts firing while the tab is open also shows a
 * notice (alerts already firing when the page loaded do not: the badge says so).
 */
export function AlertBadge() {
  const data = useLiveQuery(() => readAlerts().catch(() => null), []);
  const seen = useRef<Set<string> | null>(null);
  const now = systemClock.now();
  const count = data ? alertBadgeCount(data.alerts, data.rules, now) : 0;
  useEffect(() => {
    if (!data) return;
    const firing = data.alerts.filter((a) => a.acknowledgedAt === null);
    if (seen.current === null) {
      seen.current = new Set(firing.map((a) => a.id));
      return;
    }
    const silenced = new Set(data.rules.filter((r) => r.silencedUntil !== null && systemClock.now() < r.silencedUntil).map((r) => r.id));
    for (const alert of firing) {
      if (seen.current.has(alert.id)) continue;
      seen.current.add(alert.id);
      if (!silenced.has(alert.ruleId)) noticeStore.getState().push('error', `Alert firing on ${alert.endpoint}: ${alert.ruleName}. ${alert.message}`);
    }
  }, [data]);
  return (
    <Link href="/workbench/alerts" prefetch={false} className={`alert-badge${count > 0 ? ' alert-badge-on' : ''}`} data-testid="alert-badge" data-count={count} aria-label={count === 0 ? 'Alerts: none firing' : `Alerts: ${count} firing`}>
      Alerts{count > 0 && <span className="badge-count">{count}</span>}
    </Link>
  );
}
