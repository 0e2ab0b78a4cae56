'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { decodeRunsView, encodeRunsView, runsViewKey, type RunsViewState } from './runs-url-state';

/** A change to the view, or a function of the current view giving one. */
export type ViewPatch = Partial<RunsViewState> | ((view: RunsViewState) => Partial<RunsViewState>);

/** Typing settles for this long before the URL follows, so history is not rewritten per key. */
const URL_WRITE_DELAY_MS = 300;

/**
 * The runs page's filter, sort and trials toggle, read from the URL on load and written back
 * (debounced) so a copied link reproduces the view. It writes with `history.replaceState`,
 * which Next's router observes (useSearchParams follows) without refetching the page or
 * scrolling. When the URL changes from outside (a link, the nav bar), the URL wins; our own
 * writes arriving late are recognised and do not undo keystrokes typed since.
 */
export function useRunsView(): [RunsViewState, (patch: ViewPatch) => void] {
  const params = useSearchParams();
  const fromUrl = decodeRunsView(params);
  const urlKey = runsViewKey(fromUrl);
  const [view, setView] = useState(fromUrl);
  const [seen, setSeen] = useState<{ url: string; written: string[] }>({ url: urlKey, written: [] });
  if (urlKey !== seen.url) {
    const ours = seen.written.indexOf(urlKey);
    setSeen({ url: urlKey, written: ours >= 0 ? seen.written.slice(ours + 1) : [] });
    if (ours < 0) setView(fromUrl);
  }

  useEffect(() => {
    const next = encodeRunsView(view, window.location.search);
    if (next === window.location.search.replace(/^\?/, '')) return;
    const timer = window.setTimeout(() => {
      const key = runsViewKey(view);
      setSeen((s) => ({ ...s, written: [...s.written.slice(-4), key] }));
      window.history.replaceState(null, '', `${window.location.pathname}${next ? `?${next}` : ''}${window.location.hash}`);
    }, URL_WRITE_DELAY_MS);
    // A link clicked before the write lands leaves the page: a late replaceState would race the
    // router's navigation and pull the URL back here, so the pending write is dropped instead.
    const leaving = (event: MouseEvent) => {
      if (event.target instanceof Element && event.target.closest('a[href]')) window.clearTimeout(timer);
    };
    document.addEventListener('click', leaving, true);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('click', leaving, true);
    };
  }, [view]);

  const update = useCallback((patch: ViewPatch) => setView((v) => ({ ...v, ...(typeof patch === 'function' ? patch(v) : patch) })), [setView]);
  return [view, update];
}
