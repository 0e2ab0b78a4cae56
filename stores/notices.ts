import { createStore } from 'zustand/vanilla';

export type NoticeKind = 'ok' | 'info' | 'error';

export interface Notice {
  id: number;
  kind: NoticeKind;
  text: string;
}

export interface NoticeState {
  notices: Notice[];
  /** Shows a message; returns its id. At most 3 stay on screen, newest last. */
  push: (kind: NoticeKind, text: string) => number;
  dismiss: (id: number) => void;
}

/** Factory for the page-wide notice list (messages that die with the tab). */
export function createNoticeStore() {
  let nextId = 1;
  return createStore<NoticeState>()((set) => ({
    notices: [],
    push: (kind, text) => {
      const id = nextId++;
      set((state) => ({ notices: [...state.notices, { id, kind, text }].slice(-3) }));
      return id;
    },
    dismiss: (id) => set((state) => ({ notices: state.notices.filter((n) => n.id !== id) })),
  }));
}

/** The one notice store of this tab. */
export const noticeStore = createNoticeStore();
