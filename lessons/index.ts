// The course registry: every lesson folder must be listed here, in order, under its week.
// `npm run lessons:check` fails when a folder is missing from this list (or listed twice).
import { defineCourse } from '@/lib/course/course';
import whatIsMlops from './week-1/01-what-is-mlops/lesson';
import maturityModel from './week-1/02-maturity-model/lesson';
import runningExample from './week-1/03-running-example/lesson';
import yourFirstModel from './week-2/01-your-first-model/lesson';
import whyTrackExperiments from './week-2/02-why-track-experiments/lesson';
import comparingRuns from './week-2/03-comparing-runs/lesson';
import tuningAndCrossValidation from './week-2/04-tuning-and-cross-validation/lesson';
import modelRegistry from './week-2/05-model-registry/lesson';
import packagingAModel from './week-2/06-packaging-a-model/lesson';
import servingAModel from './week-3/01-serving-a-model/lesson';
import dirtyProductionTraffic from './week-3/02-dirty-production-traffic/lesson';
import canaryReleases from './week-3/03-canary-releases/lesson';
import abTestsAndShadows from './week-3/04-ab-tests-and-shadows/lesson';
import whatDriftIs from './week-4/01-what-drift-is/lesson';
import alertsThatFire from './week-4/02-alerts-that-fire/lesson';
import performanceBeforeLabels from './week-4/03-performance-before-labels/lesson';

export const course = defineCourse([
  {
    week: 1,
    title: 'Why machine learning needs operations',
    summary:
      'What MLOps is, the maturity ladder from level 0 to 4, and the real flights data the whole course runs on.',
    lessons: [whatIsMlops, maturityModel, runningExample],
  },
  {
    week: 2,
    title: 'From a first model to a packaged champion',
    summary:
      'Train your first model in the browser and beat a baseline, track every training as a run, compare runs by their best epoch, tune with a sweep, register the winner as @champion and package it for production.',
    lessons: [yourFirstModel, whyTrackExperiments, comparingRuns, tuningAndCrossValidation, modelRegistry, packagingAModel],
  },
  {
    week: 3,
    title: 'Deploy and serve',
    summary:
      'Put the @champion behind an endpoint and serve it production traffic that arrives dirty, then release new versions the careful way: canaries with guards that roll back by themselves, A/B tests that name a winner only when the numbers allow, and shadows that answer no one.',
    lessons: [servingAModel, dirtyProductionTraffic, canaryReleases, abTestsAndShadows],
  },
  {
    week: 4,
    title: 'Monitor what you serve',
    summary:
      'Measure how production traffic drifts from the training data with Evidently’s tests and distances, turn drift into alerts that fire on real shifts and stay quiet on noise, and estimate performance before the labels arrive.',
    lessons: [whatDriftIs, alertsThatFire, performanceBeforeLabels],
  },
]);
