import type { WorkbenchDatabase } from '../tracking/db';
import { recordBackendSwitch } from '../tracking/runs';
import { BACKEND_NAMES, describeBackend, fallbacksAfter, type BackendName } from './backend-choice';
import { activateBackend, type BackendChoice } from './backends';
import { watchDevice, type DeviceWatch } from './device-loss';
import type { TfModule } from './model';
import type { ModelSpec } from './model-spec';
import type { FromTrainer } from './protocol';
import { trainModel, TrainingInterrupted, type Matrix, type TrainCheckpoint, type TrainHooks, type TrainResult } from './train';

/** What `trainSurvivingDeviceLoss` needs besides the model and its data. */
export interface ResilientTrainingInput {
  tf: TfModule;
  db: WorkbenchDatabase;
  runId: string;
  spec: ModelSpec;
  train: Matrix;
  validation: Matrix | null;
  choice: BackendChoice;
  hooks: Omit<TrainHooks, 'device'>;
  post: (message: FromTrainer) => void;
  /** Watches the active backend's device (default `watchDevice`; tests pass a device that fails on cue). */
  watch?: (tf: TfModule) => DeviceWatch;
}

/** The training's result, and the backend it finished on (with its notes, the switch included). */
export interface ResilientTraining {
  result: TrainResult;
  choice: BackendChoice;
}

/**
 * Trains as `trainModel` does, surviving the loss of the GPU: when the WebGL context is lost, the
 * next backend in the fallback order (WebGL → WebAssembly → CPU) starts, and training goes on
 * from the last completed epoch with its weights and optimizer state. The learner hears it at
 * once (a `notice`), and the run keeps it: its backend becomes the new one and its notes say
 * "Resumed on WebAssembly at epoch 4 after the WebGL context was lost." When no other backend
 * starts, it throws an error saying so (the caller ends the run FAILED with that reason).
 * Epochs finished before the loss stay logged; the interrupted epoch is trained again.
 */
export async function trainSurvivingDeviceLoss(input: ResilientTrainingInput): Promise<ResilientTraining> {
  const { tf, db, runId, spec, train, validation, post } = input;
  let choice = input.choice;
  let resume: TrainCheckpoint | null = null;
  for (;;) {
    const device = (input.watch ?? watchDevice)(tf);
    try {
      const result = await trainModel(tf, spec, train, validation, { ...input.hooks, device }, resume);
      return { result, choice };
    } catch (error) {
      if (!(error instanceof TrainingInterrupted)) throw error;
      const lostOn = choice.backend;
      const at = (error.checkpoint?.epochsDone ?? 0) + 1;
      const next = await startNextBackend(tf, lostOn);
      if (!next) throw new Error(`${error.message.replace(/\.$/, '')} in epoch ${at}, and no other backend could start here to resume on.`);
      const note = `Resumed on ${BACKEND_NAMES[next]} at epoch ${at} after the ${lostOn === 'webgl' ? 'WebGL context' : `${BACKEND_NAMES[lostOn]} backend`} was lost.`;
      choice = { ...choice, backend: next, label: describeBackend(next, choice.renderer), notes: [...choice.notes, note] };
      post({ type: 'notice', message: note });
      await recordBackendSwitch(db, runId, next, note);
      resume = error.checkpoint;
    } finally {
      device.stop();
    }
  }
}

async function startNextBackend(tf: TfModule, lost: BackendName): Promise<BackendName | null> {
  for (const name of fallbacksAfter(lost)) if ((await activateBackend(tf, name)).ok) return name;
  return null;
}
