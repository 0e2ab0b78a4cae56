'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Course' },
  { href: '/maturity', label: 'Maturity ladder' },
  { href: '/progress', label: 'Progress' },
  { href: '/workbench/data', label: 'Data' },
  { href: '/workbench/train', label: 'Train' },
  { href: '/workbench/runs', label: 'Runs' },
] as const;

/**
 * Main navigation; marks the current section with aria-current. No prefetch: sections such as
 * Progress carry code (validation, later charts) that a lesson visit should not pay for.
 */
export function NavLinks() {
  const pathname = usePathname() ?? '/';
  const isCurrent = (href: string) =>
    href === '/' ? pathname === '/' || pathname.startsWith('/weeks') || pathname.startsWith('/lessons') : href === '/workbench/runs' ? pathname.startsWith('/workbench/run') : href === '/workbench/data' ? pathname.startsWith('/workbench/data') || pathname.startsWith('/workbench/dataset') : pathname.startsWith(href);
  return (
    <nav className="site-nav" aria-label="Main">
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <Link href={link.href} prefetch={false} aria-current={isCurrent(link.href) ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
