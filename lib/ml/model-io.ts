import type * as Tf from '@tensorflow/tfjs';
import type { WorkbenchDatabase } from '../tracking/db';
import { loadModelArtifacts, saveModelArtifacts } from '../tracking/model-store';
import type { TfModule } from './model';

/**
 * A tfjs IO handler that saves a model into the run's artifacts in IndexedDB and loads it back:
 * `await model.save(runModelHandler(tf, db, runId, now))`, `await tf.loadLayersModel(runModelHandler(tf, db, runId))`.
 * `now` (epoch ms) stamps the saved artifacts; saving without it is refused.
 */
export function runModelHandler(tf: TfModule, db: WorkbenchDatabase, runId: string, now?: () => number): Tf.io.IOHandler {
  return {
    save: async (artifacts) => {
      if (!artifacts.weightData || !artifacts.weightSpecs) throw new Error('the model has no weights to save');
      if (!now) throw new Error('saving a model needs the time of saving (pass `now`)');
      const weightData = tf.io.CompositeArrayBuffer.join(artifacts.weightData);
      await saveModelArtifacts(db, runId, { modelTopology: artifacts.modelTopology, weightSpecs: artifacts.weightSpecs, weightData, format: artifacts.format, generatedBy: artifacts.generatedBy, convertedBy: artifacts.convertedBy ?? null }, now());
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON({ ...artifacts, weightData }) };
    },
    load: async () => {
      const stored = await loadModelArtifacts(db, runId);
      if (!stored) throw new Error(`run ${runId} has no saved model`);
      return {
        modelTopology: stored.modelTopology as Tf.io.ModelArtifacts['modelTopology'],
        weightSpecs: stored.weightSpecs as Tf.io.WeightsManifestEntry[],
        weightData: stored.weightData,
        format: stored.format,
        generatedBy: stored.generatedBy,
        convertedBy: stored.convertedBy,
      };
    },
  };
}
