'use client';

import { useEffect, useState } from 'react';
import { SUPERSEDED_EVENT, SUPERSEDED_MESSAGE } from '@/lib/tracking/superseded';

/**
 * Shown when another tab opened a newer version of the workbench: this tab's database connection
 * has stepped aside (so the upgrade is not blocked) and the tab must reload. Costs no Dexie: it
 * only listens for the window event the connection fires.
 */
export function SupersededNotice() {
  const [superseded, setSuperseded] = useState(false);
  useEffect(() => {
    const onSuperseded = () => setSuperseded(true);
    window.addEventListener(SUPERSEDED_EVENT, onSuperseded);
    return () => window.removeEventListener(SUPERSEDED_EVENT, onSuperseded);
  }, []);
  if (!superseded) return null;
  return (
    <div className="notice error card superseded-notice" role="alert" data-testid="superseded-notice">
      <p>{SUPERSEDED_MESSAGE}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        Reload this tab
      </button>
    </div>
  );
}
