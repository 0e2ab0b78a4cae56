// What lesson checks may use to judge serving traffic (lessons import lib/course only): the A/B
// test the endpoint page shows, and the per-version sums it runs on. Both are small pure modules.
export { abComparison, MIN_AB_LABELLED, type AbArm, type AbComparison } from '../serving/ab-test';
export { sumStats } from '../serving/rollout-traffic';
