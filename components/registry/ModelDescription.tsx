'use client';

import { useState } from 'react';
import { describeRegistryError } from '@/lib/registry/errors';
import { editModel } from '@/lib/registry/registry';
import type { RegisteredModel } from '@/lib/registry/types';
import { getDatabase } from '@/lib/tracking/db';
import { VersionMessage, type PanelMessage } from './VersionMessage';
import { systemClock } from '@/lib/time';

/** A model's description, editable in place; a failed save keeps the draft. */
export function ModelDescription({ model }: { model: RegisteredModel }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<PanelMessage | null>(null);
  const save = async (text: string) => {
    try {
      await editModel(getDatabase(), model.name, { description: text }, systemClock.now());
      setDraft(null);
      setMessage({ kind: 'ok', text: 'Description saved.' });
    } catch (error) {
      setMessage({ kind: 'error', text: describeRegistryError(error) });
    }
  };
  return (
    <section className="card" aria-labelledby="description-heading">
      <h2 id="description-heading">Description</h2>
      {draft === null ? (
        <>
          <p className={model.description ? 'model-description' : 'field-hint'} data-testid="model-description">
            {model.description || 'No description yet: say what this model predicts, for whom, and from which data.'}
          </p>
          <button type="button" className="button secondary" onClick={() => (setDraft(model.description), setMessage(null))}>
            Edit description
          </button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save(draft);
          }}
        >
          <div className="field">
            <label htmlFor="model-description-input">Description of {model.name}</label>
            <textarea id="model-description-input" rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus />
          </div>
          <div className="button-row">
            <button type="submit" className="button">
              Save
            </button>
            <button type="button" className="button secondary" onClick={() => setDraft(null)}>
              Discard
            </button>
          </div>
        </form>
      )}
      <VersionMessage message={message} />
    </section>
  );
}
