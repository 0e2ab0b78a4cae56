'use client';

import { useStore } from 'zustand';
import { noticeStore } from '@/stores/notices';

/** Page-wide messages (e.g. a failed save). Errors are announced at once, others politely. */
export function NoticeArea() {
  const notices = useStore(noticeStore, (s) => s.notices);
  const dismiss = useStore(noticeStore, (s) => s.dismiss);
  return (
    <div className="notice-area">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice ${notice.kind} card`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          <button type="button" className="button secondary" onClick={() => dismiss(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
