import { describe, expect, it } from 'vitest';
import { decodeRunsView, encodeRunsView, runsViewKey, type RunsViewState } from './runs-url-state';

const decode = (query: string) => decodeRunsView(new URLSearchParams(query));

describe('runs URL state', () => {
  it('decodes the defaults from an empty query', () => {
    expect(decode('')).toEqual({ filter: '', sort: 'started', dir: 'desc', hideTrials: false });
  });
  it('decodes filter, sort, direction and the trials toggle', () => {
    expect(decode('filter=metrics.val_rmse+%3C+12&sort=metrics.val_rmse&dir=desc&trials=hide')).toEqual({
      filter: 'metrics.val_rmse < 12',
      sort: 'metrics.val_rmse',
      dir: 'desc',
      hideTrials: true,
    });
  });
  it("falls back to the column's first direction for a missing or bad dir", () => {
    expect(decode('sort=metrics.val_loss').dir).toBe('asc');
    expect(decode('sort=metrics.val_accuracy&dir=sideways').dir).toBe('desc');
    expect(decode('sort=').sort).toBe('started');
  });
  it('round-trips any view, quotes, backticks and ampersands included', () => {
    const views: RunsViewState[] = [
      { filter: 'tags.stage = "a&b" or metrics.`val loss` <= 0.5', sort: 'params.lr', dir: 'desc', hideTrials: true },
      { filter: '', sort: 'started', dir: 'asc', hideTrials: false },
      { filter: 'name ilike "%é%#?"', sort: 'last.x y', dir: 'asc', hideTrials: false },
    ];
    for (const v of views) expect(decode(encodeRunsView(v))).toEqual(v);
  });
  it('leaves defaults out and keeps unrelated params', () => {
    expect(encodeRunsView({ filter: '', sort: 'started', dir: 'desc', hideTrials: false }, '?filter=x&sort=name&dir=asc&trials=hide')).toBe('');
    expect(encodeRunsView({ filter: 'a', sort: 'metrics.val_loss', dir: 'asc', hideTrials: false }, 'utm=1')).toBe('utm=1&filter=a&sort=metrics.val_loss');
  });
  it('bounds absurdly long values', () => {
    expect(decode(`filter=${'x'.repeat(5000)}`).filter).toHaveLength(2000);
  });
  it('keys views by content', () => {
    expect(runsViewKey(decode('filter=a'))).toBe(runsViewKey(decode('filter=a&sort=started')));
    expect(runsViewKey(decode('filter=a'))).not.toBe(runsViewKey(decode('filter=b')));
  });
});
