import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

// The layer rules of shared/DESIGN.md, checked by linting small probe sources as if they lived in
// each folder. Relative imports resolve against the probe's path, so they reach real files.
const ROOT = path.resolve(__dirname, '..');
const eslint = new ESLint({ cwd: ROOT });

async function messages(file: string, source: string, rule: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.resolve(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}
const restricted = (file: string, source: string) => messages(file, source, 'no-restricted-imports');
const paths = (file: string, source: string) => messages(file, source, 'import/no-restricted-paths');
const syntax = (file: string, source: string) => messages(file, source, 'no-restricted-syntax');

describe('layer rules (ESLint)', () => {
  it('keeps lib/ framework-free and away from Dexie and tfjs', async () => {
    const found = await restricted(
      'lib/course/sample.ts',
      "import { useState } from 'react';\nimport Dexie from 'dexie';\nimport * as tf from '@tensorflow/tfjs';\nimport { create } from 'zustand';\nimport Link from 'next/link';\nexport const x = [useState, Dexie, tf, create, Link];\n",
    );
    expect(found).toHaveLength(5);
  });

  it('allows Dexie in lib/tracking and tfjs in lib/ml and workers/, nowhere else', async () => {
    expect(await restricted('lib/tracking/sample.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n")).toEqual([]);
    expect(await restricted('lib/ml/sample.ts', "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n")).toEqual([]);
    expect(await restricted('workers/sample.worker.ts', "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n")).toEqual([]);
    expect(await restricted('components/sample.tsx', "import Dexie from 'dexie';\nexport const x = Dexie;\n")).toHaveLength(1);
    expect(await restricted('app/sample.tsx', "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n")).toHaveLength(1);
  });

  it('refuses imports up the layers, written with the alias or as relative paths', async () => {
    const probes: Array<[file: string, source: string]> = [
      ['lib/data/sample.ts', "import { trainingStore } from '../../stores/training';\nexport const x = trainingStore;\n"],
      ['lib/registry/sample.ts', "import { RunsTable } from '../../components/runs/RunsTable';\nexport const x = RunsTable;\n"],
      ['lib/data/sample.ts', "import { course } from '@/lessons/index';\nexport const y = course;\n"],
      ['lessons/week-9/01-x/lesson.ts', "import { getDatabase } from '../../../lib/tracking/db';\nexport const x = getDatabase;\n"],
      ['lessons/week-9/01-x/lesson.ts', "import { getDatabase } from '@/lib/tracking/db';\nexport const x = getDatabase;\n"],
      ['lessons/week-9/01-x/checks.ts', "import type { RunRecord } from '../../../lib/tracking/run-types';\nexport type X = RunRecord;\n"],
      ['stores/sample.ts', "import { x } from '@/components/ui/theme';\nexport const y = x;\n"],
      ['components/sample.tsx', "import { x } from '../app/page';\nexport const y = x;\n"],
      ['workers/sample.worker.ts', "import { trainingStore } from '../stores/training';\nexport const x = trainingStore;\n"],
      // One way inside lib/: storage never imports the domains above it, types included.
      ['lib/tracking/sample.ts', "import type { Lesson } from '../course/types';\nexport type X = Lesson;\n"],
      ['lib/tracking/sample.ts', "import { registerModel } from '@/lib/registry/registry';\nexport const x = registerModel;\n"],
      ['lib/ml/sample.ts', "import { registerModel } from '../registry/registry';\nexport const x = registerModel;\n"],
    ];
    for (const [file, source] of probes) expect(await paths(file, source), `${file}: ${source.split('\n')[0]}`).toHaveLength(1);
  });

  it('lets each layer import what sits below it', async () => {
    expect(await paths('lessons/week-9/01-x/lesson.ts', "import { defineLesson } from '../../../lib/course/define';\nexport const x = defineLesson;\n")).toEqual([]);
    expect(await paths('components/sample.tsx', "import { trainingStore } from '../stores/training';\nexport const x = trainingStore;\n")).toEqual([]);
    expect(await paths('lib/registry/sample.ts', "import { getDatabase } from '../tracking/db';\nexport const x = getDatabase;\n")).toEqual([]);
    expect(await paths('lib/course/sample.ts', "import type { RunRecord } from '../tracking/run-types';\nexport type X = RunRecord;\n")).toEqual([]);
  });

  it('bans the wall clock and Math.random in lib/ outside lib/time and the seeded generator', async () => {
    const source = 'export const a = Date.now();\nexport const b = new Date();\nexport const c = Math.random();\nexport const d = new Date(0);\n';
    expect(await syntax('lib/serving/sample.ts', source)).toHaveLength(3);
    expect(await syntax('stores/sample.ts', source)).toHaveLength(3);
    expect(await syntax('lib/time/sample.ts', source)).toEqual([]);
    expect(await syntax('lib/data/random.ts', 'export const c = Math.random();\n')).toEqual([]);
  });
});

describe('no import cycles in lib/ (ESLint import/no-cycle)', () => {
  const dir = path.join(ROOT, 'lib', `cycle-probe-${process.pid}`);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports two lib modules that import each other', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
    writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
    const [result] = await eslint.lintFiles([path.join(dir, 'a.ts')]);
    expect(result!.messages.filter((m) => m.ruleId === 'import/no-cycle')).toHaveLength(1);
  });
});
