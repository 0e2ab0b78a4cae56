'use client';

import { useState } from 'react';
import { CHALLENGER, CHAMPION } from '@/lib/registry/aliases';
import { describeRegistryError } from '@/lib/registry/errors';
import { aliasProblem, normalizeAlias } from '@/lib/registry/names';
import { setAlias } from '@/lib/registry/registry';
import { getDatabase } from '@/lib/tracking/db';
import type { PanelMessage } from './VersionMessage';
import { systemClock } from '@/lib/time';

type Choice = typeof CHAMPION | typeof CHALLENGER | 'custom';

/**
 * Sets an alias on one version: @champion, @challenger or a custom one, with an optional reason
 * kept in the alias history. Moving an alias asks no confirmation: the history records the move
 * and it can be moved back. What was typed stays on an error.
 */
export function AliasForm({ name, version, onDone }: { name: string; version: number; onDone: (message: PanelMessage) => void }) {
  const [choice, setChoice] = useState<Choice>(CHAMPION);
  const [custom, setCustom] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const alias = choice === 'custom' ? normalizeAlias(custom) : choice;
    const problem = aliasProblem(alias);
    if (problem) return onDone({ kind: 'error', text: problem });
    setBusy(true);
    try {
      const result = await setAlias(getDatabase(), name, alias, version, systemClock.now(), { reason });
      if (!result.changed) onDone({ kind: 'ok', text: `v${version} already holds @${alias}; nothing changed.` });
      else if (result.previousVersion !== null) onDone({ kind: 'ok', text: `Moved @${alias} from v${result.previousVersion} to v${version}.` });
      else onDone({ kind: 'ok', text: `Set @${alias} on v${version}.` });
      if (result.changed) setReason('');
    } catch (error) {
      onDone({ kind: 'error', text: describeRegistryError(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="alias-form"
      data-testid="alias-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <fieldset>
        <legend>Set an alias on v{version}</legend>
        <div className="alias-fields">
          <div className="field">
            <label htmlFor="alias-choice">Alias</label>
            <select id="alias-choice" data-testid="alias-select" value={choice} onChange={(e) => setChoice(e.target.value as Choice)}>
              <option value={CHAMPION}>@champion</option>
              <option value={CHALLENGER}>@challenger</option>
              <option value="custom">another alias…</option>
            </select>
          </div>
          {choice === 'custom' && (
            <div className="field">
              <label htmlFor="alias-custom">Alias name</label>
              <input id="alias-custom" data-testid="alias-custom" value={custom} onChange={(e) => setCustom(e.target.value)} placeholder="staging" autoComplete="off" spellCheck={false} aria-describedby="alias-custom-hint" />
              <p id="alias-custom-hint" className="field-hint">
                Lower-case letters, digits and “-”.
              </p>
            </div>
          )}
          <div className="field">
            <label htmlFor="alias-reason">Reason (optional)</label>
            <input id="alias-reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="lower validation RMSE than v1" maxLength={500} />
          </div>
        </div>
        <button type="submit" className="button" disabled={busy} data-testid="alias-submit">
          Set alias
        </button>
      </fieldset>
    </form>
  );
}
