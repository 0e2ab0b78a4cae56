/**
 * The scenario catalog: ids, titles, what the learner reads before choosing one, label delays,
 * default magnitudes, and why a scenario cannot run on a given model.
 */
import { builtinDataset } from '../../data/datasets/catalog';
import { DAY_MS, HOUR_MS, type DriftKind, type DriftProfile, type ScenarioContext, type ScenarioId, type ScenarioInfo } from './types';
import { driftableFeatures, featureReferences, labelledTrainRows } from './reference';

export const DRIFT_KINDS: readonly DriftKind[] = ['covariate', 'prior', 'concept'];
export const DRIFT_PROFILES: readonly DriftProfile[] = ['sudden', 'gradual', 'recurring'];

/**
 * How long after a request its ground truth arrives, simulated ms, by dataset: a flight's arrival
 * delay is final a few hours after it lands (6 h after departure covers a coast-to-coast flight
 * and the reporting); a day's weather type is recorded when the day ends (1 day); a car's fuel
 * economy comes from a test drive (2 days). Any other dataset: 1 day.
 */
export function labelDelayFor(datasetId: string): number {
  if (datasetId === 'flights') return 6 * HOUR_MS;
  if (datasetId === 'cars') return 2 * DAY_MS;
  return DAY_MS;
}

const KIND_TEXT: Record<DriftKind, { title: string; text: string }> = {
  covariate: { title: 'Covariate shift', text: 'One numeric input moves away from what training saw (its mean shifts by a chosen number of standard deviations). Rows are resampled from the training data, so every label still follows its inputs as in training: the world has not changed, the traffic has.' },
  prior: { title: 'Prior shift', text: 'The mix of answers changes: one class becomes more (or less) common, or a numeric target’s level moves. Within each answer the inputs look as in training.' },
  concept: { title: 'Concept drift', text: 'The same inputs now mean something else: in one region of one input (above its training median) labels change, flipped for a class or raised by a number of standard deviations for a number. Inputs look exactly as in training, so input drift checks see nothing.' },
};
const PROFILE_TEXT: Record<DriftProfile, { title: string; text: string }> = {
  sudden: { title: 'sudden', text: 'It starts at full strength on the chosen day.' },
  gradual: { title: 'gradual', text: 'It ramps up from the chosen day to full strength over a number of days.' },
  recurring: { title: 'recurring', text: 'It switches on and off: a number of days on, as many off, again and again (weekly by default).' },
};

function replayText(datasetId: string): { title: string; description: string } {
  if (datasetId === 'flights')
    return { title: 'Replay: the flights after training', description: 'The flights the model never trained on, in the order they departed (the validation and test period of the time split, in March 2001). Each request carries the flights that left in the same minute. Real production: nothing is made up, and nothing is promised.' };
  if (datasetId === 'seattle-weather')
    return { title: 'Replay: the days after training', description: 'Seattle’s days after the training period, one request a day, in order, to the end of 2015. Seasons come round again, and the weather types change: fog is recorded about three times as often as in the training years (14 % of days against 4 %), drizzle and snow far less.' };
  if (datasetId === 'cars')
    return { title: 'Replay: later model years', description: 'Cars of the model years after the ones the model learned from, one model year per production day. Later cars are lighter and go further on a gallon.' };
  return { title: 'Replay: what came after training', description: 'The rows after the last training row, in time order, at their real times.' };
}

/** The catalog entry of `id` for a dataset (generic descriptions; a stream's own info is concrete). */
export function scenarioInfo(id: ScenarioId, datasetId: string): ScenarioInfo {
  const labelDelayMs = labelDelayFor(datasetId);
  if (id === 'replay') return { id, ...replayText(datasetId), hidden: false, kind: 'replay', drift: null, profile: null, labelDelayMs };
  if (id === 'control')
    return {
      id,
      title: 'No drift (control)',
      description: 'Rows resampled from the training data, unchanged, day after day. Any alarm it raises is a false alarm: use it to see how noisy a monitor is. Its labels are the training rows’ own, so the live metric looks like the training metric, a little better than validation.',
      hidden: false,
      kind: 'control',
      drift: null,
      profile: null,
      labelDelayMs,
    };
  const [kind, profile] = id.split('-') as [DriftKind, DriftProfile];
  return { id, title: `${KIND_TEXT[kind].title}, ${PROFILE_TEXT[profile].title}`, description: `${KIND_TEXT[kind].text} ${PROFILE_TEXT[profile].text}`, hidden: false, kind: 'synthetic', drift: kind, profile, labelDelayMs };
}

/** Every scenario id, in menu order. */
export const SCENARIO_IDS: readonly ScenarioId[] = ['replay', 'control', ...DRIFT_KINDS.flatMap((k) => DRIFT_PROFILES.map((p) => `${k}-${p}` as ScenarioId))];

/** True when `id` names a scenario. */
export function isScenarioId(id: string): id is ScenarioId {
  return (SCENARIO_IDS as readonly string[]).includes(id);
}

/**
 * The scenarios offered for a dataset, in menu order: the replay only when the dataset has a time
 * column (built-in datasets: looked up when `timeColumn` is not given), then the control and the
 * nine synthetic ones. Whether one can run on a particular model is `scenarioProblem`'s call.
 */
export function listScenarios(datasetId: string, timeColumn?: string | null): ScenarioInfo[] {
  const time = timeColumn === undefined ? (builtinDataset(datasetId)?.timeColumn ?? null) : timeColumn;
  return SCENARIO_IDS.filter((id) => id !== 'replay' || time !== null).map((id) => scenarioInfo(id, datasetId));
}

/**
 * Default full-strength magnitude: 1 std for shifts of numbers; for a class, +0.2 of share
 * (prior) or 0.5 of labels flipped in the region (concept); 0 for the replay and the control.
 */
export function defaultMagnitude(id: ScenarioId, task: 'regression' | 'classification'): number {
  if (id === 'replay' || id === 'control') return 0;
  if (task === 'classification' && id.startsWith('prior')) return 0.2;
  if (task === 'classification' && id.startsWith('concept')) return 0.5;
  return 1;
}

/** What the magnitude means for this scenario and task, for the form's label. */
export function magnitudeUnit(id: ScenarioId, task: 'regression' | 'classification'): 'std' | 'share' | null {
  if (id === 'replay' || id === 'control') return null;
  if (id.startsWith('covariate')) return 'std';
  return task === 'classification' ? 'share' : 'std';
}

/**
 * Why scenario `id` cannot run on this model, as a sentence for the learner, or null when it can.
 * The replay needs a time column and rows after the last training row; covariate shift and
 * concept drift need a numeric input that varies in training; every synthetic scenario needs
 * labelled training rows, and a prior shift of a class needs two classes in them.
 */
export function scenarioProblem(id: string, ctx: ScenarioContext): string | null {
  if (!isScenarioId(id)) return `There is no traffic scenario "${id}".`;
  if (id === 'replay') {
    if (!ctx.timeColumn) return 'This dataset has no time column, so nothing comes “after” training: pick a synthetic scenario.';
    return null; // whether rows follow training is checked when the replay is built (it needs the times)
  }
  if (labelledTrainRows(ctx).length === 0) return 'The model has no labelled training rows to resample.';
  if ((id.startsWith('covariate') || id.startsWith('concept')) && driftableFeatures(featureReferences(ctx)).length === 0) return 'This scenario shifts a numeric input, and this model has none that varies in its training data.';
  if (id.startsWith('prior') && ctx.task === 'classification' && ctx.classNames.length < 2) return 'A prior shift needs at least two classes.';
  return null;
}
