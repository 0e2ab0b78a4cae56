/**
 * The MLOps maturity model (levels 0–4, after Microsoft's model as the seed courses use it),
 * described in the course's own words. Used by the maturity ladder diagram, lesson pages and
 * the workbench to say what each level means and what the learner does there.
 */
import type { MaturityLevel } from './types';

export interface MaturityLevelInfo {
  level: MaturityLevel;
  name: string;
  /** One line. */
  tagline: string;
  /** A paragraph: what a team at this level looks like day to day. */
  looksLike: string;
  /** What is automated at this level. */
  automates: string[];
  highlights: string[];
  /** Tools and practices used at this level. */
  technology: string[];
  /** What the learner does at this level in this course (see the maturity table in DESIGN.md). */
  inTheWorkbench: string;
  whenItFits: string;
}

export const MATURITY_LEVELS: readonly MaturityLevelInfo[] = [
  {
    level: 0,
    name: 'No MLOps',
    tagline: 'A model lives in one notebook on one laptop.',
    looksLike:
      'A data scientist explores, trains and evaluates in a notebook, mostly alone. When the model looks good, the ' +
      'notebook or a saved model file is handed to an engineer, who rewrites what is needed to ship it. Builds, ' +
      'tests and deployments are done by hand. Nobody records which data or settings produced the model in ' +
      'production, and once it is live, hardly anyone watches how well it predicts.',
    automates: ['Nothing: every step, from training to release, is done by hand'],
    highlights: [
      'The full model lifecycle is hard to manage',
      'Teams work apart and releases are painful',
      'The deployed model is a black box with little feedback after release',
    ],
    technology: [
      'Notebooks',
      'Manual builds and deployments',
      'Manual testing of the model and the application',
      'No central tracking of model performance',
    ],
    inTheWorkbench:
      'You train by hand in a notebook-like panel. Nothing is recorded unless you write it down yourself.',
    whenItFits:
      'A first experiment or proof of concept, where the question is still whether machine learning helps at all.',
  },
  {
    level: 1,
    name: 'DevOps but no MLOps',
    tagline: 'The application ships like any web service; the model is still hand-made.',
    looksLike:
      'Experienced developers help the data scientists. The application around the model has automated builds, ' +
      'unit tests and integration tests, and releases go out through a pipeline. Operational metrics such as ' +
      'requests per second and latency are watched. But none of this is specific to machine learning: each new ' +
      'model still comes from the data team by hand, results are hard to trace or reproduce, and there is little ' +
      'feedback on how good the predictions are in production.',
    automates: ['Builds and releases of the application', 'Tests of the application code'],
    highlights: [
      'Releases hurt less than at level 0, but every new model depends on the data team',
      'Still little feedback on model quality in production',
      'Results are hard to trace back and reproduce',
    ],
    technology: [
      'Version control and continuous integration',
      'Automated builds',
      'Automated unit and integration tests for application code',
      'Operational monitoring (requests per second, latency, errors)',
    ],
    inTheWorkbench:
      'Automated checks: data and model tests run on every change of the pipeline spec, like a CI build.',
    whenItFits: 'A proof of concept on its way to production, with a single model to ship.',
  },
  {
    level: 2,
    name: 'Automated training',
    tagline: 'Training is a pipeline; every run is tracked and every model is registered.',
    looksLike:
      'Nobody opens a notebook to get a model: a training pipeline, such as a train script with a config, ' +
      'produces it. Every run records its parameters, metrics and data version, so any model can be reproduced ' +
      'and compared. Trained models go into a model registry, which says which version is in production. Data ' +
      'scientists and engineers work closely together. Releases are still decided and done by a person, but ' +
      'they are low friction.',
    automates: [
      'Model training, end to end',
      'Tracking of every run: parameters, metrics, data version',
      'Registration of trained model versions',
    ],
    highlights: [
      'The training environment is fully managed and traceable',
      'Any model is easy to reproduce',
      'Releases are manual but low friction',
    ],
    technology: [
      'Training pipelines (scripts with config, not notebooks)',
      'Experiment tracking',
      'Model registry',
      'Centralised tracking of training performance',
    ],
    inTheWorkbench:
      'You build a training pipeline. Every run is tracked with its parameters, metrics and data version, and ' +
      'models go into a registry.',
    whenItFits:
      'Several proven use cases, or a model that must be retrained regularly. Two or three use cases in ' +
      'production is a common point to invest here.',
  },
  {
    level: 3,
    name: 'Automated model deployment',
    tagline: 'A model that passes its gates reaches production without a hand-off.',
    looksLike:
      'Deploying a trained model is easy and can be the last step of the training pipeline. Evaluation gates ' +
      'decide whether a new version is good enough; if it is, it is promoted and rolled out gradually, with A/B ' +
      'tests or a canary comparing it against the current model, and rolled back if it does worse. The whole ' +
      'path from training to test to production is managed, and any prediction can be traced back to the model ' +
      'version and the data it was trained on.',
    automates: [
      'Evaluation gates that promote or reject a model version',
      'Deployment and rollback',
      'A/B or canary comparison of model versions',
      'Tests for all code',
    ],
    highlights: [
      'Releases are automatic and low friction',
      'Full traceability from a deployment back to the original data',
      'The entire environment is managed: train, test, production',
    ],
    technology: [
      'Model serving platform',
      'Integrated A/B testing of model performance',
      'Automated tests for all code',
      'Centralised tracking of training performance',
      'Model monitoring',
    ],
    inTheWorkbench:
      'Evaluation gates promote a model version; you roll it out as a canary or A/B test and roll back when it ' +
      'does worse.',
    whenItFits:
      'Many models, or models that change often, where hand-made releases have become the bottleneck.',
  },
  {
    level: 4,
    name: 'Full MLOps automated operations',
    tagline: 'Production watches itself and retrains when it needs to.',
    looksLike:
      'The whole system runs on its own and is easy to watch. Deployed models send detailed metrics to one ' +
      'place: data quality, drift and prediction quality. When monitoring finds a problem, an alert starts ' +
      'retraining, the new model goes through the same gates, and it is deployed with no human step. People ' +
      'design and improve the system; they no longer push each model through it. The system approaches zero ' +
      'downtime.',
    automates: [
      'Monitoring of data quality, drift and model performance',
      'Alerts that trigger retraining',
      'Testing and redeployment of the retrained model',
    ],
    highlights: [
      'The full system is automated and easy to monitor',
      'Production tells you how to improve the system, and in some cases improves it with new models',
      'Approaching a zero-downtime system',
    ],
    technology: [
      'Automated model training and testing',
      'Detailed, centralised metrics from deployed models',
      'Drift detection and alerting',
      'Automatic retraining triggers',
    ],
    inTheWorkbench:
      'Monitoring alerts trigger retraining and redeployment with no human step; you design the rules and watch ' +
      'them work on drifting traffic.',
    whenItFits:
      'Many models in production that are critical to the business, where data changes faster than people can react.',
  },
];
