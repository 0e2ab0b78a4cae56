'use client';

import { useState } from 'react';
import { SelectField, TextField } from '@/components/ui/FormFields';
import { defaultCanaryPlan, type CanaryPlan } from '@/lib/serving/canary-plan';
import { changeRoutes } from '@/lib/serving/endpoints';
import { describeServingError } from '@/lib/serving/errors';
import { endRollout, rollbackRoutes, startAb, startCanary, startShadow } from '@/lib/serving/rollout-plans';
import type { Endpoint } from '@/lib/tracking/serving-types';
import { getDatabase } from '@/lib/tracking/db';
import { systemClock } from '@/lib/time';
import { AbResult } from './AbResult';
import { RolloutStatus } from './RolloutStatus';

type Strategy = 'canary' | 'ab' | 'shadow';

/** Parses "5, 25, 50, 100" into steps; NaN entries are kept so the plan's check names them. */
function parseSteps(text: string): number[] {
  return text
    .split(/[\s,→>]+/)
    .filter((s) => s !== '')
    .map(Number);
}

/**
 * Rollouts of an endpoint: start a canary (steps, hold, guards), an A/B test (split, α) or a
 * shadow of another version; while one runs, its state and one-click promote and rollback. Every
 * change is recorded on the timeline by `changeRoutes`.
 */
export function RolloutPanel({ endpoint, versions, aliases }: { endpoint: Endpoint; versions: readonly number[]; aliases: Readonly<Record<string, number>> }) {
  const serving = endpoint.routes.find((r) => r.role === 'primary')?.version;
  const others = versions.filter((v) => v !== serving);
  const challenger = aliases.challenger;
  const [strategy, setStrategy] = useState<Strategy>('canary');
  const [candidate, setCandidate] = useState<string>(String(challenger !== undefined && challenger !== serving ? challenger : (others.at(-1) ?? '')));
  const defaults = defaultCanaryPlan();
  const [steps, setSteps] = useState(defaults.steps.join(', '));
  const [holdRequests, setHoldRequests] = useState(String('requests' in defaults.hold ? defaults.hold.requests : 200));
  const [maxErrorRate, setMaxErrorRate] = useState(String(defaults.guards.maxErrorRate * 100));
  const [maxP95Ms, setMaxP95Ms] = useState(String(defaults.guards.maxP95Ms));
  const [maxRejectRate, setMaxRejectRate] = useState(String(defaults.guards.maxRejectRate * 100));
  const [maxMetricDrop, setMaxMetricDrop] = useState(String(defaults.guards.maxMetricDrop * 100));
  const [abShare, setAbShare] = useState('50');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const db = getDatabase();

  const act = async (label: string, work: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await work();
      setMessage({ kind: 'ok', text: label });
      setReason('');
    } catch (error) {
      setMessage({ kind: 'error', text: describeServingError(error) });
    }
  };
  const now = () => systemClock.now();
  const simNow = async () => {
    const windows = await db.trafficWindows.where('endpoint').equals(endpoint.name).toArray();
    return windows.reduce((latest, w) => Math.max(latest, w.end), 0) || now();
  };

  const start = () =>
    act(`Started a ${strategy === 'ab' ? 'A/B test' : strategy} of v${candidate}.`, async () => {
      const version = Number(candidate);
      if (strategy === 'canary') {
        const plan: CanaryPlan = {
          steps: parseSteps(steps),
          hold: { requests: Number(holdRequests) },
          guards: { maxErrorRate: Number(maxErrorRate) / 100, maxP95Ms: Number(maxP95Ms), maxRejectRate: Number(maxRejectRate) / 100, maxMetricDrop: Number(maxMetricDrop) / 100, minLabelled: defaults.guards.minLabelled },
        };
        const planned = startCanary(endpoint, version, await simNow(), plan);
        await changeRoutes(db, endpoint.name, { ...planned, action: 'canary-start', version, strategy: 'canary' }, now(), { reason, simAt: planned.rollout?.strategy === 'canary' ? planned.rollout.stepStartedAt : null });
      } else if (strategy === 'ab') {
        const planned = startAb(endpoint, version, Number(abShare));
        await changeRoutes(db, endpoint.name, { ...planned, action: 'ab-start', version, strategy: 'ab' }, now(), { reason, simAt: await simNow() });
      } else {
        const planned = startShadow(endpoint, version);
        await changeRoutes(db, endpoint.name, { ...planned, action: 'shadow-start', version, strategy: 'shadow' }, now(), { reason, simAt: await simNow() });
      }
    });

  const rollout = endpoint.rollout;
  const rollback = () =>
    act('Rolled back: all traffic is on the primary version again.', () =>
      changeRoutes(db, endpoint.name, { routes: rollbackRoutes(endpoint), rollout: null, action: rollout?.strategy === 'ab' ? 'ab-end' : rollout?.strategy === 'shadow' ? 'shadow-end' : 'rollback', version: rollout?.candidate ?? serving ?? 0, strategy: rollout?.strategy ?? null }, now(), { reason: reason || 'rolled back by hand' }),
    );
  const promote = () =>
    act(`Promoted v${rollout?.candidate}: it now answers all traffic.`, () => {
      const planned = endRollout(endpoint, 'candidate');
      return changeRoutes(db, endpoint.name, { ...planned, action: 'promote', version: rollout!.candidate, strategy: rollout!.strategy }, now(), { reason: reason || 'promoted by hand' });
    });

  return (
    <section className="card" aria-labelledby="rollout-heading" data-testid="rollout-panel">
      <h2 id="rollout-heading">Rollouts</h2>
      {rollout ? (
        <>
          <RolloutStatus endpoint={endpoint} />
          {rollout.strategy === 'ab' && <AbResult endpoint={endpoint} />}
          <TextField id="rollout-reason" label="Why (recorded on the timeline)" value={reason} onChange={setReason} />
          <div className="button-row">
            <button type="button" className="button" onClick={() => void promote()} data-testid="rollout-promote">
              {rollout.strategy === 'ab' ? `Keep B (v${rollout.candidate})` : `Promote v${rollout.candidate}`}
            </button>
            <button type="button" className="button danger" onClick={() => void rollback()} data-testid="rollout-rollback">
              {rollout.strategy === 'ab' ? `Keep A (v${serving})` : rollout.strategy === 'shadow' ? 'End the shadow' : 'Roll back'}
            </button>
          </div>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
          noValidate
        >
          <p>
            v{serving} answers all traffic. Try another version on part of it first.
          </p>
          {others.length === 0 ? (
            <p className="notice info">This model has no other version to roll out. Register another run as its next version.</p>
          ) : (
            <>
              <SelectField id="rollout-strategy" label="Strategy" value={strategy} options={[['canary', 'Canary: growing steps, guarded, rolls back by itself'], ['ab', 'A/B test: a fixed split, compared on labels'], ['shadow', 'Shadow: a copy of each request, never answered']] as const} onChange={setStrategy} />
              <SelectField id="rollout-candidate" label="Version to try" value={candidate} options={others.map((v) => [String(v), `v${v}${v === challenger ? ' (@challenger)' : ''}`] as const)} onChange={setCandidate} />
              {strategy === 'canary' && (
                <fieldset className="form-section">
                  <legend>Canary plan</legend>
                  <TextField id="canary-steps" label="Steps (% of requests)" value={steps} onChange={setSteps} hint="Ascending, ending at 100, e.g. 5, 25, 50, 100 (KServe’s canaryTrafficPercent)." />
                  <TextField id="canary-hold" label="Hold each step for (candidate requests)" value={holdRequests} onChange={setHoldRequests} inputMode="numeric" />
                  <TextField id="canary-error" label="Roll back above this error rate (%)" value={maxErrorRate} onChange={setMaxErrorRate} inputMode="decimal" />
                  <TextField id="canary-p95" label="Roll back above this p95 latency (ms)" value={maxP95Ms} onChange={setMaxP95Ms} inputMode="decimal" />
                  <TextField id="canary-rejects" label="Roll back above this share of rejected rows (%)" value={maxRejectRate} onChange={setMaxRejectRate} inputMode="decimal" />
                  <TextField id="canary-metric" label="Roll back when the live metric is worse than the primary’s by more than (%)" value={maxMetricDrop} onChange={setMaxMetricDrop} inputMode="decimal" hint={`Judged once both versions have ${defaults.guards.minLabelled} labelled rows in the step.`} />
                </fieldset>
              )}
              {strategy === 'ab' && <TextField id="ab-share" label="Share of requests to B (%)" value={abShare} onChange={setAbShare} inputMode="numeric" hint="Sticky: a request id always lands on the same variant." />}
              <TextField id="rollout-reason" label="Why (recorded on the timeline)" value={reason} onChange={setReason} />
              <div className="button-row">
                <button type="submit" className="button" data-testid="rollout-start">
                  Start
                </button>
              </div>
            </>
          )}
        </form>
      )}
      {message && (
        <p className={`notice ${message.kind === 'ok' ? 'ok' : 'error'}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="rollout-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
