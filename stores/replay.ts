import { createStore } from 'zustand/vanilla';
import type { ReplayControl, ReplayProgress, ReplayRequest, ReplaySpeed, ServingMethods } from '@/lib/serving/protocol';
import type { TrafficWindow } from '@/lib/tracking/serving-types';
import type { RpcClient, RpcJob } from '@/lib/worker-rpc';
import { servingWorker } from './serving-worker';

/** The replay running in this tab, as the traffic panel draws it (it dies with the tab; the log stays). */
export interface ReplayState {
  phase: 'idle' | 'starting' | 'running' | 'ended';
  endpoint: string | null;
  replayId: string | null;
  scenarioTitle: string | null;
  backendLabel: string | null;
  totalRequests: number;
  requestsDone: number;
  simStart: number;
  simEnd: number;
  simNow: number;
  paused: boolean;
  speed: ReplaySpeed;
  /** The window being filled now. */
  window: TrafficWindow | null;
  /** What rollouts did by themselves during the replay, newest last. */
  events: string[];
  /** How it ended (or why it could not start). */
  result: { status: 'FINISHED' | 'STOPPED' | 'FAILED'; message: string | null } | null;
  start: (request: ReplayRequest) => void;
  control: (control: ReplayControl) => void;
  stop: () => void;
  reset: () => void;
}

const IDLE = {
  phase: 'idle' as const,
  endpoint: null,
  replayId: null,
  scenarioTitle: null,
  backendLabel: null,
  totalRequests: 0,
  requestsDone: 0,
  simStart: 0,
  simEnd: 0,
  simNow: 0,
  paused: false,
  speed: 'max' as ReplaySpeed,
  window: null,
  events: [],
  result: null,
};

/** A replay store over a serving worker (the tab's by default). */
export function createReplayStore(worker: () => RpcClient<ServingMethods> = servingWorker) {
  let job: RpcJob<unknown> | null = null;
  return createStore<ReplayState>()((set, get) => ({
    ...IDLE,
    start(request) {
      if (get().phase === 'starting' || get().phase === 'running') return;
      set({ ...IDLE, phase: 'starting', endpoint: request.endpoint, speed: request.speed, paused: request.paused ?? false });
      const onProgress = (event: ReplayProgress) => {
        if (event.type === 'started') set({ phase: 'running', replayId: event.replayId, totalRequests: event.totalRequests, simStart: event.simStart, simEnd: event.simEnd, simNow: event.simStart, scenarioTitle: event.scenarioTitle, backendLabel: event.backendLabel, requestsDone: event.resumedFrom });
        else if (event.type === 'tick') set({ simNow: event.simNow, requestsDone: event.requestsDone, paused: event.paused, speed: event.speed, window: event.window ?? get().window });
        else set({ events: [...get().events, event.message].slice(-20) });
      };
      const started = worker().call('replay', request, { onProgress, label: 'the replay' });
      job = started;
      started.result.then(
        (outcome) => set({ phase: 'ended', requestsDone: outcome.requestsDone, result: { status: outcome.status, message: outcome.message } }),
        (error: unknown) => set({ phase: 'ended', result: { status: 'FAILED', message: error instanceof Error ? error.message : String(error) } }),
      );
    },
    control(control) {
      if (get().phase !== 'running') return;
      if (control.action === 'pause') set({ paused: true });
      if (control.action === 'resume') set({ paused: false });
      if (control.action === 'speed') set({ speed: control.speed });
      worker()
        .call('replayControl', control)
        .result.then((state) => {
          if (state) set({ simNow: state.simNow, paused: state.paused, speed: state.speed });
        })
        .catch(() => undefined);
    },
    stop() {
      job?.cancel();
    },
    reset() {
      if (get().phase === 'running' || get().phase === 'starting') return;
      job = null;
      set({ ...IDLE });
    },
  }));
}

export const replayStore = createReplayStore();
