'use client';

import Link from 'next/link';
import { Fragment } from 'react';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { describeRegistryError } from '@/lib/registry/errors';
import { MODEL_NAME_MAX } from '@/lib/registry/names';
import { hasStoredModel, modelNames, versionsOfRun } from '@/lib/registry/registry';
import { getDatabase } from '@/lib/tracking/db';
import type { RunRecord } from '@/lib/tracking/run-types';
import { AliasBadges } from './AliasBadges';
import { modelHref } from './links';
import { RegisterForm } from './RegisterForm';

async function load(runId: string) {
  const db = getDatabase();
  const [hasModel, registrations, names] = await Promise.all([hasStoredModel(db, runId), versionsOfRun(db, runId), modelNames(db)]);
  return { hasModel, registrations, names };
}

/** A name to start from: the dataset and target (e.g. `flights-delay`), reduced to the characters names allow. */
function suggestedName(run: RunRecord): string {
  const raw = [run.dataset.id, typeof run.params.target === 'string' ? run.params.target : ''].filter(Boolean).join('-');
  return raw.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MODEL_NAME_MAX) || 'model';
}

/** The run page's registry section: the versions this run already is, and the form to register it (finished runs with a stored model only). */
export function RegisterModelPanel({ run }: { run: RunRecord }) {
  const loaded = useLiveLoaded(() => load(run.id), [run.id], describeRegistryError);
  if (run.status !== 'FINISHED' || loaded.status === 'loading') return null;
  if (loaded.status === 'error')
    return (
      <section className="card" aria-labelledby="register-heading">
        <h2 id="register-heading">Register this model</h2>
        <p className="notice error" role="alert">
          {loaded.message}
        </p>
      </section>
    );
  const { hasModel, registrations, names } = loaded.value;
  if (!hasModel) return null;
  return (
    <section className="card register-panel" aria-labelledby="register-heading" data-testid="register-panel">
      <h2 id="register-heading">Register this model</h2>
      {registrations.length > 0 ? (
        <p data-testid="run-registrations">
          This run is{' '}
          {registrations.map(({ version, aliases }, i) => (
            <Fragment key={`${version.name}-${version.version}`}>
              {i > 0 && (i === registrations.length - 1 ? ' and ' : ', ')}
              <Link href={modelHref(version.name, version.version)}>
                {version.name} v{version.version}
              </Link>
              {aliases.length > 0 && ' '}
              <AliasBadges aliases={aliases} />
              {version.archived ? ' (archived)' : ''}
            </Fragment>
          ))}
          .
        </p>
      ) : (
        <p>Register it to give it a version number, move aliases such as @champion to it, and download it as a package.</p>
      )}
      <RegisterForm runId={run.id} defaultName={registrations[0]?.version.name ?? suggestedName(run)} names={names} />
    </section>
  );
}
