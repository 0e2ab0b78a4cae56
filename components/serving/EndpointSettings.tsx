'use client';

import { useState } from 'react';
import { SelectField, TextField } from '@/components/ui/FormFields';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { replaceVersion, setEndpointStatus, setPolicy } from '@/lib/serving/endpoints';
import { describeServingError } from '@/lib/serving/errors';
import { POLICIES, POLICY_TEXT } from '@/lib/serving/policy-text';
import type { Endpoint, ValidationPolicy } from '@/lib/tracking/serving-types';
import { getDatabase } from '@/lib/tracking/db';
import { systemClock } from '@/lib/time';

/**
 * What the endpoint serves and how it treats bad rows: replace the version (by alias, resolved
 * now, or by number), change the validation policy, stop or start it. An endpoint that follows an
 * alias says when the alias has moved since it was resolved.
 */
export function EndpointSettings({ endpoint }: { endpoint: Endpoint }) {
  const loaded = useLiveLoaded(async () => {
    const db = getDatabase();
    const [model, versions] = await Promise.all([db.registeredModels.get(endpoint.model), db.modelVersions.where('name').equals(endpoint.model).toArray()]);
    return { aliases: model?.aliases ?? {}, versions: versions.filter((v) => !v.archived).map((v) => v.version) };
  }, [endpoint.model]);
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const db = getDatabase();
  const act = async (ok: string, work: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await work();
      setMessage({ kind: 'ok', text: ok });
      setReason('');
    } catch (error) {
      setMessage({ kind: 'error', text: describeServingError(error) });
    }
  };
  if (loaded.status !== 'ready') return null;
  const { aliases, versions } = loaded.value;
  const serving = endpoint.routes.find((r) => r.role === 'primary')?.version;
  const followed = 'alias' in endpoint.target ? endpoint.target.alias : null;
  const moved = followed !== null && aliases[followed] !== undefined && aliases[followed] !== serving && endpoint.rollout === null;
  const targets = [...Object.keys(aliases).sort().map((a) => [`@${a}`, `@${a} (v${aliases[a]})`] as const), ...versions.map((v) => [`v${v}`, `version ${v}`] as const)];
  const chosen = targets.some(([v]) => v === target) ? target : (targets[0]?.[0] ?? '');
  const replace = (value: string) =>
    act(`Now serving ${value}.`, () => replaceVersion(db, endpoint.name, value.startsWith('@') ? { alias: value.slice(1) } : { version: Number(value.slice(1)) }, systemClock.now(), { reason }));
  return (
    <section className="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Serving</h2>
      {moved && (
        <p className="notice info" data-testid="alias-moved">
          @{followed} now points at v{aliases[followed]}; this endpoint still serves v{serving}, resolved when it was deployed.{' '}
          <button type="button" className="button" onClick={() => void replace(`@${followed}`)} data-testid="redeploy-alias">
            Redeploy @{followed}
          </button>
        </p>
      )}
      <form
        className="form-section"
        onSubmit={(e) => {
          e.preventDefault();
          void replace(chosen);
        }}
        noValidate
      >
        <SelectField id="replace-target" label="Replace with" value={chosen} options={targets} onChange={setTarget} hint="All traffic moves at once. A canary is the careful way." />
        <TextField id="replace-reason" label="Why (recorded on the timeline)" value={reason} onChange={setReason} />
        <div className="button-row">
          <button type="submit" className="button" disabled={endpoint.status === 'stopped'} data-testid="replace-submit">
            Replace
          </button>
        </div>
      </form>
      <SelectField id="endpoint-policy" label="Rows that break the data contract" value={endpoint.policy} options={POLICIES.map((p) => [p, POLICY_TEXT[p]] as const)} onChange={(p: ValidationPolicy) => void act(`Policy: ${p}.`, () => setPolicy(db, endpoint.name, p, systemClock.now()))} />
      <div className="button-row">
        <button type="button" className="button" onClick={() => void act(endpoint.status === 'serving' ? 'Stopped.' : 'Serving again.', () => setEndpointStatus(db, endpoint.name, endpoint.status === 'serving' ? 'stopped' : 'serving', systemClock.now(), { reason }))} data-testid="endpoint-toggle">
          {endpoint.status === 'serving' ? 'Stop the endpoint' : 'Start the endpoint'}
        </button>
      </div>
      {message && (
        <p className={`notice ${message.kind === 'ok' ? 'ok' : 'error'}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
