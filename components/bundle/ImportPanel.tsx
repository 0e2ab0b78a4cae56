'use client';

import Link from 'next/link';
import { useState, type ChangeEvent, type DragEvent } from 'react';
import type { CourseCatalog } from '@/lib/course/progress-bundle';
import { bundleTooLargeMessage, MAX_BUNDLE_BYTES, NOTHING_CHANGED, type BundleCounts } from '@/lib/tracking/bundle/format';
import { applyBundle, describeImport, previewBundleImport } from '@/lib/tracking/bundle/import';
import { parseBundle, type DecodedBundle } from '@/lib/tracking/bundle/parse';
import { getDatabase } from '@/lib/tracking/db';
import { CountsTable } from './CountsTable';
import { systemClock } from '@/lib/time';
import { formatDateTime } from '@/components/ui/format-time';

type Counts = { added: BundleCounts; updated: BundleCounts; skipped: BundleCounts };
type Stage = { kind: 'idle' } | { kind: 'checking'; fileName: string } | { kind: 'preview'; fileName: string; bundle: DecodedBundle; counts: Counts } | { kind: 'importing'; fileName: string };
type Message = { kind: 'ok' | 'error'; text: string } | null;

/**
 * Import: a file (picked or dropped) is checked completely and compared with what is stored,
 * then a preview says what would be added, merged and skipped; nothing is written until the
 * learner confirms, and then everything is written in one transaction or nothing is.
 */
export function ImportPanel({ catalog }: { catalog: CourseCatalog }) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [message, setMessage] = useState<Message>(null);
  const [dragging, setDragging] = useState(false);
  const busy = stage.kind === 'checking' || stage.kind === 'importing';

  const check = async (file: File) => {
    setMessage(null);
    const refuse = (text: string) => {
      setStage({ kind: 'idle' });
      setMessage({ kind: 'error', text: `“${file.name}” was not imported. ${text}` });
    };
    // Refuse huge files before reading a byte of them.
    if (file.size > MAX_BUNDLE_BYTES) return refuse(bundleTooLargeMessage(file.size));
    setStage({ kind: 'checking', fileName: file.name });
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse(`The browser could not read the file. ${NOTHING_CHANGED}`);
    }
    const parsed = parseBundle(text, { catalog });
    if (!parsed.ok) return refuse(parsed.error);
    const preview = await previewBundleImport(getDatabase(), parsed.bundle, systemClock.now());
    if (!preview.ok) return refuse(preview.error);
    setStage({ kind: 'preview', fileName: file.name, bundle: parsed.bundle, counts: preview });
  };

  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (file) void check(file);
  };
  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) void check(file);
  };

  const confirm = async () => {
    if (stage.kind !== 'preview') return;
    const { fileName, bundle } = stage;
    setStage({ kind: 'importing', fileName });
    const result = await applyBundle(getDatabase(), bundle, systemClock.now());
    if (result.ok) {
      setStage({ kind: 'idle' });
      setMessage({ kind: 'ok', text: `Imported “${fileName}”. ${result.summary}` });
    } else {
      // A full disk can be fixed and retried: keep the checked file ready.
      setStage(result.reason === 'storage' ? stage : { kind: 'idle' });
      setMessage({ kind: 'error', text: `“${fileName}” was not imported. ${result.error}` });
    }
  };

  return (
    <section className="card bundle-panel" aria-labelledby="bundle-import-heading" data-testid="bundle-import">
      <h2 id="bundle-import-heading">Import</h2>
      <p>Add the runs, models and progress of a bundle exported here or in another browser. The file is checked completely first; records you already have are skipped, and nothing is overwritten.</p>
      <div
        className={`bundle-drop${dragging ? ' active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <label className="file-label" htmlFor="bundle-file">
          Bundle file (.json)
        </label>
        <input id="bundle-file" type="file" accept="application/json,.json" onChange={chooseFile} disabled={busy} data-testid="bundle-file-input" aria-describedby="bundle-drop-hint" />
        <p id="bundle-drop-hint" className="field-hint">
          Or drop the file here. Up to 200 MB.
        </p>
      </div>
      <div aria-live="polite">
        {stage.kind === 'checking' && <p role="status">Checking “{stage.fileName}”…</p>}
        {stage.kind === 'importing' && <p role="status">Importing “{stage.fileName}”…</p>}
      </div>
      {stage.kind === 'preview' && (
        <div className="notice info" data-testid="bundle-preview">
          <p>
            “{stage.fileName}”, exported {formatExportedAt(stage.bundle.exportedAt)}. {describeImport(stage.counts.added, stage.counts.updated, stage.counts.skipped, true)}
          </p>
          <CountsTable {...stage.counts} />
          <div className="exercise-actions">
            <button type="button" className="button" onClick={() => void confirm()} data-testid="bundle-confirm">
              Import
            </button>
            <button type="button" className="button secondary" onClick={() => setStage({ kind: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <div aria-live="polite" data-testid="bundle-message">
        {message && (
          <div className={`notice ${message.kind}`} role={message.kind === 'error' ? 'alert' : undefined}>
            <p>{message.text}</p>
            {message.kind === 'ok' && (
              <p>
                <Link href="/workbench/runs">See the runs</Link> · <Link href="/workbench/models">See the models</Link>
              </p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}

function formatExportedAt(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? 'at an unknown time' : `on ${formatDateTime(date.getTime())}`;
}
