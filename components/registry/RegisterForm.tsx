'use client';

import Link from 'next/link';
import { useState } from 'react';
import { parseTags } from '@/components/training/form-state';
import { describeRegistryError } from '@/lib/registry/errors';
import { modelNameProblem } from '@/lib/registry/names';
import { registerModel } from '@/lib/registry/registry';
import { getDatabase } from '@/lib/tracking/db';
import { modelHref } from './links';
import { systemClock } from '@/lib/time';
import { servingWorker } from '@/stores/serving-worker';

/** Registration time (epoch ms); read when the form is sent, never during render. */
const clock = () => systemClock.now();

type Message = { kind: 'ok'; name: string; version: number } | { kind: 'error'; text: string };

/**
 * The form that registers a run's model as the next version of a named model. Nothing typed is
 * lost on an error: the fields keep their values and the message says what to fix.
 */
export function RegisterForm({ runId, defaultName, names }: { runId: string; defaultName: string; names: readonly string[] }) {
  const [name, setName] = useState(defaultName);
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const trimmed = name.trim();
  const existing = names.includes(trimmed);
  const submit = async () => {
    const problem = modelNameProblem(trimmed);
    if (problem) {
      setMessage({ kind: 'error', text: problem });
      return;
    }
    setBusy(true);
    try {
      const version = await registerModel(getDatabase(), { name: trimmed, runId, description, tags: parseTags(tags) }, clock());
      setMessage({ kind: 'ok', name: version.name, version: version.version });
      // The monitoring reference (training split, the model's scores on it, the label-free
      // estimator) is built now, in the serving worker, so a later replay starts at once. A failure
      // here is not the registration's: the first replay builds it again and says why.
      void servingWorker()
        .call('profileVersion', { model: version.name, version: version.version })
        .result.catch(() => undefined);
      setDescription('');
      setTags('');
    } catch (error) {
      setMessage({ kind: 'error', text: describeRegistryError(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="register-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <div className="field">
        <label htmlFor="register-name">Model name</label>
        <input
          id="register-name"
          data-testid="register-name"
          list="register-model-names"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={80}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="register-name-hint"
          aria-invalid={message?.kind === 'error' && modelNameProblem(trimmed) !== null ? true : undefined}
        />
        <datalist id="register-model-names">
          {names.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <p id="register-name-hint" className="field-hint">
          {existing ? `${trimmed} exists: this adds its next version.` : 'Pick an existing model or type a new name: letters, digits, “.”, “_” and “-”, up to 64.'}
        </p>
      </div>
      <div className="field">
        <label htmlFor="register-description">Description (optional)</label>
        <textarea id="register-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="What changed in this version, and why it is worth keeping" />
      </div>
      <div className="field">
        <label htmlFor="register-tags">Tags (optional)</label>
        <input id="register-tags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="stage=candidate, owner=me" aria-describedby="register-tags-hint" />
        <p id="register-tags-hint" className="field-hint">
          Comma-separated, key=value or key.
        </p>
      </div>
      <button type="submit" className="button" disabled={busy} data-testid="register-submit">
        {busy ? 'Registering…' : 'Register'}
      </button>
      <div aria-live="polite" data-testid="register-result">
        {message?.kind === 'ok' && (
          <p className="notice ok">
            Registered as {message.name} version {message.version}. <Link href={modelHref(message.name, message.version)}>Open {message.name}</Link>
          </p>
        )}
      </div>
      {message?.kind === 'error' && (
        <p className="notice error" role="alert" data-testid="register-error">
          {message.text}
        </p>
      )}
    </form>
  );
}
