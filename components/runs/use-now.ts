'use client';

import { useEffect, useState } from 'react';
import { systemClock } from '@/lib/time';

/** The current time (epoch ms), refreshed every `intervalMs`, so RUNNING durations tick. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => systemClock.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(systemClock.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
