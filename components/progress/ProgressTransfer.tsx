'use client';

import { useState, type ChangeEvent } from 'react';
import { MAX_PROGRESS_FILE_BYTES, parseProgressFile, serializeProgress, tooLargeMessage, type CourseCatalog } from '@/lib/course/progress-bundle';
import { getDatabase } from '@/lib/tracking/db';
import { describeStorageError } from '@/lib/tracking/errors';
import { readProgress, replaceProgress, resetProgress, type ProgressRecords } from '@/lib/tracking/progress';
import { systemClock } from '@/lib/time';

type Message = { kind: 'ok' | 'error' | 'info'; text: string } | null;
type Pending = { fileName: string; records: ProgressRecords; summary: string } | null;

/** Export, import (validated, all-or-nothing) and reset of the learner's progress. */
export function ProgressTransfer({ catalog }: { catalog: CourseCatalog }) {
  const [message, setMessage] = useState<Message>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [confirmReset, setConfirmReset] = useState(false);
  const [busy, setBusy] = useState(false);

  const exportProgress = async () => {
    try {
      const records = await readProgress(getDatabase());
      const blob = new Blob([serializeProgress(records.exercises, records.visits, systemClock.now())], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `mlops-workbench-progress-${new Date(systemClock.now()).toISOString().slice(0, 10)}.json`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage({ kind: 'ok', text: `Exported ${records.exercises.length} exercise records and ${records.visits.length} lesson visits.` });
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    }
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    setPending(null);
    if (!file) return;
    // Refuse huge files before reading a byte of them.
    if (file.size > MAX_PROGRESS_FILE_BYTES) {
      setMessage({ kind: 'error', text: `“${file.name}” was not imported. ${tooLargeMessage(file.size)} Nothing was imported; your progress is unchanged.` });
      return;
    }
    const result = parseProgressFile(await file.text(), catalog);
    if (!result.ok) {
      setMessage({ kind: 'error', text: `“${file.name}” was not imported. ${result.error}` });
      return;
    }
    setMessage(null);
    setPending({ fileName: file.name, records: { exercises: result.exercises, visits: result.visits }, summary: result.summary });
  };

  const confirmImport = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      await replaceProgress(getDatabase(), pending.records);
      setMessage({ kind: 'ok', text: `Imported ${pending.summary} from “${pending.fileName}”.` });
      setPending(null);
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    } finally {
      setBusy(false);
    }
  };

  const doReset = async () => {
    setBusy(true);
    try {
      await resetProgress(getDatabase());
      setMessage({ kind: 'ok', text: 'Progress reset. Every lesson is back to not started.' });
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    } finally {
      setBusy(false);
      setConfirmReset(false);
    }
  };

  return (
    <div className="transfer">
      <section className="card" aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <p>Save your progress as a JSON file, to keep a backup or to continue in another browser.</p>
        <button type="button" className="button" onClick={() => void exportProgress()}>
          Export progress
        </button>
      </section>
      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">Import</h2>
        <p>Restore progress from a file exported here. The file is checked first; your current progress is replaced only if all of it is valid.</p>
        <label className="file-label" htmlFor="progress-file">
          Progress file (.json)
        </label>
        <input id="progress-file" type="file" accept="application/json,.json" onChange={(e) => void chooseFile(e)} />
        {pending && (
          <div className="notice info" role="status">
            <p>
              “{pending.fileName}” holds {pending.summary}. Importing replaces your current progress.
            </p>
            <div className="exercise-actions">
              <button type="button" className="button" disabled={busy} onClick={() => void confirmImport()}>
                Replace my progress
              </button>
              <button type="button" className="button secondary" onClick={() => setPending(null)}>
                Cancel
              </button>
            </div>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="reset-heading">
        <h2 id="reset-heading">Reset</h2>
        <p>Start the course over: delete every exercise result and lesson visit stored in this browser.</p>
        {confirmReset ? (
          <div className="notice error" role="alertdialog" aria-labelledby="reset-confirm-text">
            <p id="reset-confirm-text">Delete all progress? This cannot be undone — export first if you may want it back.</p>
            <div className="exercise-actions">
              <button type="button" className="button danger" disabled={busy} onClick={() => void doReset()}>
                Yes, delete my progress
              </button>
              <button type="button" className="button secondary" onClick={() => setConfirmReset(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button secondary" onClick={() => setConfirmReset(true)}>
            Reset progress…
          </button>
        )}
      </section>
      <div aria-live="polite" data-testid="transfer-message">
        {message && (
          <p className={`notice ${message.kind}`} role={message.kind === 'error' ? 'alert' : undefined}>
            {message.text}
          </p>
        )}
      </div>
    </div>
  );
}
