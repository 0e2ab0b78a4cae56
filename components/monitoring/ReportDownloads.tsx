'use client';

import { downloadBlob } from '@/components/bundle/download';
import { renderReportHtml } from '@/lib/monitoring/report-html';
import { reportJson, type MonitorReport } from '@/lib/monitoring/report-types';

export interface ReportDownloadsProps {
  report: MonitorReport;
  /** File name without extension: `${fileStem}.html` and `${fileStem}.json`. */
  fileStem: string;
}

/**
 * The report as files: one self-contained HTML page (opens anywhere, no script) and the JSON
 * (sorted keys, so two exports of the same report diff cleanly).
 */
export function ReportDownloads({ report, fileStem }: ReportDownloadsProps) {
  return (
    <div className="button-row report-downloads">
      <button type="button" className="button secondary" onClick={() => downloadBlob(new Blob([renderReportHtml(report)], { type: 'text/html' }), `${fileStem}.html`)}>
        Download HTML report
      </button>
      <button type="button" className="button secondary" onClick={() => downloadBlob(new Blob([reportJson(report)], { type: 'application/json' }), `${fileStem}.json`)}>
        Download JSON
      </button>
    </div>
  );
}
