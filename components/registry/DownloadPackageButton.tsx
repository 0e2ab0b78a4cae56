'use client';

import { useState } from 'react';
import { formatSize } from '@/lib/registry/package/names';
import { getDatabase } from '@/lib/tracking/db';
import { describeStorageError, isStorageError } from '@/lib/tracking/errors';
import { systemClock } from '@/lib/time';

type State = { kind: 'idle' } | { kind: 'building' } | { kind: 'done'; fileName: string; bytes: number } | { kind: 'error'; message: string };

/**
 * Builds the deployable zip of one model version in the browser (model, preprocessing, model
 * card, Node server, Dockerfile, README) and downloads it. The builder and fflate load on the
 * first click, so the models page does not pay for them.
 */
export function DownloadPackageButton({ name, version }: { name: string; version: number }) {
  const target = `${name}@${version}`;
  // The outcome belongs to the version it was built for: another version starts idle.
  const [outcome, setOutcome] = useState<{ target: string; state: State }>({ target, state: { kind: 'idle' } });
  const state = outcome.target === target ? outcome.state : ({ kind: 'idle' } as const);
  const build = async () => {
    setOutcome({ target, state: { kind: 'building' } });
    try {
      const { buildModelPackage } = await import('@/lib/registry/package/build');
      const built = await buildModelPackage(getDatabase(), name, version, systemClock.now());
      saveFile(built.fileName, built.bytes);
      setOutcome({ target, state: { kind: 'done', fileName: built.fileName, bytes: built.bytes.byteLength } });
    } catch (error) {
      setOutcome({ target, state: { kind: 'error', message: describe(error) } });
    }
  };
  return (
    <span className="package-download">
      <button type="button" className="button secondary" disabled={state.kind === 'building'} aria-busy={state.kind === 'building'} onClick={() => void build()} data-testid="download-package-button">
        {state.kind === 'building' ? 'Building…' : `Download package (v${version})`}
      </button>
      <span role="status" className="field-hint" data-testid="download-package-status">
        {state.kind === 'building' ? 'Building the package…' : state.kind === 'done' ? `Downloaded ${state.fileName} (${formatSize(state.bytes)})` : ''}
      </span>
      {state.kind === 'error' && (
        <span className="notice error" role="alert" data-testid="download-package-error">
          {state.message}
        </span>
      )}
    </span>
  );
}

/** Hands the bytes to the browser as a file download through a temporary object URL. */
function saveFile(fileName: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not now: some browsers start reading the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function describe(error: unknown): string {
  if (error instanceof Error && error.name === 'PackageError') return error.message;
  if (isStorageError(error)) return `The package could not be built: ${describeStorageError(error)}`;
  return `The package could not be built: ${error instanceof Error ? error.message : String(error)}`;
}
