'use client';

import { createContext } from 'react';
import type { CheckResult } from '@/lib/course/types';

/**
 * Runs a lesson's `check` exercise against the learner's current workbench. Provided by the
 * lesson route, which alone may load the lesson registry (and only when a check is asked for).
 */
export type CheckRunner = (lessonId: string, exerciseId: string) => Promise<CheckResult>;

export const CheckRunnerContext = createContext<CheckRunner | null>(null);
