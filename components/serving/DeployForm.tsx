'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { SelectField, TextField } from '@/components/ui/FormFields';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { listModels } from '@/lib/registry/registry';
import { createEndpoint } from '@/lib/serving/endpoints';
import { describeServingError } from '@/lib/serving/errors';
import { POLICY_TEXT, POLICIES } from '@/lib/serving/policy-text';
import type { ValidationPolicy } from '@/lib/tracking/serving-types';
import { getDatabase } from '@/lib/tracking/db';
import { systemClock } from '@/lib/time';
import { endpointHref } from './links';

/** Models with the versions that can be deployed and the aliases they hold. */
async function deployable() {
  const db = getDatabase();
  const models = await listModels(db);
  const versions = await db.modelVersions.toArray();
  return models.map(({ model }) => ({
    name: model.name,
    aliases: Object.keys(model.aliases).sort(),
    versions: versions.filter((v) => v.name === model.name && !v.archived).map((v) => v.version),
  }));
}

/**
 * Deploys a registered model to a new endpoint, by alias (resolved now and recorded) or by
 * version, with a validation policy. Presets come from the URL (`?model=…&alias=…`).
 */
export function DeployForm({ preset }: { preset: { model?: string; alias?: string } }) {
  const router = useRouter();
  const loaded = useLiveLoaded(deployable, []);
  const [model, setModel] = useState(preset.model ?? '');
  const [target, setTarget] = useState(preset.alias ? `@${preset.alias}` : '@champion');
  const [name, setName] = useState('');
  const [policy, setPolicy] = useState<ValidationPolicy>('reject');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (loaded.status !== 'ready') return loaded.status === 'error' ? <p className="notice error">{loaded.message}</p> : <p role="status">Loading models…</p>;
  const models = loaded.value;
  if (models.length === 0) return <p className="notice info">No registered model yet: register a run’s model on its page first.</p>;
  const chosen = models.find((m) => m.name === model) ?? models[0]!;
  const targets: Array<readonly [string, string]> = [...chosen.aliases.map((a) => [`@${a}`, `@${a}`] as const), ...chosen.versions.map((v) => [`v${v}`, `version ${v}`] as const)];
  const targetValue = targets.some(([v]) => v === target) ? target : (targets[0]?.[0] ?? '');
  const endpointName = name.trim() || `${chosen.name.replace(/[^A-Za-z0-9_-]/g, '-')}-api`;
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const deployTarget = targetValue.startsWith('@') ? { alias: targetValue.slice(1) } : { version: Number(targetValue.slice(1)) };
      await createEndpoint(getDatabase(), endpointName, { model: chosen.name, target: deployTarget }, policy, systemClock.now(), { reason });
      router.push(endpointHref(endpointName));
    } catch (e) {
      setError(describeServingError(e));
      setBusy(false);
    }
  };
  return (
    <form
      className="form-section"
      data-testid="deploy-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <SelectField id="deploy-model" label="Model" value={chosen.name} options={models.map((m) => [m.name, m.name] as const)} onChange={setModel} />
      <SelectField id="deploy-target" label="Serve" value={targetValue} options={targets} onChange={setTarget} hint="An alias is resolved now and recorded; the endpoint keeps that version until you redeploy." />
      <TextField id="deploy-name" label="Endpoint name" value={name} onChange={setName} hint={`Letters, digits, “-” and “_”. Empty: ${endpointName}.`} />
      <SelectField id="deploy-policy" label="Rows that break the data contract" value={policy} options={POLICIES.map((p) => [p, POLICY_TEXT[p]] as const)} onChange={setPolicy} />
      <TextField id="deploy-reason" label="Why (recorded on the timeline)" value={reason} onChange={setReason} />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy || targets.length === 0} data-testid="deploy-submit">
          {busy ? 'Deploying…' : 'Deploy'}
        </button>
      </div>
      {error && (
        <p className="notice error" role="alert" data-testid="deploy-error">
          {error}
        </p>
      )}
    </form>
  );
}
