// Lint rules, including the layer rules of shared/DESIGN.md:
//   app → components → stores → lib,  workers → lib,  lessons → lib/course.
// lib/ is framework-free; tfjs only in lib/ml and workers/; Dexie only in lib/tracking.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const tfjs = { group: ['@tensorflow/*'], message: 'tfjs is loaded lazily and only in lib/ml and workers/.' };
const dexie = { name: 'dexie', message: 'Dexie is used only inside lib/tracking; call its functions instead.' };
const framework = ['react', 'react-dom', 'react/*', 'react-dom/*', 'next', 'next/*', 'zustand', 'zustand/*', 'dexie-react-hooks'];
const up = (...layers) => layers.map((l) => `@/${l}`).concat(layers.map((l) => `@/${l}/*`));

/** One override of no-restricted-imports per folder; later entries in the flat config win. */
const layer = (files, { paths = [], patterns = [] }, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
});

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'out/**', 'scripts/__fixtures__/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts']),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  layer(['app/**', 'components/**', 'stores/**', 'lessons/**', 'e2e/**', 'scripts/**'], {
    paths: [dexie],
    patterns: [tfjs],
  }),
  layer(['components/**'], { paths: [dexie], patterns: [tfjs, { group: up('app'), message: 'components must not import routes.' }] }),
  layer(['stores/**'], {
    paths: [dexie],
    patterns: [tfjs, { group: up('app', 'components', 'lessons'), message: 'stores import lib only.' }],
  }),
  layer(['lib/**'], {
    paths: [dexie, ...framework.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'lib/ is framework-free.' }))],
    patterns: [
      tfjs,
      { group: framework.filter((n) => n.includes('*')), message: 'lib/ is framework-free.' },
      { group: up('app', 'components', 'stores', 'lessons', 'workers'), message: 'lib/ imports nothing above it.' },
    ],
  }),
  // Exceptions, declared last so they win: Dexie inside lib/tracking, tfjs inside lib/ml.
  layer(['lib/tracking/**'], {
    paths: framework.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'lib/ is framework-free.' })),
    patterns: [tfjs, { group: up('app', 'components', 'stores', 'lessons', 'workers'), message: 'lib/ imports nothing above it.' }],
  }),
  layer(['lib/ml/**'], {
    paths: [dexie],
    patterns: [{ group: up('app', 'components', 'stores', 'lessons', 'workers'), message: 'lib/ imports nothing above it.' }],
  }),
  layer(['workers/**'], {
    paths: [dexie],
    patterns: [{ group: up('app', 'components', 'stores', 'lessons'), message: 'workers import lib only.' }],
  }),
  layer(
    ['lessons/**'],
    {
      paths: [dexie, ...['react', 'react-dom', 'next', 'zustand'].map((name) => ({ name, message: 'lessons use lib/course only.' }))],
      patterns: [
        tfjs,
        { group: up('app', 'components', 'stores', 'workers'), message: 'lessons import lib/course and domain types only.' },
        { group: ['@/lib/tracking', '@/lib/tracking/*', '@/lib/ml', '@/lib/ml/*'], message: 'lessons import lib/course and domain types only.' },
      ],
    },
    ['lessons/**/*.test.ts'],
  ),
]);
