/** The stored record of a production replay (see serving-types.ts for the rest of serving's rows). */

/** A production replay: a scenario played against an endpoint on a simulated clock. */
export interface ReplayRecord {
  /** Unique (uuid). */
  id: string;
  endpoint: string;
  scenario: string;
  seed: number;
  /** Dirty-data overlay rate, 0–1. */
  dirtyRate: number;
  status: 'RUNNING' | 'PAUSED' | 'FINISHED' | 'STOPPED' | 'INTERRUPTED';
  /** Requests sent and logged so far (resuming starts from here). */
  requestsDone: number;
  requestsTotal: number;
  /** Simulated epoch ms of the start and of the last flushed request. */
  simStart: number;
  simNow: number;
  startedAt: number;
  endedAt: number | null;
  /** Why it stopped, for the learner (null while running or when it ran to the end). */
  message: string | null;
  /** The endpoint's window index of the replay's day 0 (windows continue after earlier traffic). */
  windowOffset: number;
  /**
   * What the scenario really does (the generator's ground truth): the drift kind, the input or
   * class that changes and the day it starts. Kept even when the scenario is hidden from the
   * learner, so an exercise can check what they found; absent on replays stored before monitoring.
   */
  truth?: { drift: 'covariate' | 'prior' | 'concept' | null; profile: 'sudden' | 'gradual' | 'recurring' | null; feature: string | null; className: string | null; startDay: number; magnitude: number };
  /** How the stream was made, so a resumed replay regenerates the same requests. */
  options: { days: number; requestsPerDay: number; rowsPerRequest: number; driftStart?: number; magnitude?: number; feature?: string; hidden?: boolean; labelDelayHours?: number };
}
