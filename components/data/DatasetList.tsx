'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { DatasetInfo } from '@/lib/data/load';
import { deleteUploadedDataset } from '@/lib/tracking/datasets';
import { getDatabase } from '@/lib/tracking/db';
import { describeStorageError } from '@/lib/tracking/errors';
import { datasetHref, trainHref } from './links';
import { useDatasetInfos } from './use-datasets';

type Message = { kind: 'ok' | 'error'; text: string } | null;

/** Every dataset (built-in, then uploads) as cards with Explore / Train links; uploads can be deleted. */
export function DatasetList() {
  const { datasets, loading } = useDatasetInfos();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  const remove = async (info: DatasetInfo) => {
    setBusy(true);
    try {
      await deleteUploadedDataset(getDatabase(), info.id);
      setMessage({ kind: 'ok', text: `Deleted “${info.name}”. Runs that used it keep its id and version.` });
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  const uploads = datasets.filter((d) => d.kind === 'upload').length;
  return (
    <section aria-labelledby="datasets-heading">
      <h2 id="datasets-heading">Datasets</h2>
      <ul className="dataset-grid" data-testid="dataset-list">
        {datasets.map((info) => (
          <li key={info.id} className="card dataset-card" data-testid={`dataset-${info.id}`}>
            <div className="dataset-card-head">
              <h3 id={`dataset-name-${info.id}`}>{info.name}</h3>
              <span className="badge">{info.kind === 'builtin' ? 'Built-in' : 'Uploaded'}</span>
            </div>
            <p>{info.description}</p>
            <dl className="targets">
              <dt>{info.targets.length === 1 ? 'Target' : 'Targets'}</dt>
              {info.targets.map((t) => (
                <dd key={t.column}>
                  <code>{t.column}</code> <span className="badge">{t.task}</span> <span className="muted">{t.description}</span>
                </dd>
              ))}
            </dl>
            <div className="exercise-actions">
              <Link className="button secondary" href={datasetHref(info.id)} prefetch={false} aria-describedby={`dataset-name-${info.id}`}>
                Explore
              </Link>
              {info.targets[0] && (
                <Link className="button" href={trainHref(info.id, info.targets[0].column)} prefetch={false} aria-describedby={`dataset-name-${info.id}`}>
                  Train on it
                </Link>
              )}
              {info.kind === 'upload' && confirming !== info.id && (
                <button type="button" className="button secondary" onClick={() => setConfirming(info.id)} aria-describedby={`dataset-name-${info.id}`}>
                  Delete…
                </button>
              )}
            </div>
            {confirming === info.id && (
              <div className="notice error" role="alertdialog" aria-labelledby={`confirm-${info.id}`}>
                <p id={`confirm-${info.id}`}>Delete “{info.name}” from this browser? Runs that used it are kept, but it cannot be explored or retrained on until you upload the file again.</p>
                <div className="exercise-actions">
                  <button type="button" className="button danger" disabled={busy} onClick={() => void remove(info)}>
                    Yes, delete it
                  </button>
                  <button type="button" className="button secondary" onClick={() => setConfirming(null)}>
                    Cancel
                  </button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
      {loading ? (
        <p role="status" className="muted">
          Looking for your uploaded datasets…
        </p>
      ) : (
        uploads === 0 && <p className="muted">No uploaded datasets yet: upload a CSV file below to add your own.</p>
      )}
      <div aria-live="polite">
        {message && (
          <p className={`notice ${message.kind}`} role={message.kind === 'error' ? 'alert' : undefined}>
            {message.text}
          </p>
        )}
      </div>
    </section>
  );
}
