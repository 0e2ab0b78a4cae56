import Link from 'next/link';
import { AlertBadge } from '@/components/monitoring/AlertBadge';
import { NavLinks } from './NavLinks';
import { ThemeToggle } from './ThemeToggle';

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="container">
        <Link href="/" className="brand">
          MLOps Workbench
        </Link>
        <NavLinks />
        <AlertBadge />
        <ThemeToggle />
      </div>
    </header>
  );
}
