'use client';

import { useEffect, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import { isJobActive } from '@/stores/job-lifecycle';
import { trainingStore } from '@/stores/training';
import { formForDataset, formFromParams, requestFromForm, type TrainForm } from './form-state';
import { DataFields, ModelFields } from './TrainFormFields';
import { TrainingProgress } from './TrainingProgress';
import { usePresetForm } from './use-preset-form';
import { systemClock } from '@/lib/time';
import { installFaultDrills } from './fault-drills';

/** The train page: the form (preset from the URL), then the live progress of the training. */
export function TrainPanel() {
  const { datasets, form: current, setForm } = usePresetForm(formFromParams);
  useEffect(installFaultDrills, []);
  const [problems, setProblems] = useState<string[]>([]);
  const phase = useStore(trainingStore, (s) => s.phase);
  const busy = isJobActive(phase);
  if (!current) return <p role="status">Loading datasets…</p>;
  const info = datasets.find((d) => d.id === current.datasetId) ?? datasets[0]!;
  const update = (patch: Partial<TrainForm>) => setForm({ ...current, ...patch });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = requestFromForm(current, info, new Date(systemClock.now()));
    if ('problems' in built) {
      setProblems(built.problems);
      return;
    }
    setProblems([]);
    trainingStore.getState().start(built.request);
  };

  return (
    <div className="train-layout">
      <form className="card train-form" onSubmit={submit} aria-label="Training settings">
        <DataFields form={current} info={info} datasets={datasets} update={update} onDataset={(id) => setForm(formForDataset(datasets.find((d) => d.id === id)!))} />
        <ModelFields form={current} update={update} />
        {problems.length > 0 && (
          <div className="notice error" role="alert">
            <p>Fix these settings first:</p>
            <ul>
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <button type="submit" className="button" disabled={busy}>
          {phase === 'queued' ? 'Waiting…' : busy ? 'Training…' : 'Start training'}
        </button>
      </form>
      <TrainingProgress />
    </div>
  );
}
