/**
 * Production traffic for the endpoints: seeded, deterministic request streams (real replays,
 * synthetic drift, a control) with a dirty-data overlay. Pure: the traffic worker drives them on
 * the simulated clock.
 */
export { createTraffic, SYNTHETIC_EPOCH } from './create';
export { applyDirt, DIRT_ISSUES, EXTRA_COLUMN, REQUEST_DIRT_KINDS, REQUEST_DIRT_SHARE, ROW_DIRT_KINDS } from './dirt';
export { strengthOn, type ProfileTiming } from './profile';
export { defaultMagnitude, DRIFT_KINDS, DRIFT_PROFILES, isScenarioId, labelDelayFor, listScenarios, magnitudeUnit, SCENARIO_IDS, scenarioInfo, scenarioProblem } from './scenarios';
export * from './types';
