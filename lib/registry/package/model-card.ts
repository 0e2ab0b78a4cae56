import { builtinDataset } from '../../data/datasets/catalog';
import { curlPredict, predictionsInWords } from './example';
import { code, day, FENCE, moment, num, table, text } from './markdown';
import { metricsSection, verdictLines } from './model-card-metrics';
import type { PackageSources } from './sources';

/** Facts about the packaged files the card lists (computed by the builder). */
export interface PackagedFile {
  path: string;
  bytes: number;
  sha256: string;
}

/**
 * MODEL_CARD.md: what the model is (name, version, aliases, task, target, features), the data
 * (dataset and content hash, split, row counts), training (params, backend, epochs), metrics
 * against the baseline, intended use, limits, and how to call the API. Everything comes from
 * the stored records; `now` dates the aliases (they move after packaging) and the card.
 */
export function modelCard(s: PackageSources, files: readonly PackagedFile[], now: number): string {
  const { version: v, run, prep } = s;
  const builtin = builtinDataset(v.dataset.id);
  const target = builtin?.targets.find((t) => t.column === prep.target);
  const aliases = Object.entries(s.model?.aliases ?? {})
    .filter(([, n]) => n === v.version)
    .map(([a]) => code(`@${a}`));
  const metrics = metricsSection(s);
  const datasetName = builtin ? `${text(builtin.name)} (built in, ${code(builtin.id)}; ${text(builtin.license)})` : s.uploadName ? `${text(s.uploadName)} (uploaded CSV, ${code(v.dataset.id)})` : `${code(v.dataset.id)} (an uploaded CSV no longer stored in the browser that trained it)`;
  const rows = s.training?.rows;
  const params = Object.entries(run.params).map(([k, value]) => [code(k), text(String(value)) || '(none)']);
  const tags = Object.entries(v.tags).map(([k, value]) => (value ? `${text(k)}=${text(value)}` : text(k)));

  return [
    `# Model card: ${text(v.name)} v${v.version}`,
    '',
    v.description.trim() ? `> ${text(v.description.trim())}` : `> Version ${v.version} of ${text(v.name)}, registered from the run “${text(run.name)}”.`,
    '',
    ...verdictLines(s),
    '',
    table(
      ['field', 'value'],
      [
        ['Model', text(v.name)],
        ['Version', `${v.version}${v.archived ? ` (archived${v.archivedAt ? ` on ${day(v.archivedAt)}` : ''})` : ''}`],
        ['Aliases', `${aliases.length ? aliases.join(', ') : 'none'} (as of ${day(now)})`],
        ['Task', prep.task === 'regression' ? `regression: predicts a number` : `classification into ${prep.classNames.length} classes: ${prep.classNames.map(code).join(', ')}`],
        ['Target', `${code(prep.target)}${target ? `: ${text(target.description)}` : ''}`],
        ['Inputs', `${prep.encoders.length} raw columns → ${prep.featureNames.length} model inputs`],
        ['Registered', moment(v.createdAt)],
        ['Run', `“${text(run.name)}” (${code(run.id)}), experiment ${text(run.experiment)}, ${run.status.toLowerCase()} ${run.endedAt ? moment(run.endedAt) : ''}`.trim()],
        ['Version tags', tags.length ? tags.join(', ') : 'none'],
      ],
    ),
    '',
    '## Data',
    '',
    `- Dataset: ${datasetName}.${builtin ? ` ${text(builtin.description)}` : ''}`,
    `- Version (SHA-256 of the file's content): ${code(v.dataset.hash)}`,
    `- Split: ${text(v.dataset.split)}. ${splitMeaning(v.dataset.split)}`,
    rows ? `- Rows: ${rows.train} training, ${rows.validation} validation, ${rows.test} test (rows without a target value were dropped).` : '- Rows: not recorded with this run.',
    '',
    'Input columns, in the order the server lists them. Imputation, scaling and one-hot encoding were fitted on the training rows only; `preprocessing.json` holds them and the server applies them to every request.',
    '',
    table(['column', 'type', 'encoding', 'missing value becomes'], prep.encoders.map((e) => (e.kind === 'numeric' ? [code(e.column), 'number', prep.scale ? `standardised: (x − ${num(e.mean)}) / ${num(e.std)}` : 'used as is', `the training mean, ${num(e.mean)}`] : [code(e.column), 'category', `one-hot over ${e.categories.length} training categories${e.categories.length ? ` (${e.categories.map(code).join(', ')})` : ''}; anything else → ${code('(other)')}`, e.mode === null ? `${code('(other)')}` : `the most frequent training value, ${code(e.mode)}`]))),
    '',
    '## Training',
    '',
    `- Backend: ${code(run.backend ?? 'unknown')}${s.training?.backendLabel ? ` (${text(s.training.backendLabel)})` : ''}; seed ${run.seed}.`,
    s.training?.epochsRun != null ? `- Epochs: ${s.training.epochsRun} run, best validation loss at epoch ${num(s.training.bestEpoch)}; the model holds epoch ${num(s.training.savedEpoch ?? (s.training.stoppedEarly ? s.training.bestEpoch : s.training.epochsRun))}'s weights${s.training.stoppedEarly ? ' (stopped early, best weights restored)' : ''}.` : '- Epochs: not recorded.',
    s.training?.parameters != null ? `- Trainable parameters: ${s.training.parameters}.` : '- Trainable parameters: not recorded.',
    '',
    params.length ? table(['param', 'value'], params) : 'No params were recorded.',
    '',
    '## Metrics against the baseline',
    '',
    metrics.markdown,
    '',
    '## Intended use',
    '',
    `- Predicts ${code(prep.target)}${target ? ` (${text(target.description)})` : ''} from ${prep.encoders.map((e) => code(e.column)).join(', ')}, for rows like those of the dataset above, one at a time or in batches.`,
    '- Made in the MLOps Workbench course to practise registering, packaging, serving and monitoring a model: demos, teaching, and a baseline for better models to beat.',
    '',
    '## Limits',
    '',
    ...limits(s, metrics.beatsBaseline, builtin?.name ?? null).map((l) => `- ${l}`),
    '',
    '## How to call the API',
    '',
    'Start the server (`npm install && npm start`, or with Docker as the README shows), then:',
    '',
    `${FENCE}sh`,
    curlPredict(prep),
    FENCE,
    '',
    `The answer is \`{"id": "example-1", "predictions": [...], "version": ${v.version}, "validation": {...}}\`: ${predictionsInWords(prep)}. Each row is checked against \`contract.json\` (the training data's types, ranges, categories and missing rates); a row that breaks it is rejected, imputed or passed by the server's \`VALIDATION_POLICY\`, with its issues named in \`validation\`. \`GET /health\` answers \`{"status": "ok", "model": ${JSON.stringify(v.name)}, "version": ${v.version}}\`. A request that cannot be read gets a 400 and \`{"id", "error"}\` naming the problem; see README.md.`,
    '',
    '## Files',
    '',
    table(['file', 'bytes', 'SHA-256'], files.map((f) => [code(f.path), String(f.bytes), code(f.sha256)])),
    '',
    `Card written on ${day(now)} by the MLOps Workbench from the run's stored records.`,
    '',
  ].join('\n');
}

function splitMeaning(split: string): string {
  if (/^by time/i.test(split)) return 'The oldest rows trained the model, the next ones validated it and the newest ones tested it, so the test score is what to expect on data that comes later — for a while.';
  if (/random/i.test(split)) return 'Rows were shuffled before splitting, so validation and test rows come from the same period as the training rows: the scores are optimistic for data that comes later.';
  return 'See the run for how the rows were split.';
}

function limits(s: PackageSources, beatsBaseline: boolean | null, builtinName: string | null): string[] {
  const { prep, version: v } = s;
  const rows = s.training?.rows;
  const numeric = prep.encoders.filter((e) => e.kind === 'numeric');
  const out = [
    `Trained on a sample: ${rows ? `${rows.train} rows` : 'the training rows'} of one version of one dataset${builtinName ? ` (${text(builtinName)})` : ''}. Rows unlike them are extrapolation, and the model will not say so.`,
    /^by time/i.test(v.dataset.split)
      ? 'Time range: it learned from the oldest part of the data only. Patterns change over time (season, prices, schedules): expect its error to grow on later data.'
      : 'Time range: it learned from rows of the whole period, mixed at random; nothing tells how it fares on data from after that period.',
    numeric.length ? `Numbers far from the training values (more than about 3 standard deviations from the means in the table above) are outside what it saw.` : 'It takes no numeric inputs; categories outside the training ones all share one input.',
    `Missing values are imputed and unseen categories become ${code('(other)')} without an error: a feed that breaks silently still gets answers. Watch the share of missing and unseen values.`,
    'Drift: monitor the inputs and the metric against the baseline in production, and retrain when they drift; a registered version does not update itself.',
    'Not for decisions about individual people, or for safety-critical, medical, legal or financial use; not for any use without first validating it on your own recent data.',
  ];
  if (beatsBaseline === false) out.unshift('**It does not beat its baseline by the margin on validation**: deploying it is barely better, or worse, than always predicting the baseline.');
  if (v.archived) out.unshift('This version is archived in the registry: it is kept for lineage, not for serving.');
  return out;
}
