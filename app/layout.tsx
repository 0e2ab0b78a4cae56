import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { RunRecovery } from '@/components/runs/RunRecovery';
import { NoticeArea } from '@/components/ui/NoticeArea';
import { SupersededNotice } from '@/components/ui/SupersededNotice';
import { SiteHeader } from '@/components/ui/SiteHeader';
import { THEME_BOOT_SCRIPT } from '@/components/ui/theme';
import './styles/base.css';
import './styles/ui.css';
import './styles/course.css';
import './styles/lesson.css';
import './styles/data.css';
import './styles/workbench.css';
import './styles/runs.css';
import './styles/registry.css';
import './styles/compare.css';
import './styles/bundle.css';
import './styles/sweep.css';
import './styles/serving.css';
import './styles/monitoring.css';
import './styles/monitor-dashboard.css';

export const metadata: Metadata = {
  title: { default: 'MLOps Workbench', template: '%s · MLOps Workbench' },
  description: 'An interactive MLOps course that runs in your browser: train, track, deploy, monitor and retrain, level by level.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f7f7f4' },
    { media: '(prefers-color-scheme: dark)', color: '#121614' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            Everything stays in this browser: progress and runs are stored locally (IndexedDB) and leave the machine only when you export
            them.
          </div>
        </footer>
        <NoticeArea />
        <SupersededNotice />
        <RunRecovery />
      </body>
    </html>
  );
}
