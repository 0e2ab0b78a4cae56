'use client';

import { useId, useState } from 'react';

type State = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; url: string };

/**
 * Copies the page's address (the comparison is all in it). Where the clipboard is unavailable
 * or refused (an insecure origin, a denied permission), shows the link selected, to copy by hand.
 */
export function CopyLinkButton() {
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const copy = async () => {
    const url = window.location.href;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'manual', url });
    }
  };
  return (
    <div className="copy-link">
      <button type="button" className="button secondary" onClick={() => void copy()}>
        Copy link
      </button>
      <p role="status" className="copy-link-status">
        {state.kind === 'copied' && 'Link copied: anyone with it sees this comparison (of runs stored in their own browser).'}
        {state.kind === 'manual' && 'This browser did not let the page copy. Select the link below and copy it (Ctrl+C or ⌘C).'}
      </p>
      {state.kind === 'manual' && (
        <div className="field">
          <label htmlFor={`${id}-url`}>Link to this comparison</label>
          <input id={`${id}-url`} readOnly value={state.url} autoFocus onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
    </div>
  );
}
