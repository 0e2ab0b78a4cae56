import type { ReactNode } from 'react';

const LABEL = { note: 'Note', tip: 'Tip', warning: 'Watch out' } as const;

/** A highlighted aside in lesson text: `<Callout kind="note|tip|warning" title="…">`. */
export function Callout({ kind = 'note', title, children }: { kind?: keyof typeof LABEL; title?: string; children: ReactNode }) {
  const safeKind = kind in LABEL ? kind : 'note';
  return (
    <div className={`callout callout-${safeKind}`} role="note">
      <p className="callout-title">
        <strong>{title ?? LABEL[safeKind]}</strong>
        {title && <span className="visually-hidden"> ({LABEL[safeKind]})</span>}
      </p>
      <div className="callout-body">{children}</div>
    </div>
  );
}

/** An image with a caption: `<Figure src="/figures/x.svg" alt="…" caption="…" />`. */
export function Figure({ src, alt, caption }: { src: string; alt: string; caption?: string }) {
  return (
    <figure className="figure">
      {/* Static export: images are served as they are, no optimizer. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={src} alt={alt} loading="lazy" />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
