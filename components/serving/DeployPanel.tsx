'use client';

import { useSearchParams } from 'next/navigation';
import { DeployForm } from './DeployForm';

/** The deploy form with its presets from the URL (`?model=…&alias=…`), e.g. from a lesson. */
export function DeployPanel() {
  const params = useSearchParams();
  return <DeployForm preset={{ model: params.get('model') ?? undefined, alias: params.get('alias') ?? undefined }} />;
}
