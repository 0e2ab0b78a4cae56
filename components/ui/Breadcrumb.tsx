import Link from 'next/link';

/** Breadcrumb trail: every crumb but the last is a link; the last is the current page. */
export function Breadcrumb({ trail }: { trail: Array<{ label: string; href?: string }> }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        {trail.map((crumb, i) =>
          i < trail.length - 1 && crumb.href ? (
            <li key={crumb.label}>
              <Link href={crumb.href}>{crumb.label}</Link>
            </li>
          ) : (
            <li key={crumb.label} aria-current="page">
              {crumb.label}
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}
