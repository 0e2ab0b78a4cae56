'use client';

import { useEffect } from 'react';
import { getDatabase } from '@/lib/tracking/db';
import { activeRunIds } from '@/lib/tracking/run-locks';
import { recoverInterruptedRuns } from '@/lib/tracking/runs';
import { noticeStore } from '@/stores/notices';
import { systemClock } from '@/lib/time';

/**
 * On start-up (each full page load): runs left RUNNING by a closed tab become KILLED, metrics
 * kept. Runs still training in another tab hold a Web Lock and are left alone.
 */
export function RunRecovery() {
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const alive = await activeRunIds();
        const recovered = await recoverInterruptedRuns(getDatabase(), systemClock.now(), alive);
        if (!cancelled && recovered > 0) {
          noticeStore.getState().push('info', `${recovered === 1 ? 'A run was' : `${recovered} runs were`} interrupted when a tab closed mid-training. ${recovered === 1 ? 'It is' : 'They are'} now KILLED, with every metric logged before that kept.`);
        }
      } catch {
        // Storage unavailable: the pages that need it say so themselves.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);
  return null;
}
