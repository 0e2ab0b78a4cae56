'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { formForDataset, type TrainForm } from '@/components/training/form-state';
import { DataFields } from '@/components/training/TrainFormFields';
import { usePresetForm } from '@/components/training/use-preset-form';
import { isJobActive } from '@/stores/job-lifecycle';
import { sweepStore } from '@/stores/sweep';
import { BaseFields } from './BaseFields';
import { SavedSweep } from './SavedSweep';
import { SearchFields } from './SearchFields';
import { SpaceEditor } from './SpaceEditor';
import { objectiveFor, sweepFormFor, sweepFormFromParams, sweepRequestFromForm, taskOf, type SweepForm } from './sweep-form';
import { SweepProgress } from './SweepProgress';
import { systemClock } from '@/lib/time';
import { installFaultDrills } from '@/components/training/fault-drills';

/** The sweep page: a past sweep (`?parent=<run id>`), or the form (train-page presets accepted) and the live sweep. */
export function SweepPanel() {
  const params = useSearchParams();
  const parent = params.get('parent');
  if (parent) return <SavedSweep parentRunId={parent} />;
  return <SweepWorkbench />;
}

function SweepWorkbench() {
  const { datasets, form: current, setForm } = usePresetForm(sweepFormFromParams);
  useEffect(installFaultDrills, []);
  const [problems, setProblems] = useState<string[]>([]);
  const phase = useStore(sweepStore, (s) => s.phase);
  const busy = isJobActive(phase);
  if (!current) return <p role="status">Loading datasets…</p>;
  const info = datasets.find((d) => d.id === current.base.datasetId) ?? datasets[0]!;
  const task = taskOf(current.base, info);
  const update = (patch: Partial<SweepForm>) => setForm({ ...current, ...patch });
  const updateBase = (patch: Partial<TrainForm>) => {
    const next = { ...current, base: { ...current.base, ...patch } };
    setForm({ ...next, ...objectiveFor(next, taskOf(next.base, info)) });
  };
  const changeDataset = (id: string) => {
    const chosen = datasets.find((d) => d.id === id)!;
    const base = formForDataset(chosen);
    // Keep the space and search settings; the base model follows the new dataset's defaults.
    const next = { ...current, base: { ...sweepFormFor(base).base } };
    setForm({ ...next, ...objectiveFor(next, taskOf(base, chosen)) });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = sweepRequestFromForm(current, info, new Date(systemClock.now()));
    if ('problems' in built) {
      setProblems(built.problems);
      return;
    }
    setProblems([]);
    sweepStore.getState().start(built.request);
    // The button sits at the end of a long form: take the learner (and a screen reader) to the progress.
    document.getElementById('sweep-live-heading')?.focus();
  };

  return (
    <div className="train-layout sweep-layout">
      <form className="card train-form" onSubmit={submit} aria-label="Sweep settings">
        <DataFields form={current.base} info={info} datasets={datasets} update={updateBase} onDataset={changeDataset} />
        <BaseFields form={current.base} update={updateBase} />
        <SpaceEditor rows={current.space} onChange={(space) => update({ space })} />
        <SearchFields form={current} task={task} update={update} />
        {problems.length > 0 && (
          <div className="notice error" role="alert" data-testid="sweep-problems">
            <p>Fix these settings first:</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <button type="submit" className="button" disabled={busy}>
          {phase === 'queued' ? 'Waiting…' : busy ? 'Sweeping…' : 'Start the sweep'}
        </button>
      </form>
      <SweepProgress />
    </div>
  );
}
