import { describe, expect, it } from 'vitest';
import { aliasesOfVersion, aliasTarget, aliasTimeline, chronological, holderAt, nextEventTime, planAliasMove } from './aliases';
import { RegistryError } from './errors';
import { aliasProblem, cleanTags, modelNameProblem, normalizeAlias } from './names';
import type { AliasEvent } from './types';

const event = (id: string, alias: string, version: number | null, previousVersion: number | null, at: number, actor = 'you'): AliasEvent => ({ id, name: 'm', alias, version, previousVersion, at, actor, reason: '' });
const live = { version: 2, archived: false };

describe('planAliasMove', () => {
  it('sets a new alias, moves a held one, and is a no-op on its holder', () => {
    expect(planAliasMove('m', {}, 'champion', live, 2)).toEqual({ kind: 'set', previousVersion: null });
    expect(planAliasMove('m', { champion: 1 }, 'champion', live, 2)).toEqual({ kind: 'set', previousVersion: 1 });
    expect(planAliasMove('m', { champion: 2 }, 'champion', live, 2)).toEqual({ kind: 'noop' });
    expect(planAliasMove('m', { challenger: 2 }, 'champion', live, 2)).toEqual({ kind: 'set', previousVersion: null });
  });

  it('refuses archived and missing versions and bad aliases with a RegistryError that says why', () => {
    expect(() => planAliasMove('m', {}, 'champion', { version: 2, archived: true }, 2)).toThrow(/m v2 is archived/);
    expect(() => planAliasMove('m', {}, 'champion', undefined, 5)).toThrow(/m has no version 5/);
    expect(() => planAliasMove('m', {}, 'Champion', live, 2)).toThrow(RegistryError);
  });

  it('reads only own keys, so a name of an Object.prototype member is not taken as a held alias', () => {
    expect(aliasTarget({}, 'constructor')).toBeNull();
    expect(aliasTarget({}, 'toString')).toBeNull();
    expect(aliasTarget({ champion: 3 }, 'champion')).toBe(3);
  });

  it('lists the aliases of a version, sorted', () => {
    expect(aliasesOfVersion({ champion: 2, challenger: 1, a: 2 }, 2)).toEqual(['a', 'champion']);
    expect(aliasesOfVersion({ champion: 2 }, 3)).toEqual([]);
  });
});

describe('alias and model names', () => {
  it('accepts lower-case aliases with digits and dashes, and explains the rest', () => {
    for (const ok of ['champion', 'challenger', 'prod-eu', '2024-q1', 'a']) expect(aliasProblem(ok)).toBeNull();
    expect(aliasProblem('Champion')).toMatch(/lower-case/);
    expect(aliasProblem('-x')).toMatch(/starting with/);
    expect(aliasProblem('')).toMatch(/needs a name/);
    expect(aliasProblem('a'.repeat(33))).toMatch(/at most 32/);
    expect(aliasProblem('latest')).toMatch(/reserved/);
    expect(aliasProblem('v12')).toMatch(/reserved/);
    expect(aliasProblem('v1x')).toBeNull();
    expect(aliasProblem('prototype')).toMatch(/reserved/);
    expect(normalizeAlias('  @champion ')).toBe('champion');
  });

  it('accepts 1–64 of letters, digits, dot, underscore and dash as a model name', () => {
    expect(modelNameProblem('Flights_delay-2.1')).toBeNull();
    expect(modelNameProblem('x'.repeat(64))).toBeNull();
    expect(modelNameProblem('x'.repeat(65))).toMatch(/at most 64/);
    expect(modelNameProblem('flights delay')).toMatch(/no spaces/);
    expect(modelNameProblem('')).toMatch(/needs a name/);
    expect(modelNameProblem('..')).not.toBeNull();
  });

  it('cleans tags of empty and prototype-polluting keys', () => {
    const raw = JSON.parse('{" a ":" 1 ","":"x","__proto__":"p","constructor":"c","b":""}') as Record<string, string>;
    const tags = cleanTags(raw);
    expect(tags).toEqual({ a: '1', b: '' });
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
  });
});

describe('aliasTimeline and holderAt', () => {
  it('turns events in any order into holdings per alias, oldest first', () => {
    const events = [
      event('e3', 'champion', 3, 2, 300),
      event('e1', 'champion', 1, null, 100),
      event('c1', 'challenger', 2, null, 150),
      event('e2', 'champion', 2, 1, 200, 'pipeline'),
      event('c2', 'challenger', null, 2, 250),
    ];
    expect(aliasTimeline(events)).toEqual([
      { alias: 'champion', version: 1, from: 100, to: 200, actor: 'you', reason: '' },
      { alias: 'challenger', version: 2, from: 150, to: 250, actor: 'you', reason: '' },
      { alias: 'champion', version: 2, from: 200, to: 300, actor: 'pipeline', reason: '' },
      { alias: 'champion', version: 3, from: 300, to: null, actor: 'you', reason: '' },
    ]);
  });

  it('ignores a removal while nobody holds the alias, and starts again after a gap', () => {
    const timeline = aliasTimeline([event('a', 'x', null, 1, 50), event('b', 'x', 1, null, 100), event('c', 'x', null, 1, 200), event('d', 'x', 4, null, 300)]);
    expect(timeline.map((h) => [h.version, h.from, h.to])).toEqual([
      [1, 100, 200],
      [4, 300, null],
    ]);
    expect(holderAt(timeline, 'x', 99)).toBeNull();
    expect(holderAt(timeline, 'x', 100)).toBe(1);
    expect(holderAt(timeline, 'x', 199)).toBe(1);
    expect(holderAt(timeline, 'x', 200)).toBeNull();
    expect(holderAt(timeline, 'x', 1e12)).toBe(4);
    expect(holderAt(timeline, 'y', 150)).toBeNull();
    expect(aliasTimeline([])).toEqual([]);
  });

  it('orders equal times by id, the same way every time', () => {
    const a = event('a', 'x', 1, null, 100);
    const b = event('b', 'x', 2, 1, 100);
    expect(chronological([b, a]).map((e) => e.id)).toEqual(['a', 'b']);
    expect(aliasTimeline([b, a]).map((h) => h.version)).toEqual([1, 2]);
  });

  it('stamps new events after the latest one when the clock has not moved on', () => {
    expect(nextEventTime(undefined, 500)).toBe(500);
    expect(nextEventTime(400, 500)).toBe(500);
    expect(nextEventTime(500, 500)).toBe(501);
    expect(nextEventTime(900, 500)).toBe(901);
  });
});
