import { describe, expect, it } from 'vitest';
import type { ExerciseProgress } from '../progress-types';
import type { AliasEvent, ModelVersion, RegisteredModel } from '../registry-types';
import { mergeExercise, mergeModel, mergeVisit } from './merge';

const model = (aliases: Record<string, number>, extra: Partial<RegisteredModel> = {}): RegisteredModel => ({ name: 'm', description: 'd', tags: {}, aliases, createdAt: 10, updatedAt: 20, ...extra });
const event = (id: string, alias: string, version: number | null, at: number): AliasEvent => ({ id, name: 'm', alias, version, previousVersion: null, at, actor: 'you', reason: '' });
const versions = (archived: number[] = []) =>
  new Map(
    [1, 2, 3].map((version): [number, ModelVersion] => [
      version,
      { name: 'm', version, runId: `r${version}`, description: '', tags: {}, createdAt: 1, archived: archived.includes(version), archivedAt: null, dataset: { id: 'd', hash: 'h', split: 's' }, task: 'regression', target: 't', metrics: {} },
    ]),
  );

describe('mergeModel', () => {
  it('moves an alias when the bundle has a later event for it, and stamps updatedAt', () => {
    const result = mergeModel(model({ champion: 1 }), model({ champion: 2 }), [event('a', 'champion', 1, 100)], [event('b', 'champion', 2, 200)], versions(), 999);
    expect(result).toEqual({ kind: 'merged', model: model({ champion: 2 }, { updatedAt: 999 }) });
  });

  it('keeps the local alias when the local event is later, and reports no change', () => {
    expect(mergeModel(model({ champion: 1 }), model({ champion: 2 }), [event('a', 'champion', 1, 300)], [event('b', 'champion', 2, 200)], versions(), 999)).toEqual({ kind: 'same' });
  });

  it('removes an alias when the latest event is a removal from the bundle', () => {
    const result = mergeModel(model({ champion: 1, challenger: 3 }), model({ champion: 1 }), [event('a', 'challenger', 3, 100)], [event('b', 'challenger', null, 200)], versions(), 999);
    expect(result.kind === 'merged' && result.model.aliases).toEqual({ champion: 1 });
  });

  it('adds an alias without history only when the local model lacks it; keeps local description and the earlier createdAt', () => {
    const result = mergeModel(model({ champion: 1 }), model({ champion: 2, staging: 3 }, { description: 'theirs', createdAt: 5 }), [], [], versions(), 999);
    expect(result).toEqual({ kind: 'merged', model: model({ champion: 1, staging: 3 }, { createdAt: 5, updatedAt: 999 }) });
  });

  it('refuses a merge that would give an alias to an archived or missing version', () => {
    expect(mergeModel(model({}), model({}), [], [event('b', 'champion', 2, 200)], versions([2]), 999)).toMatchObject({ kind: 'conflict', message: expect.stringContaining('v2, which is archived here') });
    expect(mergeModel(model({}), model({}), [], [event('b', 'champion', 7, 200)], versions(), 999)).toMatchObject({ kind: 'conflict', message: expect.stringContaining('v7, which does not exist here') });
  });
});

describe('progress merge', () => {
  const row = (status: ExerciseProgress['status'], updatedAt: number): ExerciseProgress => ({ lessonId: 'l', exerciseId: 'e', status, attempts: 1, hintsRevealed: 0, solutionRevealed: false, lastAnswer: [], lastFeedback: '', updatedAt, passedAt: status === 'passed' ? updatedAt : null });

  it('never loses a pass, prefers later rows of the same status, and keeps local on ties', () => {
    expect(mergeExercise(undefined, row('attempted', 1))).toEqual(row('attempted', 1));
    expect(mergeExercise(row('passed', 1), row('attempted', 9))).toBeNull();
    expect(mergeExercise(row('attempted', 9), row('passed', 1))).toEqual(row('passed', 1));
    expect(mergeExercise(row('attempted', 1), row('attempted', 2))).toEqual(row('attempted', 2));
    expect(mergeExercise(row('attempted', 2), row('attempted', 2))).toBeNull();
  });

  it('keeps the later visit', () => {
    expect(mergeVisit({ lessonId: 'l', visitedAt: 5 }, { lessonId: 'l', visitedAt: 9 })).toEqual({ lessonId: 'l', visitedAt: 9 });
    expect(mergeVisit({ lessonId: 'l', visitedAt: 9 }, { lessonId: 'l', visitedAt: 5 })).toBeNull();
  });
});
