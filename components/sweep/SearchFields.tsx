'use client';

import { MAX_TRIALS } from '@/lib/ml/sweep/generate';
import { defaultDirection, objectiveChoices } from '@/lib/ml/sweep/summary';
import { SelectField, TextField } from '@/components/ui/FormFields';
import { gridPreview, type SweepForm } from './sweep-form';

/** What each early-termination rule does, in one sentence each. */
export const EARLY_STOPPING_TEXT: Record<SweepForm['earlyStopping'], string> = {
  none: 'Every trial trains all its epochs.',
  median: 'Median stopping rule (Google Vizier): after a quarter of the epochs, a trial stops when its best value so far is worse than the median of the other trials’ running averages at the same epoch (once 3 trials can be compared).',
  'successive-halving': 'Successive halving (asynchronous, ASHA): at rung epochs r, 3r, 9r… a trial goes on only if it is in the best third of the trials that reached that rung so far.',
};

/** How to search: grid or random, the budget, early termination, the objective and k-fold. */
export function SearchFields({ form, task, update }: { form: SweepForm; task: 'regression' | 'classification'; update: (patch: Partial<SweepForm>) => void }) {
  const kfold = form.folds !== 'off';
  const objectives = objectiveChoices(task);
  return (
    <fieldset className="form-section">
      <legend>Search</legend>
      <SelectField
        id="sweep-search"
        label="Search"
        value={form.search}
        options={[
          ['grid', 'Grid: every combination of the lists'],
          ['random', 'Random: seeded samples of the space'],
        ]}
        onChange={(search) => update({ search })}
      />
      <p className="sweep-grid-preview" data-testid="grid-preview" aria-live="polite">
        {gridPreview(form)}
      </p>
      <TextField id="sweep-trials" label="Trials (budget)" inputMode="numeric" value={form.maxTrials} onChange={(maxTrials) => update({ maxTrials })} hint={`At most ${MAX_TRIALS}. A grid larger than this is refused.`} />
      <TextField id="sweep-minutes" label="Time budget (minutes)" inputMode="decimal" value={form.maxMinutes} onChange={(maxMinutes) => update({ maxMinutes })} hint="Optional. No trial starts after it; the running one finishes." />
      <SelectField
        id="sweep-objective"
        label="Objective"
        value={form.objective}
        options={objectives.map((c) => [c.metric, `${c.label} (${c.metric})`] as const)}
        onChange={(objective) => update({ objective, direction: defaultDirection(objective) })}
        hint="Logged every epoch, so early termination can judge it. A trial’s value is its best epoch."
      />
      <SelectField
        id="sweep-direction"
        label="Direction"
        value={form.direction}
        options={[
          ['minimize', 'Minimize (lower is better)'],
          ['maximize', 'Maximize (higher is better)'],
        ]}
        onChange={(direction) => update({ direction })}
      />
      <SelectField
        id="sweep-folds"
        label="k-fold cross-validation"
        value={form.folds}
        options={[
          ['off', 'Off: score on the validation split'],
          ['3', '3 folds'],
          ['5', '5 folds'],
        ]}
        onChange={(folds) => update({ folds })}
        hint="Each trial trains k models on folds of the training + validation rows (preprocessing fitted on each fold’s training part) and reports mean ± std, then one model on the usual split to keep (k + 1 trainings a trial). Folds are drawn at random, even when the split is by time. The test split is never touched."
      />
      <SelectField
        id="sweep-early"
        label="Early termination"
        value={kfold ? 'none' : form.earlyStopping}
        disabled={kfold}
        options={[
          ['none', 'None'],
          ['median', 'Median stopping rule'],
          ['successive-halving', 'Successive halving (ASHA)'],
        ]}
        onChange={(earlyStopping) => update({ earlyStopping })}
        hint={kfold ? 'Off with k-fold: a trial’s value is the mean over its folds, not one curve that could be judged epoch by epoch.' : EARLY_STOPPING_TEXT[form.earlyStopping]}
      />
    </fieldset>
  );
}
