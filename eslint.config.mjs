// Lint rules, including the layer rules of shared/DESIGN.md:
//   app → components → stores → lib,  workers → lib,  lessons → lib/course.
// lib/ is framework-free; tfjs only in lib/ml and workers/; Dexie only in lib/tracking.
// Folder rules are `import/no-restricted-paths` zones, matched on the resolved file, so relative
// imports (`../../stores/x`) are caught as well as `@/stores/x`. Package rules (Dexie, tfjs,
// React in lib/) are `no-restricted-imports`. Time and randomness come from lib/time and the
// seeded generator. scripts/layer-rules.test.ts lints probe files against all of this.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const tfjs = { group: ['@tensorflow/*'], message: 'tfjs is loaded lazily and only in lib/ml and workers/.' };
const dexie = { name: 'dexie', message: 'Dexie is used only inside lib/tracking; call its functions instead.' };
const framework = ['react', 'react-dom', 'next', 'zustand', 'dexie-react-hooks'];
const frameworkPaths = framework.map((name) => ({ name, message: 'lib/ is framework-free.' }));
const frameworkPatterns = { group: ['react/*', 'react-dom/*', 'next/*', 'zustand/*'], message: 'lib/ is framework-free.' };

/** One override of no-restricted-imports per folder; later entries in the flat config win. */
const packages = (files, { paths = [], patterns = [] }, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
});

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });

/** Which folder may not import which (DESIGN.md "Architecture"), one-way inside lib/ too. */
const ZONES = [
  zone('./lib', ['./app', './components', './stores', './lessons', './workers'], 'lib/ imports nothing above it.'),
  zone('./workers', ['./app', './components', './stores', './lessons'], 'workers import lib only.'),
  zone('./stores', ['./app', './components', './lessons', './workers'], 'stores import lib only.'),
  zone('./components', ['./app'], 'components must not import routes.'),
  zone('./lessons', ['./app', './components', './stores', './workers'], 'lessons import lib/course and domain types only.'),
  zone('./lessons', './lib', 'lessons import lib/course and domain types only.', ['./course']),
  // Inside lib/: storage and data sit below the domains, so records flow one way.
  zone('./lib/tracking', ['./lib/course', './lib/registry', './lib/ml'], 'lib/tracking is below the course, the registry and ml: declare shared record types in lib/tracking.'),
  zone('./lib/data', ['./lib/tracking', './lib/course', './lib/registry', './lib/ml'], 'lib/data is below storage and the domains.'),
  zone('./lib/ml', ['./lib/registry', './lib/course'], 'lib/ml is below the registry and the course.'),
  zone('./lib/time', ['./lib/tracking', './lib/course', './lib/registry', './lib/ml', './lib/data', './lib/worker-rpc'], 'lib/time is a leaf.'),
  zone('./lib/worker-rpc', ['./lib/tracking', './lib/course', './lib/registry', './lib/ml', './lib/data'], 'lib/worker-rpc knows no domain.'),
];

/** Reading the wall clock or Math.random directly (DESIGN.md "Seams"). */
const clockAndRandom = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Read time from a Clock (lib/time): systemClock.now(), or the clock you were given.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the wall clock: use new Date(clock.now()) with a Clock from lib/time.' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use the seeded generator (lib/data/random.ts) so runs reproduce.' },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'out/**', 'scripts/__fixtures__/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'lib/registry/package/generated/**']),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['app/**', 'components/**', 'stores/**', 'lessons/**', 'lib/**', 'workers/**'], ignores: TESTS, rules: { 'import/no-restricted-paths': ['error', { zones: ZONES }] } },
  { files: ['app/**', 'components/**', 'stores/**', 'lib/**', 'workers/**'], ignores: [...TESTS, 'lib/time/**', 'lib/data/random.ts'], rules: { 'no-restricted-syntax': ['error', ...clockAndRandom] } },
  { files: ['lib/**'], ignores: TESTS, rules: { 'import/no-cycle': ['error', { ignoreExternal: true, disableScc: true }] } },
  packages(['app/**', 'components/**', 'stores/**', 'lessons/**', 'e2e/**', 'scripts/**'], { paths: [dexie], patterns: [tfjs] }),
  packages(['lib/**'], { paths: [dexie, ...frameworkPaths], patterns: [tfjs, frameworkPatterns] }),
  // Exceptions, declared last so they win: Dexie inside lib/tracking, tfjs inside lib/ml.
  packages(['lib/tracking/**'], { paths: frameworkPaths, patterns: [tfjs, frameworkPatterns] }),
  packages(['lib/ml/**'], { paths: [dexie, ...frameworkPaths], patterns: [frameworkPatterns] }),
  packages(['workers/**'], { paths: [dexie] }),
  packages(['lessons/**'], { paths: [dexie, ...['react', 'react-dom', 'next', 'zustand'].map((name) => ({ name, message: 'lessons use lib/course only.' }))], patterns: [tfjs] }, TESTS),
]);
