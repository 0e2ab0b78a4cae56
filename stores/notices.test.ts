import { describe, expect, it } from 'vitest';
import { createNoticeStore } from './notices';

describe('notice store', () => {
  it('keeps the newest three notices and dismisses by id', () => {
    const store = createNoticeStore();
    const ids = [1, 2, 3, 4].map((n) => store.getState().push('info', `n${n}`));
    expect(store.getState().notices.map((n) => n.text)).toEqual(['n2', 'n3', 'n4']);
    store.getState().dismiss(ids[2]!);
    expect(store.getState().notices.map((n) => n.text)).toEqual(['n2', 'n4']);
  });
});
