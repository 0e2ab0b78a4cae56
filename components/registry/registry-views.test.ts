import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AliasEvent, ModelVersion, RegisteredModel } from '@/lib/registry/types';
import { AliasBadges } from './AliasBadges';
import { AliasHistoryTable } from './AliasHistoryTable';
import { ChampionComparison } from './ChampionComparison';
import { modelHref } from './links';
import { VersionsTable } from './VersionsTable';

const version = (n: number, metrics: Record<string, number>, extra: Partial<ModelVersion> = {}): ModelVersion => ({
  name: 'flights-delay',
  version: n,
  runId: `run-${n}`,
  description: '',
  tags: {},
  createdAt: 1_700_000_000_000 + n,
  archived: false,
  archivedAt: null,
  dataset: { id: 'flights', hash: 'abcdef0123456789', split: 'time' },
  task: 'regression',
  target: 'delay',
  metrics,
  ...extra,
});
const model: RegisteredModel = { name: 'flights-delay', description: '', tags: {}, aliases: { champion: 1, challenger: 2 }, createdAt: 0, updatedAt: 0 };
const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);

describe('registry views', () => {
  it('builds model links with encoded names', () => {
    expect(modelHref('a.b c', 2)).toBe('/workbench/model?name=a.b%20c&version=2');
    expect(modelHref('m')).toBe('/workbench/model?name=m');
  });

  it('shows aliases as @alias badges, with their version in the models list', () => {
    expect(html(createElement(AliasBadges, { aliases: ['champion'], versions: { champion: 3 } }))).toContain('@champion v3');
    expect(html(createElement(AliasBadges, { aliases: [] }))).toBe('');
  });

  it('marks the better metric of a version against the champion and links the two runs', () => {
    const out = html(createElement(ChampionComparison, { version: version(2, { val_rmse: 9, baseline_val_rmse: 14 }), champion: version(1, { val_rmse: 10 }) }));
    expect(out).toMatch(/<tr data-metric="val_rmse" data-better="mine">/);
    expect(out).toContain('this version is better');
    expect(out).not.toContain('baseline_val_rmse');
    expect(out).toContain('href="/workbench/compare?runs=run-1,run-2&amp;metric=val_rmse"');
    expect(html(createElement(ChampionComparison, { version: version(1, {}), champion: version(1, {}) }))).toContain('is the current');
    expect(html(createElement(ChampionComparison, { version: version(1, {}), champion: undefined }))).toContain('No version holds @champion');
  });

  it('lists versions newest first with their aliases, metric against the baseline, and a deleted run', () => {
    const out = html(createElement(VersionsTable, { model, versions: [version(1, { val_rmse: 10, baseline_val_rmse: 14 }), version(2, { val_rmse: 15, baseline_val_rmse: 14 }, { archived: true })], runNames: new Map([['run-1', 'mlp-1']]), selected: 1 }));
    expect(out.indexOf('data-version="2"')).toBeLessThan(out.indexOf('data-version="1"'));
    expect(out).toContain('data-status="beats">beats the baseline');
    expect(out).toContain('data-status="short">does not beat the baseline');
    expect(out).toContain('at least 1 % lower than the baseline');
    expect(out).toContain('deleted run');
    expect(out).toContain('>mlp-1<');
    expect(out).toContain('archived');
  });

  it('shows the alias history newest first and who held each alias until when', () => {
    const events: AliasEvent[] = [
      { id: 'b', name: 'flights-delay', alias: 'champion', version: 2, previousVersion: 1, at: 2000, actor: 'you', reason: 'lower RMSE' },
      { id: 'a', name: 'flights-delay', alias: 'champion', version: 1, previousVersion: null, at: 1000, actor: 'you', reason: '' },
    ];
    const out = html(createElement(AliasHistoryTable, { events }));
    expect(out).toContain('lower RMSE');
    expect(out.match(/<td>now<\/td>/g)).toHaveLength(1);
    expect(html(createElement(AliasHistoryTable, { events: [] }))).toContain('No alias has been set yet');
  });
});
