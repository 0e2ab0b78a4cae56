'use client';

import { useEffect, useState } from 'react';
import { ROW_HEIGHT, virtualWindow, type VirtualWindow } from './virtual-window';

/** Before the first measurement: about a laptop screen of rows. */
const INITIAL_VIEWPORT_PX = 640;

interface Viewport {
  top: number;
  height: number;
  rowHeight: number;
}

/**
 * The rows of a fixed-row-height table to render inside a scroll container: pass `attach` (the first
 * item) as the container's ref. It follows the container's scroll position and size, and measures a drawn row
 * (CSS sets ROW_HEIGHT, but zoom and borders can make it fractionally different, and 1,000
 * rows multiply the error). A change of `resetKey` scrolls the container back to the top.
 */
export function useVirtualWindow(count: number, resetKey: string): [attach: (element: HTMLElement | null) => void, window: VirtualWindow] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [viewport, setViewport] = useState<Viewport>({ top: 0, height: INITIAL_VIEWPORT_PX, rowHeight: ROW_HEIGHT });
  useEffect(() => {
    if (!element) return;
    const update = (next: Partial<Viewport>) =>
      setViewport((v) => {
        const merged = { ...v, ...next };
        return merged.top === v.top && merged.height === v.height && merged.rowHeight === v.rowHeight ? v : merged;
      });
    const onScroll = () => update({ top: element.scrollTop });
    const measure = () => {
      const row = element.querySelector('tbody tr:not(.spacer)');
      const rowHeight = row?.getBoundingClientRect().height;
      update({ top: element.scrollTop, height: element.clientHeight, ...(rowHeight ? { rowHeight } : {}) });
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    const frame = requestAnimationFrame(measure);
    return () => {
      cancelAnimationFrame(frame);
      element.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, [element]);
  // A new filter or sort puts its first rows in view, not wherever the old list was scrolled to.
  useEffect(() => {
    element?.scrollTo({ top: 0 });
  }, [element, resetKey]);
  return [setElement, virtualWindow(viewport.top, viewport.height, count, viewport.rowHeight)];
}
