'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Course' },
  { href: '/maturity', label: 'Maturity ladder' },
  { href: '/progress', label: 'Progress' },
  { href: '/workbench/data', label: 'Data' },
  { href: '/workbench/train', label: 'Train' },
  { href: '/workbench/sweep', label: 'Tune' },
  { href: '/workbench/runs', label: 'Runs' },
  { href: '/workbench/models', label: 'Models' },
  { href: '/workbench/endpoints', label: 'Serve' },
] as const;

/** Pages that belong to a section without sharing its path prefix. */
const SECTION_OF: Record<string, string> = {
  '/workbench/run': '/workbench/runs',
  '/workbench/compare': '/workbench/runs',
  '/workbench/transfer': '/workbench/runs',
  '/workbench/dataset': '/workbench/data',
  '/workbench/model': '/workbench/models',
  '/workbench/endpoint': '/workbench/endpoints',
  '/workbench/alerts': '/workbench/endpoints',
  '/workbench/drift-report': '/workbench/endpoints',
};

/**
 * Main navigation; marks the current section with aria-current. No prefetch: sections such as
 * Progress carry code (validation, later charts) that a lesson visit should not pay for.
 */
export function NavLinks() {
  const pathname = usePathname() ?? '/';
  const section = SECTION_OF[pathname.replace(/\/$/, '')] ?? pathname;
  const isCurrent = (href: string) => (href === '/' ? pathname === '/' || pathname.startsWith('/weeks') || pathname.startsWith('/lessons') : section.startsWith(href));
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
