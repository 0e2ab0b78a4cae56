'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import type { CsvReport } from '@/lib/data/csv';
import type { DataTable } from '@/lib/data/table';
import { saveUploadedDataset } from '@/lib/tracking/datasets';
import type { StoredDataset } from '@/lib/tracking/dataset-types';
import { getDatabase } from '@/lib/tracking/db';
import { describeStorageError } from '@/lib/tracking/errors';
import { datasetHref, trainHref } from './links';
import { defaultDatasetName, featuresFor, targetChoices, timeColumnOf, type Task } from './upload-choices';
import { systemClock } from '@/lib/time';

type SaveState =
  | { status: 'editing' }
  | { status: 'saving' }
  | { status: 'saved'; id: string; name: string; target: string; reused: boolean }
  | { status: 'error'; message: string };

/** Target, task and name for a parsed upload, and the button that stores it in IndexedDB. */
export function SaveDatasetForm({ file, report, table, hash }: { file: File; report: CsvReport; table: DataTable; hash: string }) {
  const ids = useId();
  const choices = targetChoices(report, table);
  const [target, setTarget] = useState(choices[0]?.column ?? '');
  const choice = choices.find((c) => c.column === target);
  const [taskOverride, setTaskOverride] = useState<{ target: string; task: Task } | null>(null);
  const task: Task | undefined = taskOverride?.target === target ? taskOverride.task : choice?.tasks[0];
  const [name, setName] = useState(defaultDatasetName(file.name));
  const [state, setState] = useState<SaveState>({ status: 'editing' });
  const timeColumn = timeColumnOf(report);

  if (choices.length === 0 || !choice || !task) {
    return (
      <p className="notice error" role="alert">
        No column can be predicted: a target must be a usable text, true/false or number column. This file cannot be saved as a dataset.
      </p>
    );
  }

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') return;
    setState({ status: 'saving' });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setState({ status: 'error', message: `The file could not be read again (${error instanceof Error ? error.message : String(error)}). Choose it again, then save. Nothing was stored.` });
      return;
    }
    const record = buildRecord({ file, text, hash, report, name: trimmed, target, task, timeColumn });
    try {
      const stored = await saveUploadedDataset(getDatabase(), record);
      setState({ status: 'saved', id: stored.id, name: stored.name, target: stored.target, reused: stored.id !== record.id });
    } catch (error) {
      setState({ status: 'error', message: describeStorageError(error) });
    }
  };

  const features = featuresFor(report, target, timeColumn);
  return (
    <form className="save-form" onSubmit={(e) => void save(e)} aria-labelledby={`${ids}-heading`}>
      <h4 id={`${ids}-heading`}>Save as a dataset</h4>
      <div className="field">
        <label htmlFor={`${ids}-target`}>Target</label>
        <select id={`${ids}-target`} value={target} onChange={(e) => setTarget(e.currentTarget.value)} aria-describedby={`${ids}-task-why`}>
          {choices.map((c) => (
            <option key={c.column} value={c.column}>
              {c.column}
            </option>
          ))}
        </select>
      </div>
      {choice.tasks.length > 1 ? (
        <div className="field">
          <label htmlFor={`${ids}-task`}>Task</label>
          <select id={`${ids}-task`} value={task} onChange={(e) => setTaskOverride({ target, task: e.currentTarget.value as Task })} aria-describedby={`${ids}-task-why`}>
            {choice.tasks.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="field">
          <span className="field-label">Task</span> <span data-testid="inferred-task">{task}</span>
        </p>
      )}
      <p id={`${ids}-task-why`} className="muted small">
        Inferred {choice.tasks[0]}: {choice.why}.
      </p>
      <p className="muted small">
        Inputs by default: {features.length > 0 ? features.join(', ') : 'none (only the target is usable)'}.{' '}
        {timeColumn ? `Time column for a time split: ${timeColumn}.` : 'No date column: only a random split is possible.'}
      </p>
      <div className="field">
        <label htmlFor={`${ids}-name`}>Dataset name</label>
        <input id={`${ids}-name`} type="text" value={name} required maxLength={120} onChange={(e) => setName(e.currentTarget.value)} />
      </div>
      <div className="exercise-actions">
        <button type="submit" className="button" disabled={state.status === 'saving' || name.trim() === ''}>
          Save dataset
        </button>
        {state.status === 'saving' && <span role="status">Saving…</span>}
      </div>
      <div aria-live="polite">
        {state.status === 'saved' && (
          <div className="notice ok" role="status" data-testid="save-result">
            <p>
              {state.reused ? `This file was already saved with the same target, as “${state.name}”; nothing was duplicated.` : `Saved “${state.name}” in this browser.`}
            </p>
            <div className="exercise-actions">
              <Link className="button secondary" href={datasetHref(state.id)} prefetch={false}>
                Explore
              </Link>
              <Link className="button" href={trainHref(state.id, state.target)} prefetch={false}>
                Train on it
              </Link>
            </div>
          </div>
        )}
      </div>
      {state.status === 'error' && (
        <p className="notice error" role="alert">
          {state.message}
        </p>
      )}
    </form>
  );
}

/** `crypto.randomUUID()`, which exists only in secure contexts; else a random v4-style id. */
function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

interface RecordInput {
  file: File;
  text: string;
  hash: string;
  report: CsvReport;
  name: string;
  target: string;
  task: Task;
  timeColumn: string | null;
}

/** The IndexedDB record of an upload: a fresh id, the file's text and version, the learner's choices. */
function buildRecord({ file, text, hash, report, name, target, task, timeColumn }: RecordInput): StoredDataset {
  return {
    id: newId(),
    name,
    fileName: file.name,
    hash,
    text,
    createdAt: systemClock.now(),
    rows: report.rows,
    target,
    task,
    timeColumn,
    features: featuresFor(report, target, timeColumn),
    report,
  };
}
