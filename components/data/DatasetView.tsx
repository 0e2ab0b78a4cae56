'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { shortHash } from '@/lib/data/hash';
import { DatasetProfile } from './DatasetProfile';
import { trainHref } from './links';
import { useLoadedDataset } from './use-loaded-dataset';

function BackLink() {
  return (
    <p>
      <Link href="/workbench/data" prefetch={false}>
        ← All datasets
      </Link>
    </p>
  );
}

/** The dataset page for `?id=…`: version, size, column profiles with charts, target distribution. */
export function DatasetView() {
  const id = useSearchParams().get('id');
  const state = useLoadedDataset(id);

  if (state.status === 'no-id') {
    return (
      <>
        <h1>Dataset</h1>
        <p className="notice info" role="status">
          No dataset was chosen. Pick one from the list of datasets.
        </p>
        <BackLink />
      </>
    );
  }
  if (state.status === 'loading') {
    return (
      <>
        <h1>Dataset</h1>
        <p role="status" className="muted">
          Loading the dataset…
        </p>
      </>
    );
  }
  if (state.status === 'missing') {
    return (
      <>
        <h1>Dataset not found</h1>
        <div className="notice error" role="alert">
          <p>
            There is no dataset “{state.id}” in this browser. Uploaded datasets are stored only in the browser they were uploaded in, and
            may have been deleted.
          </p>
        </div>
        <BackLink />
      </>
    );
  }
  if (state.status === 'error') {
    return (
      <>
        <h1>Dataset</h1>
        <div className="notice error" role="alert">
          <p>The dataset could not be loaded: {state.message}</p>
        </div>
        <BackLink />
      </>
    );
  }

  const { info, table, hash } = state.dataset;
  return (
    <>
      <p className="muted small">
        <Link href="/workbench/data" prefetch={false}>
          Data
        </Link>{' '}
        / {info.kind === 'builtin' ? 'built-in dataset' : 'uploaded dataset'}
      </p>
      <h1>{info.name}</h1>
      <p className="lead">{info.description}</p>
      <dl className="facts" data-testid="dataset-facts">
        <div>
          <dt>Version</dt>
          <dd>
            <code title={`SHA-256 of the file: ${hash}`} data-testid="dataset-version">
              {shortHash(hash)}
            </code>
          </dd>
        </div>
        <div>
          <dt>Rows</dt>
          <dd data-testid="dataset-rows">{table.rowCount.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Columns</dt>
          <dd>{table.columns.length}</dd>
        </div>
        <div>
          <dt>Time column</dt>
          <dd>{info.timeColumn ?? 'none (random split only)'}</dd>
        </div>
      </dl>
      <p className="muted small">The version is the SHA-256 hash of the file’s content: every run records it, so you can tell which data a model saw.</p>
      {info.targets[0] && (
        <div className="exercise-actions">
          <Link className="button" href={trainHref(info.id, info.targets[0].column)} prefetch={false}>
            Train on it
          </Link>
        </div>
      )}
      <DatasetProfile info={info} table={table} reportCounts={state.reportCounts} />
    </>
  );
}
