// The course registry: every lesson folder must be listed here, in order, under its week.
// `npm run lessons:check` fails when a folder is missing from this list (or listed twice).
import { defineCourse } from '@/lib/course/course';
import whatIsMlops from './week-1/01-what-is-mlops/lesson';
import maturityModel from './week-1/02-maturity-model/lesson';
import runningExample from './week-1/03-running-example/lesson';
import yourFirstModel from './week-2/01-your-first-model/lesson';
import whyTrackExperiments from './week-2/02-why-track-experiments/lesson';

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
    title: 'Train and track',
    summary:
      'Train your first model in the browser, beat a baseline, and record every training as a run you can compare.',
    lessons: [yourFirstModel, whyTrackExperiments],
  },
]);
