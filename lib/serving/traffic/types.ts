/**
 * Types of the production-traffic generators. Everything here is plain data (no functions), so a
 * scenario's description, a request and its ground truth cross a worker boundary by structured
 * clone unchanged.
 */
import type { DataTable } from '../../data/table';

/** One simulated day, in ms. */
export const DAY_MS = 86_400_000;
/** One simulated hour, in ms. */
export const HOUR_MS = 3_600_000;

/** What the generators need to know about the model being served and the data it learned from. */
export interface ScenarioContext {
  table: DataTable;
  /** Input columns, in the order the requests send them. */
  features: string[];
  target: string;
  task: 'regression' | 'classification';
  /** Class names in index order (classification), as prepareData names them; empty for regression. */
  classNames: string[];
  /** Training split row indices (the synthetic scenarios bootstrap these). */
  trainRows: number[];
  /**
   * Rows after the training split, in time order (validation + test of a time split). May be
   * empty: the replay then takes every row later than the last training row, if any.
   */
  laterRows: number[];
  datasetId: string;
  /** The dataset's time column (epoch ms values), or null when it has none. */
  timeColumn: string | null;
}

/** The kinds of change a synthetic scenario makes. */
export type DriftKind = 'covariate' | 'prior' | 'concept';
/** How a change unfolds over days: at once, ramping, or on and off. */
export type DriftProfile = 'sudden' | 'gradual' | 'recurring';

/** Every scenario id: the real replay, the control, and each drift kind × profile. */
export type ScenarioId = 'replay' | 'control' | `${DriftKind}-${DriftProfile}`;

/** Knobs of a stream. Only the first five are required; the rest have documented defaults. */
export interface TrafficOptions {
  seed: number;
  /** Production days to simulate (synthetic), or the most days a replay plays (it ends with its data). */
  days: number;
  /** Requests a simulated day (synthetic scenarios; a replay's volume comes from its data). */
  requestsPerDay: number;
  /** Rows per request (synthetic), or the most rows one replayed request carries. */
  rowsPerRequest: number;
  /** Dirty-data overlay: the share of rows it touches, 0–1 (0 = clean traffic). */
  dirtyRate: number;
  /** Synthetic: the first day (0-based) the drift is on. Default 7. */
  driftStart?: number;
  /**
   * Synthetic: how strong the drift is at full strength. Covariate shift, prior shift of a
   * regression target and concept drift of a regression target: in training standard deviations;
   * prior shift of a class: added share of that class (0.2 = +20 points); concept drift of a
   * class: the share of labels flipped in the region. Default: see `defaultMagnitude`.
   */
  magnitude?: number;
  /** Gradual profile: days the ramp from 0 to full strength takes. Default 7. */
  rampDays?: number;
  /** Recurring profile: days on, then as many off, repeating. Default 7 (weekly). */
  periodDays?: number;
  /** The numeric input that drifts (covariate) or bounds the changed region (concept). Default: picked by the seed. */
  feature?: string;
  /** Prior shift of a classification: the class whose share changes. Default: the positive class of a yes/no target, else picked by the seed. */
  className?: string;
  /** Exercise mode: the description does not say which feature or class changes. */
  hidden?: boolean;
  /** How long after a request its label arrives, simulated ms (default: the dataset's, see `labelDelayFor`). */
  labelDelayMs?: number;
  /** Prefix of request ids (default "r"); a replay id here keeps two replays' ids apart in one log. */
  idPrefix?: string;
}

/** A change the dirty-data overlay made to one row (row kinds) or to a whole request (request kinds). */
export type RowDirtKind = 'missing' | 'malformed-number' | 'wrong-type' | 'unseen-category' | 'out-of-range' | 'duplicate-row';
export type RequestDirtKind = 'renamed-column' | 'missing-column' | 'extra-column' | 'empty-batch';
export type DirtKind = RowDirtKind | RequestDirtKind;

/** One request of the Marathon contract, with what the simulation knows about it. */
export interface TrafficRequest {
  /** Unique and stable within a stream: prefix + zero-padded index. */
  id: string;
  /** Index in the stream (request(i).index === i). */
  index: number;
  /** Simulated epoch ms it arrives. Non-decreasing with the index. */
  at: number;
  /** Simulated day since the stream's start (0-based): the monitoring window. */
  day: number;
  columns: string[];
  rows: unknown[][];
  /**
   * Ground truth per row (class name or number; null when unknown), delivered at
   * `at + labelDelayMs`. Same length as `rows`.
   */
  labels: Array<number | string | null>;
  /** What the overlay did to each row; a request-level change marks every row of the request. */
  dirt: Array<DirtKind | null>;
  /** A request-level change (schema or empty batch), else null. */
  requestDirt: RequestDirtKind | null;
  /** Training-table row behind each row (−1 for none), for tests and joins; not sent to the endpoint. */
  sourceRows: number[];
}

/** What the learner reads about a scenario. Plain data: it crosses the worker boundary. */
export interface ScenarioInfo {
  id: ScenarioId;
  title: string;
  description: string;
  /** True in exercise mode: the description hides which feature or class changes. */
  hidden: boolean;
  kind: 'replay' | 'synthetic' | 'control';
  drift: DriftKind | null;
  profile: DriftProfile | null;
  /** How long after a request its labels arrive, simulated ms. */
  labelDelayMs: number;
}

/** What a synthetic scenario actually changes: the answer to a hidden exercise. */
export interface DriftTruth {
  drift: DriftKind | null;
  profile: DriftProfile | null;
  /** The feature shifted (covariate) or bounding the region (concept); null otherwise. */
  feature: string | null;
  /** The class whose share changes (prior shift of a classification), else null. */
  className: string | null;
  startDay: number;
  magnitude: number;
  /** Covariate and regression prior shifts: the mean reached at full strength, in std units (capped by what training rows reach). */
  reachedShift: number | null;
}

/** A deterministic stream of requests: the i-th request is the same on every call and machine. */
export interface TrafficStream {
  info: ScenarioInfo;
  /** Simulated epoch ms of day 0's midnight. */
  start: number;
  totalRequests: number;
  /** Days the stream spans (the last request's day + 1). */
  days: number;
  truth: DriftTruth;
  /** The i-th request, 0 ≤ i < totalRequests; throws RangeError outside. Regenerated from the index alone, so a reload resumes anywhere. */
  request(i: number): TrafficRequest;
}
