import { builtinDataset } from '../data/datasets/catalog';
import { loadDataset, type DatasetSources } from '../data/load';
import { randomSplit, timeSplit } from '../data/split';
import { column } from '../data/table';
import type { StoredPreprocessing } from '../ml/predictor';
import { ARTIFACTS } from '../tracking/artifact-names';
import type { WorkbenchDatabase } from '../tracking/db';
import { ServingError } from './errors';
import type { ScenarioContext } from './traffic/types';

/**
 * What the traffic generators need about the version an endpoint serves: the dataset it was
 * trained on (loaded again, the same bytes), its training rows and the rows after them, its input
 * columns, target and classes. The split is made again the way the run made it (by time, or seeded
 * random with the run's seed), so "after the training split" means exactly what the model never saw.
 */
export async function scenarioContext(db: WorkbenchDatabase, model: string, version: number, sources: DatasetSources): Promise<ScenarioContext> {
  const row = await db.modelVersions.get([model, version]);
  if (!row) throw new ServingError(`Version ${version} of “${model}” does not exist any more.`);
  const [run, prepArtifact] = await Promise.all([db.runs.get(row.runId), db.artifacts.get([row.runId, ARTIFACTS.preprocessing])]);
  if (!run || !prepArtifact) throw new ServingError(`The run behind version ${version} of “${model}” was deleted, so its training data cannot be replayed.`);
  const prep = prepArtifact.data as StoredPreprocessing;
  const kind = builtinDataset(row.dataset.id) ? 'builtin' : 'upload';
  let loaded;
  try {
    loaded = await loadDataset({ id: row.dataset.id, kind }, sources);
  } catch (error) {
    throw new ServingError(`The training data of “${model}” v${version} could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { table, info } = loaded;
  const splitKind = run.params.split === 'random' ? 'random' : 'time';
  const timeColumn = info.timeColumn;
  const split =
    splitKind === 'time' && timeColumn
      ? timeSplit(column(table, timeColumn).values.map((v) => (typeof v === 'number' ? v : NaN)))
      : randomSplit(table.rowCount, run.seed);
  const laterRows = splitKind === 'time' && timeColumn ? [...split.validation, ...split.test] : [];
  return {
    table,
    features: prep.encoders.map((e) => e.column),
    target: prep.target,
    task: prep.task,
    classNames: prep.classNames,
    trainRows: split.train,
    laterRows,
    datasetId: row.dataset.id,
    timeColumn: splitKind === 'time' ? timeColumn : null,
  };
}
