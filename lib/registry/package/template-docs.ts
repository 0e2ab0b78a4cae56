import type { StoredPreprocessing } from '../../ml/predictor';
import { curlPredict, exampleRequest, predictionsInWords } from './example';
import { code, FENCE, text } from './markdown';
import { npmPackageName } from './names';
import { RANGE_TOLERANCE } from '../../serving/data-contract';

/** The tfjs the serving app runs: the version the workbench trains with, pinned. */
export const TFJS_VERSION = '4.22.0';

/** package.json of the serving app; `mlopsWorkbench` tells server.mjs which model it serves. */
export function packageJson(name: string, version: number, runId: string, prep: StoredPreprocessing): string {
  const pkg = {
    name: npmPackageName(name, version),
    version: `${version}.0.0`,
    private: true,
    description: `Serves version ${version} of the model ${name} (${prep.task}, target ${prep.target}) over HTTP.`,
    type: 'module',
    main: 'server.mjs',
    engines: { node: '>=20' },
    scripts: { start: 'node server.mjs' },
    dependencies: { '@tensorflow/tfjs': TFJS_VERSION },
    mlopsWorkbench: { model: name, version, runId, task: prep.task, target: prep.target },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export const DOCKERFILE = `# The model's serving app: pure-JS TensorFlow.js on Node's CPU, no native addons.
FROM node:20-slim
ENV NODE_ENV=production PORT=8080 HOST=0.0.0.0
WORKDIR /app
COPY package.json ./
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
COPY . .
# The image's unprivileged "node" user runs the server; the files stay read-only to it.
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \\
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "server.mjs"]
`;

export const DOCKERIGNORE = `node_modules
npm-debug.log
*.zip
`;

/** README.md of the package: what it is, how to run it (Node, Docker), the API with curl, and the preprocessing note. */
export function packageReadme(name: string, version: number, baseName: string, prep: StoredPreprocessing): string {
  const example = exampleRequest(prep);
  const tag = baseName.toLowerCase().replace(/^[^a-z0-9]+/, '') || 'model';
  return [
    `# ${text(name)} v${version}: model package`,
    '',
    `A deployable copy of version ${version} of the model ${code(name)} from the MLOps Workbench: a ${prep.task} model that predicts ${code(prep.target)}, its preprocessing, a model card, and a small Node server that answers the MLOps-Marathon contract.`,
    '',
    '| file | what it is |',
    '| --- | --- |',
    '| `model/model.json`, `model/weights.bin` | the TensorFlow.js layers model (topology and weight manifest, then the weights) |',
    '| `preprocessing.json` | imputation, scaling and one-hot encoding fitted on the training rows, the target, the task, the class names, and the raw input `columns` in order |',
    '| `contract.json` | the data contract inferred from the training rows: each input\'s type, range, categories and missing rate, which every request row is checked against |',
    '| `MODEL_CARD.md` | data, metrics against the baseline, intended use and limits |',
    '| `server.mjs`, `model.mjs`, `contract.mjs`, `preprocess.mjs` | the serving app: HTTP, model loading, request checks, preprocessing |',
    '| `package.json`, `Dockerfile` | how to install and run it |',
    '',
    '## Run with Node (20 or later)',
    '',
    `${FENCE}sh`,
    'npm install',
    'npm start            # listens on 0.0.0.0:8080',
    'PORT=9000 HOST=127.0.0.1 npm start',
    'VALIDATION_POLICY=impute npm start   # reject (default), impute or pass: see "Validation"',
    FENCE,
    '',
    'It uses the pure-JavaScript `@tensorflow/tfjs` on the CPU: no native addon to build, and the same backend the workbench predicts with in the browser. Stop it with Ctrl-C or `SIGTERM`: it finishes the requests in flight, then exits.',
    '',
    '## Run with Docker',
    '',
    `${FENCE}sh`,
    `docker build -t ${tag} .`,
    `docker run --rm -p 8080:8080 ${tag}`,
    FENCE,
    '',
    'The image runs as the unprivileged `node` user and has a health check on `GET /health`.',
    '',
    '## API',
    '',
    `### \`POST /predict\``,
    '',
    `Send the raw input columns (any order, each exactly once) and rows of values in that order. This model takes ${example.columns.map(code).join(', ')}.`,
    '',
    `${FENCE}sh`,
    curlPredict(prep),
    FENCE,
    '',
    `Answer: \`200 {"id": "example-1", "predictions": [...], "version": ${version}, "validation": {...}}\` with ${predictionsInWords(prep)}. The \`id\` is echoed back (a string or a number; null when absent).`,
    '',
    'Values: numbers may be sent as numbers or numeric strings, yes/no columns as `true`/`false` (read as 1/0), dates as milliseconds since 1970-01-01 UTC (as the workbench stored them); `null` or `""` means missing. Categories are strings (numbers are read as their text).',
    '',
    'Errors are JSON `{"id": ..., "error": "..."}`:',
    '',
    '| status | when |',
    '| --- | --- |',
    '| 400 | the request itself cannot be read: an empty body, invalid JSON, not an object, repeated columns, `rows` not a list, more than 10,000 rows; under `reject`, missing or unknown columns |',
    '| 404 | any other path |',
    '| 405 | a wrong method (`GET /predict`, `POST /health`) |',
    '| 413 | a body over 2 MiB |',
    '| 500 | the model failed to predict |',
    '',
    '### Validation',
    '',
    `Every row is checked on its own against \`contract.json\`, and a bad row never costs the rest of its batch: the answer is \`200\` whenever the request itself could be read. Issues: \`malformed-row\` (not an array, or the wrong number of values: always rejected), \`malformed-number\` (\`"12,5"\`, \`"N/A"\`), \`wrong-type\` (an object or a list), \`missing\` (null or \`""\` in a column that training never saw missing), \`unseen-category\`, \`out-of-range\` (more than ${Math.round(RANGE_TOLERANCE * 100)} % of the training range outside it), \`duplicate-row\` (a repeat within the request: flagged only), and, when the policy is not \`reject\`, \`schema-missing-column\` and \`schema-unknown-column\`. \`VALIDATION_POLICY\` decides what a row with issues gets:`,
    '',
    '| policy | a row with issues |',
    '| --- | --- |',
    '| `reject` (default) | is not predicted: its prediction is `null`; unknown or missing columns refuse the whole request (400) |',
    '| `impute` | is predicted with bad values replaced as training replaced missing ones (mean or most frequent value) and out-of-range numbers clipped to the training range |',
    '| `pass` | is predicted with the values as sent (a non-number reads as missing, an unseen category as `(other)`) |',
    '',
    '`validation` in the answer holds the policy, the number of rows rejected and flagged, and each row with issues: `{"row": 3, "verdict": "rejected", "issues": [{"kind": "malformed-number", "column": "distance", "message": "row 3, column distance: expected a number, got \\"12,5\\"."}]}`. A request with no rows gets the issue `empty-batch` and empty predictions.',
    '',
    '### `GET /health`',
    '',
    `${FENCE}sh`,
    'curl -s http://localhost:8080/health',
    FENCE,
    '',
    `Answer: \`{"status": "ok", "model": ${JSON.stringify(name)}, "version": ${version}}\`.`,
    '',
    '## Why the preprocessing ships with the model',
    '',
    'The model never saw raw values: during training, missing numbers were replaced by the training mean, numbers were standardised with the training mean and standard deviation, and categories were one-hot encoded over the training categories (the rest share an `(other)` input). Serving must repeat exactly that, with the statistics of the training rows — not statistics of the incoming traffic, which would shift every prediction. `preprocess.mjs` is a line-for-line port of the workbench\'s `transformRecord`, reading `preprocessing.json`; the workbench\'s tests check that the server and the browser give the same predictions for the same raw rows (within 1e-5).',
    '',
  ].join('\n');
}
