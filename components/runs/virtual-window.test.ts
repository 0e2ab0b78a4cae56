import { describe, expect, it } from 'vitest';
import { splitAtError } from './filter-error';
import { virtualWindow } from './virtual-window';

describe('virtualWindow', () => {
  it('renders the visible rows plus overscan at the top', () => {
    expect(virtualWindow(0, 440, 1000, 44, 5)).toEqual({ start: 0, end: 15, padTop: 0, padBottom: 985 * 44 });
  });
  it('follows the scroll position, spacers standing in for the rest', () => {
    const w = virtualWindow(44 * 500, 440, 1000, 44, 5);
    expect(w).toEqual({ start: 495, end: 515, padTop: 495 * 44, padBottom: 485 * 44 });
    expect(w.padTop + (w.end - w.start) * 44 + w.padBottom).toBe(1000 * 44);
  });
  it('clamps at the end, for short lists and for elastic over-scrolling', () => {
    expect(virtualWindow(44 * 995, 440, 1000, 44, 5)).toMatchObject({ start: 990, end: 1000, padBottom: 0 });
    expect(virtualWindow(1e9, 440, 1000, 44, 5)).toMatchObject({ start: 1000, end: 1000, padTop: 44_000, padBottom: 0 });
    expect(virtualWindow(-200, 440, 3, 44, 5)).toEqual({ start: 0, end: 3, padTop: 0, padBottom: 0 });
    expect(virtualWindow(0, 440, 0, 44, 5)).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });
  it('draws a few dozen rows of 1,000, not 1,000', () => {
    const w = virtualWindow(12_345, 700, 1000);
    expect(w.end - w.start).toBeLessThan(40);
  });
});

describe('splitAtError', () => {
  it('splits around the marked part', () => {
    expect(splitAtError('metric.x < 1', { message: '', position: 0, length: 8 })).toEqual({ before: '', marked: 'metric.x', after: ' < 1' });
  });
  it('marks nothing for an error at the end', () => {
    expect(splitAtError('a <', { message: '', position: 3, length: 0 })).toEqual({ before: 'a <', marked: '', after: '' });
  });
  it('clamps positions outside the text', () => {
    expect(splitAtError('ab', { message: '', position: 5, length: 3 })).toEqual({ before: 'ab', marked: '', after: '' });
  });
});
