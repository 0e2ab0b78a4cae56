import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of shared/DESIGN.md, checked by linting small sources as if they lived in each folder.
const eslint = new ESLint({ cwd: path.resolve(__dirname, '..') });

async function restricted(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.resolve(__dirname, '..', file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules (ESLint)', () => {
  it('keeps lib/ framework-free and away from Dexie and tfjs', async () => {
    const messages = await restricted(
      'lib/course/sample.ts',
      "import { useState } from 'react';\nimport Dexie from 'dexie';\nimport * as tf from '@tensorflow/tfjs';\nimport { create } from 'zustand';\nimport Link from 'next/link';\nexport const x = [useState, Dexie, tf, create, Link];\n",
    );
    expect(messages).toHaveLength(5);
  });

  it('allows Dexie in lib/tracking and tfjs in lib/ml and workers/, nowhere else', async () => {
    expect(await restricted('lib/tracking/sample.ts', "import Dexie from 'dexie';\nexport const x = Dexie;\n")).toEqual([]);
    expect(await restricted('lib/ml/sample.ts', "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n")).toEqual([]);
    expect(await restricted('workers/sample.worker.ts', "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n")).toEqual([]);
    expect(await restricted('components/sample.tsx', "import Dexie from 'dexie';\nexport const x = Dexie;\n")).toHaveLength(1);
    expect(await restricted('app/sample.tsx', "import * as tf from '@tensorflow/tfjs';\nexport const x = tf;\n")).toHaveLength(1);
  });

  it('keeps lessons on lib/course, and stores and components below routes', async () => {
    expect(await restricted('lessons/week-9/01-x/lesson.ts', "import { getDatabase } from '@/lib/tracking/db';\nexport const x = getDatabase;\n")).toHaveLength(1);
    expect(await restricted('lessons/week-9/01-x/lesson.ts', "import { defineLesson } from '@/lib/course/define';\nexport const x = defineLesson;\n")).toEqual([]);
    expect(await restricted('stores/sample.ts', "import { x } from '@/components/ui/theme';\nexport const y = x;\n")).toHaveLength(1);
    expect(await restricted('components/sample.tsx', "import { x } from '@/app/page';\nexport const y = x;\n")).toHaveLength(1);
    expect(await restricted('lib/data/sample.ts', "import { course } from '@/lessons/index';\nexport const y = course;\n")).toHaveLength(1);
  });
});
