'use client';

import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { SelectField, TextField } from '@/components/ui/FormFields';
import { useLiveLoaded } from '@/components/ui/use-loaded';
import { markInterruptedReplays, replaysOf } from '@/lib/serving/replay-records';
import { replayLockName } from '@/lib/serving/lock-names';
import type { ReplaySpeed } from '@/lib/serving/protocol';
import { defaultMagnitude, listScenarios, magnitudeUnit, type ScenarioId } from '@/lib/serving/traffic';
import type { Endpoint } from '@/lib/tracking/serving-types';
import { getDatabase } from '@/lib/tracking/db';
import { systemClock } from '@/lib/time';
import { replayStore } from '@/stores/replay';
import { ReplayStatus } from './ReplayStatus';
import { TrafficWindowsTable } from './TrafficWindowsTable';

const SPEEDS: ReadonlyArray<readonly [string, string]> = [
  ['3600', '1 simulated hour a second'],
  ['86400', '1 simulated day a second'],
  ['max', 'As fast as possible'],
];

async function scenarioFacts(endpoint: Endpoint) {
  const db = getDatabase();
  const primary = endpoint.routes.find((r) => r.role === 'primary')?.version ?? 0;
  const version = await db.modelVersions.get([endpoint.model, primary]);
  const live = typeof navigator !== 'undefined' && navigator.locks ? ((await navigator.locks.query()).held ?? []).some((l) => l.name === replayLockName(endpoint.name)) : false;
  const running = replayStore.getState();
  await markInterruptedReplays(db, endpoint.name, live || ((running.phase === 'running' || running.phase === 'starting') && running.endpoint === endpoint.name), systemClock.now());
  const numeric = (version?.contract?.columns ?? []).filter((c) => c.kind === 'numeric' && c.type === 'numeric').map((c) => c.name);
  return { datasetId: version?.dataset.id ?? '', task: (version?.task ?? 'regression') as 'regression' | 'classification', replays: await replaysOf(db, endpoint.name), numeric };
}

/**
 * Production traffic for an endpoint: pick a scenario (a real replay, a drift, the control), its
 * seed, volume, dirty-data rate and speed; start, pause, step and stop it; watch each simulated
 * day's traffic fill in. An interrupted replay (a reload) can be resumed where its log ends.
 */
export function TrafficPanel({ endpoint }: { endpoint: Endpoint }) {
  const facts = useLiveLoaded(() => scenarioFacts(endpoint), [endpoint.name, endpoint.routes.map((r) => r.version).join(',')]);
  const phase = useStore(replayStore, (s) => s.phase);
  const runningHere = useStore(replayStore, (s) => s.endpoint === endpoint.name);
  const [scenario, setScenario] = useState<string>('');
  const [seed, setSeed] = useState('1');
  const [days, setDays] = useState('14');
  const [perDay, setPerDay] = useState('500');
  const [rows, setRows] = useState('1');
  const [dirty, setDirty] = useState('0');
  const [driftStart, setDriftStart] = useState('7');
  const [magnitude, setMagnitude] = useState('');
  const [speed, setSpeed] = useState('max');
  const [feature, setFeature] = useState('');
  const [hidden, setHidden] = useState(false);
  const [labelDelay, setLabelDelay] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => replayStore.getState().reset(), []);
  if (facts.status !== 'ready') return facts.status === 'error' ? <p className="notice error">{facts.message}</p> : <p role="status">Loading scenarios…</p>;
  const { datasetId, task, replays, numeric } = facts.value;
  const scenarios = listScenarios(datasetId);
  const chosen = scenarios.find((s) => s.id === scenario) ?? scenarios[0];
  const busy = phase === 'starting' || phase === 'running';
  const interrupted = replays.find((r) => r.status === 'INTERRUPTED');
  const unit = chosen ? magnitudeUnit(chosen.id, task) : null;
  const picksFeature = chosen?.drift === 'covariate' || chosen?.drift === 'concept';
  const start = (resume?: string) => {
    setError(null);
    const numbers = { seed: Number(seed), days: Number(days), requestsPerDay: Number(perDay), rowsPerRequest: Number(rows), dirtyRate: Number(dirty) / 100, driftStart: Number(driftStart) };
    const bad = Object.entries(numbers).find(([, v]) => !Number.isFinite(v) || v < 0);
    if (bad) {
      setError(`${bad[0]} must be a number ≥ 0.`);
      return;
    }
    if (labelDelay.trim() !== '' && !(Number(labelDelay) >= 0 && Number(labelDelay) <= 24 * 60)) {
      setError('Labels arrive after 0 to 1,440 simulated hours (60 days); leave it empty for the dataset’s usual delay.');
      return;
    }
    if (numbers.dirtyRate > 1) {
      setError('The dirty-data rate is a percent from 0 to 100.');
      return;
    }
    if (unit && chosen?.kind === 'synthetic' && numbers.driftStart >= numbers.days) {
      setError(`The drift starts on day ${numbers.driftStart}, but the traffic lasts ${numbers.days} days (days 0 to ${numbers.days - 1}): nothing would drift. Start it earlier or play more days.`);
      return;
    }
    replayStore.getState().start({
      endpoint: endpoint.name,
      scenario: chosen?.id ?? 'control',
      ...numbers,
      magnitude: magnitude.trim() === '' ? undefined : Number(magnitude),
      feature: picksFeature && feature ? feature : undefined,
      hidden: unit ? hidden : undefined,
      labelDelayHours: labelDelay.trim() === '' ? undefined : Number(labelDelay),
      speed: speed === 'max' ? 'max' : (Number(speed) as ReplaySpeed),
      resume,
    });
  };
  return (
    <>
      <section className="card" aria-labelledby="traffic-heading" data-testid="traffic-panel">
        <h2 id="traffic-heading">Production traffic</h2>
        <p>Requests arrive in batches on a simulated clock, are answered by this endpoint’s current split and logged; their true labels arrive later.</p>
        {interrupted && !busy && (
          <p className="notice info" data-testid="replay-interrupted">
            {interrupted.message}{' '}
            <button type="button" className="button" onClick={() => start(interrupted.id)} data-testid="replay-resume">
              Resume
            </button>
          </p>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            start();
          }}
          noValidate
        >
          <SelectField id="traffic-scenario" label="Scenario" value={chosen?.id ?? ''} options={scenarios.map((s) => [s.id, s.title] as const)} onChange={setScenario} disabled={busy} />
          {chosen && (
            <p className="field-hint" data-testid="scenario-description">
              {chosen.description}
            </p>
          )}
          <div className="form-grid">
            <TextField id="traffic-seed" label="Seed" value={seed} onChange={setSeed} inputMode="numeric" disabled={busy} />
            <TextField id="traffic-days" label="Days" value={days} onChange={setDays} inputMode="numeric" disabled={busy} />
            <TextField id="traffic-per-day" label="Requests a day" value={perDay} onChange={setPerDay} inputMode="numeric" disabled={busy} />
            <TextField id="traffic-rows" label="Rows a request" value={rows} onChange={setRows} inputMode="numeric" disabled={busy} />
            <TextField id="traffic-dirty" label="Dirty data (% of rows)" value={dirty} onChange={setDirty} inputMode="decimal" disabled={busy} hint="Missing and malformed values, unseen categories, out-of-range numbers, renamed or extra columns, duplicates, empty batches." />
            {unit && <TextField id="traffic-drift-start" label="Drift starts on day" value={driftStart} onChange={setDriftStart} inputMode="numeric" disabled={busy} />}
            {unit && <TextField id="traffic-magnitude" label={`Magnitude (${unit === 'std' ? 'standard deviations' : 'share'})`} value={magnitude} onChange={setMagnitude} inputMode="decimal" disabled={busy} hint={`Empty: ${chosen ? defaultMagnitude(chosen.id as ScenarioId, task) : ''}.`} />}
            {picksFeature && numeric.length > 0 && <SelectField id="traffic-feature" label="Input that changes" value={feature} options={[['', 'Picked by the seed'] as const, ...numeric.map((n) => [n, n] as const)]} onChange={setFeature} disabled={busy} />}
            <TextField id="traffic-label-delay" label="Labels arrive after (simulated hours)" value={labelDelay} onChange={setLabelDelay} inputMode="decimal" disabled={busy} hint={`Empty: the dataset’s usual delay (${chosen ? Math.round(chosen.labelDelayMs / 3_600_000) : ''} h).`} />
            <SelectField id="traffic-speed" label="Speed" value={speed} options={SPEEDS} onChange={setSpeed} disabled={busy} />
          </div>
          {unit && (
            <label className="checkbox-field">
              <input type="checkbox" checked={hidden} onChange={(e) => setHidden(e.target.checked)} disabled={busy} data-testid="traffic-hidden" /> Hide what changes (an exercise: find it on the monitoring tab)
            </label>
          )}
          <div className="button-row">
            <button type="submit" className="button" disabled={busy || !chosen || endpoint.status === 'stopped'} data-testid="replay-start">
              Start traffic
            </button>
          </div>
          {error && (
            <p className="notice error" role="alert">
              {error}
            </p>
          )}
        </form>
        {runningHere && <ReplayStatus />}
      </section>
      <TrafficWindowsTable endpoint={endpoint} task={task} />
    </>
  );
}
