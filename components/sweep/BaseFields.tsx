'use client';

import type { TrainForm } from '@/components/training/form-state';
import { SelectField, TextField } from '@/components/ui/FormFields';

/**
 * The base model every trial starts from: the searched params override these values; the
 * others (activation, dropout, L2…) keep the train page's defaults unless searched.
 */
export function BaseFields({ form, update }: { form: TrainForm; update: (patch: Partial<TrainForm>) => void }) {
  return (
    <fieldset className="form-section">
      <legend>Base model</legend>
      <p className="field-hint">Every trial starts from these values; a searched param replaces its value here. Patience is off: the sweep’s early termination (below) stops trials instead.</p>
      <SelectField id="sweep-model" label="Model" value={form.model} options={[['mlp', 'Neural network (MLP)'], ['linear', 'Linear / logistic regression']]} onChange={(model) => update({ model })} />
      {form.model === 'mlp' && <TextField id="sweep-layers" label="Hidden layers" value={form.hiddenLayers} onChange={(hiddenLayers) => update({ hiddenLayers })} hint="Units per layer, e.g. 32, 16" />}
      <TextField id="sweep-lr" label="Learning rate" inputMode="decimal" value={form.learningRate} onChange={(learningRate) => update({ learningRate })} />
      <SelectField id="sweep-optimizer" label="Optimizer" value={form.optimizer} options={[['adam', 'adam'], ['sgd', 'sgd'], ['rmsprop', 'rmsprop']]} onChange={(optimizer) => update({ optimizer })} />
      <TextField id="sweep-epochs" label="Epochs per trial" inputMode="numeric" value={form.epochs} onChange={(epochs) => update({ epochs })} />
      <TextField id="sweep-batch" label="Batch size" inputMode="numeric" value={form.batchSize} onChange={(batchSize) => update({ batchSize })} />
      <TextField id="sweep-seed" label="Seed" inputMode="numeric" value={form.seed} onChange={(seed) => update({ seed })} hint="Seeds the models, the random search and the folds: same seed, same sweep." />
      <SelectField id="sweep-backend" label="Backend" value={form.backend} options={[['auto', 'Auto (fastest measured)'], ['webgl', 'WebGL'], ['wasm', 'WebAssembly'], ['cpu', 'CPU']]} onChange={(backend) => update({ backend })} hint="Chosen once, on the base model, for every trial." />
      <TextField id="sweep-name" label="Sweep name" value={form.name} onChange={(name) => update({ name })} hint="Empty: “sweep: 8 trials of lr × layers”. Trials are named after it." />
      <TextField id="sweep-tags" label="Tags" value={form.tags} onChange={(tags) => update({ tags })} hint="Comma-separated key=value or bare keys; on the parent and every trial." />
    </fieldset>
  );
}
