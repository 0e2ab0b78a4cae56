'use client';

import { Field, TextField } from '@/components/ui/FormFields';
import type { DatasetInfo } from '@/lib/data/load';
import type { TrainForm } from './form-state';

type Update = (patch: Partial<TrainForm>) => void;

/** The data half of the train form: dataset, target, inputs and split. */
export function DataFields({ form, info, datasets, update, onDataset }: { form: TrainForm; info: DatasetInfo; datasets: DatasetInfo[]; update: Update; onDataset: (id: string) => void }) {
  return (
    <fieldset className="form-section">
      <legend>Data</legend>
      <Field id="train-dataset" label="Dataset">
        <select id="train-dataset" value={form.datasetId} onChange={(e) => onDataset(e.target.value)}>
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="train-target" label="Target">
        <select id="train-target" value={form.target} onChange={(e) => update({ target: e.target.value, features: info.features.filter((f) => f !== e.target.value) })}>
          {info.targets.map((t) => (
            <option key={t.column} value={t.column}>
              {t.column} — {t.task}: {t.description}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="checkbox-group">
        <legend>Inputs</legend>
        {info.features
          .filter((f) => f !== form.target)
          .map((f) => (
            <label key={f} className="checkbox">
              <input type="checkbox" checked={form.features.includes(f)} onChange={(e) => update({ features: e.target.checked ? [...form.features, f] : form.features.filter((x) => x !== f) })} />
              {f}
            </label>
          ))}
      </fieldset>
      <Field id="train-split" label="Split" hint="70% train, 15% validation, 15% test. By time: the oldest rows train, the newest test — as production would see them.">
        <select id="train-split" value={form.split} onChange={(e) => update({ split: e.target.value as TrainForm['split'] })} aria-describedby="train-split-hint">
          {info.timeColumn && <option value="time">By time (default)</option>}
          <option value="random">Random (seeded)</option>
        </select>
      </Field>
    </fieldset>
  );
}

/** The model half of the train form: architecture, optimisation, backend, name and tags. */
export function ModelFields({ form, update }: { form: TrainForm; update: Update }) {
  const mlp = form.model === 'mlp';
  return (
    <fieldset className="form-section">
      <legend>Model and training</legend>
      <Field id="train-model" label="Model">
        <select id="train-model" value={form.model} onChange={(e) => update({ model: e.target.value as TrainForm['model'] })}>
          <option value="linear">Linear / logistic regression</option>
          <option value="mlp">Neural network (MLP)</option>
        </select>
      </Field>
      {mlp && (
        <>
          <TextField id="train-layers" label="Hidden layers" value={form.hiddenLayers} onChange={(v) => update({ hiddenLayers: v })} hint="Units per layer, e.g. 32, 16" />
          <Field id="train-activation" label="Activation">
            <select id="train-activation" value={form.activation} onChange={(e) => update({ activation: e.target.value as TrainForm['activation'] })}>
              {['relu', 'tanh', 'sigmoid', 'elu'].map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </Field>
          <TextField id="train-dropout" label="Dropout" inputMode="decimal" value={form.dropout} onChange={(v) => update({ dropout: v })} />
        </>
      )}
      <TextField id="train-l2" label="L2 penalty" inputMode="decimal" value={form.l2} onChange={(v) => update({ l2: v })} />
      <Field id="train-optimizer" label="Optimizer">
        <select id="train-optimizer" value={form.optimizer} onChange={(e) => update({ optimizer: e.target.value as TrainForm['optimizer'] })}>
          {['adam', 'sgd', 'rmsprop'].map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </Field>
      <TextField id="train-lr" label="Learning rate" inputMode="decimal" value={form.learningRate} onChange={(v) => update({ learningRate: v })} />
      <TextField id="train-batch" label="Batch size" inputMode="numeric" value={form.batchSize} onChange={(v) => update({ batchSize: v })} />
      <TextField id="train-epochs" label="Epochs" inputMode="numeric" value={form.epochs} onChange={(v) => update({ epochs: v })} />
      <TextField id="train-patience" label="Early stopping patience" inputMode="numeric" value={form.patience} onChange={(v) => update({ patience: v })} hint="Epochs without a better validation loss before stopping (best weights kept). Empty: off." />
      <TextField id="train-seed" label="Seed" inputMode="numeric" value={form.seed} onChange={(v) => update({ seed: v })} hint="Same seed, same backend: same metrics." />
      <Field id="train-backend" label="Backend" hint="Auto measures WebGL, WebAssembly and CPU on this model once per device and model size, and uses the fastest.">
        <select id="train-backend" value={form.backend} onChange={(e) => update({ backend: e.target.value as TrainForm['backend'] })} aria-describedby="train-backend-hint">
          <option value="auto">Auto (fastest measured)</option>
          <option value="webgl">WebGL</option>
          <option value="wasm">WebAssembly</option>
          <option value="cpu">CPU</option>
        </select>
      </Field>
      <TextField id="train-name" label="Run name" value={form.name} onChange={(v) => update({ name: v })} hint="Empty: named after the model, target and learning rate." />
      <TextField id="train-tags" label="Tags" value={form.tags} onChange={(v) => update({ tags: v })} hint="Comma-separated: key=value or a bare key, e.g. stage=baseline, best" />
    </fieldset>
  );
}
