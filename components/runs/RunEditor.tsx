'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { getDatabase } from '@/lib/tracking/db';
import { describeStorageError } from '@/lib/tracking/errors';
import { editRun } from '@/lib/tracking/run-edits';
import type { RunRecord } from '@/lib/tracking/run-types';
import { deleteRun } from '@/lib/tracking/runs';
import { parseTags } from '@/components/training/form-state';

const tagText = (tags: Record<string, string>) => Object.entries(tags).map(([k, v]) => (v ? `${k}=${v}` : k)).join(', ');

/** Rename, re-tag, annotate or delete a run. Every change is one transaction; failures say why. */
export function RunEditor({ run }: { run: RunRecord }) {
  const router = useRouter();
  const [editing, setEditing] = useState<'name' | 'tags' | null>(null);
  const [draft, setDraft] = useState('');
  const [notes, setNotes] = useState(run.notes);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const save = async (patch: Parameters<typeof editRun>[2], done: string) => {
    try {
      await editRun(getDatabase(), run.id, patch);
      setEditing(null);
      setMessage({ kind: 'ok', text: done });
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error && !/Dexie|IDB/.test(error.name) ? error.message : describeStorageError(error) });
    }
  };
  const remove = async () => {
    try {
      await deleteRun(getDatabase(), run.id);
      router.push('/workbench/runs');
    } catch (error) {
      setMessage({ kind: 'error', text: describeStorageError(error) });
    }
  };
  return (
    <section className="card run-editor" aria-labelledby="edit-heading">
      <h2 id="edit-heading">Name, tags and notes</h2>
      {editing ? (
        <form
          className="inline-edit"
          onSubmit={(e) => {
            e.preventDefault();
            void save(editing === 'name' ? { name: draft } : { tags: parseTags(draft) }, editing === 'name' ? 'Renamed.' : 'Tags saved.');
          }}
        >
          <label htmlFor="run-edit-input">{editing === 'name' ? 'New name' : 'Tags (comma-separated, key=value or key)'}</label>
          <input id="run-edit-input" value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus />
          <button type="submit" className="button">
            Save
          </button>
          <button type="button" className="button secondary" onClick={() => setEditing(null)}>
            Discard
          </button>
        </form>
      ) : (
        <div className="button-row">
          <button type="button" className="button secondary" onClick={() => (setDraft(run.name), setEditing('name'))}>
            Rename
          </button>
          <button type="button" className="button secondary" onClick={() => (setDraft(tagText(run.tags)), setEditing('tags'))}>
            Edit tags
          </button>
        </div>
      )}
      <label htmlFor="run-notes">Notes</label>
      <textarea id="run-notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} onBlur={() => notes !== run.notes && void save({ notes }, 'Notes saved.')} placeholder="What did you try, and what did you learn?" />
      {message && (
        <p className={`notice ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <div className="danger-zone">
        {confirmDelete ? (
          <>
            <p>Delete “{run.name}” with its metrics and model? This cannot be undone.</p>
            <button type="button" className="button danger" onClick={() => void remove()}>
              Yes, delete this run
            </button>
            <button type="button" className="button secondary" onClick={() => setConfirmDelete(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="button secondary" onClick={() => setConfirmDelete(true)} disabled={run.status === 'RUNNING'}>
            Delete run
          </button>
        )}
      </div>
    </section>
  );
}
