'use client';

import type { CsvReport } from '@/lib/data/csv';
import type { ParsedCsvFile } from '@/lib/data/csv-file';
import type { DataTable } from '@/lib/data/table';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { delimiterName, formatCell, listText, plural } from './format';
import { SaveDatasetForm } from './SaveDatasetForm';

const PREVIEW_ROWS = 10;

/**
 * The data report of a parsed upload: what was kept, what was set aside and why, each column's
 * type and quality, a preview, then the form to save it. A refused file gets its reason only.
 */
export function UploadReport({ file, parsed, inWorker }: { file: File; parsed: ParsedCsvFile; inWorker: boolean }) {
  const { result, hash } = parsed;
  if (!result.ok) {
    return (
      <div className="notice error" role="alert">
        <p>
          <strong>“{file.name}” was not loaded.</strong> {result.error}
        </p>
        <p>Nothing was saved.</p>
      </div>
    );
  }
  const { report, table } = result;
  return (
    <div className="upload-report" data-testid="upload-report">
      <h3>Data report: {file.name}</h3>
      <dl className="facts">
        <div>
          <dt>Rows kept</dt>
          <dd data-testid="rows-kept">{report.rows.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Lines in the file</dt>
          <dd>{report.totalLines.toLocaleString('en-US')} (header included)</dd>
        </div>
        <div>
          <dt>Delimiter</dt>
          <dd>{delimiterName(report.delimiter)}</dd>
        </div>
        <div>
          <dt>Columns</dt>
          <dd>{report.columns.length}</dd>
        </div>
      </dl>
      <p className="muted small">{inWorker ? 'Parsed in a background worker.' : 'Parsed on the page (background workers are not available here).'}</p>
      <MalformedRows report={report} />
      {report.warnings.length > 0 && (
        <div className="notice info">
          <p>
            <strong>{plural(report.warnings.length, 'warning')}</strong>
          </p>
          <ul className="warnings">
            {report.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <ColumnReport report={report} />
      <Preview table={table} />
      {hash === null ? (
        <p className="notice error" role="alert">
          The file’s version (content hash) could not be computed, so it cannot be saved.
        </p>
      ) : (
        <SaveDatasetForm file={file} report={report} table={table} hash={hash} />
      )}
    </div>
  );
}

function MalformedRows({ report }: { report: CsvReport }) {
  const n = report.malformedRowCount;
  if (n === 0) return <p className="notice ok">Every data row was read: no malformed rows.</p>;
  const lines = report.malformedRows.slice(0, 5).map((r) => String(r.line));
  const more = n > lines.length ? `, and ${plural(n - lines.length, 'more')}` : '';
  const listed = report.malformedRows.length < n ? ` The first ${report.malformedRows.length} are listed below.` : '';
  return (
    <div className="malformed">
      <p className="notice warn" data-testid="malformed-summary">
        <strong>
          {plural(n, 'malformed row')} {n === 1 ? 'was' : 'were'} set aside (not used):
        </strong>{' '}
        {n === 1 ? 'line' : 'lines'} {lines.length > 1 && !more ? listText(lines) : lines.join(', ')}
        {more}. {n === 1 ? 'It is' : 'They are'} not in the table, and the other rows are unaffected.{listed}
      </p>
      <ScrollRegion label="Malformed rows">
        <table className="data-table">
          <caption>Malformed rows (set aside)</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Line
              </th>
              <th scope="col">Reason</th>
              <th scope="col">Text</th>
            </tr>
          </thead>
          <tbody>
            {report.malformedRows.map((r) => (
              <tr key={r.line}>
                <td className="num">{r.line}</td>
                <td>{r.reason}</td>
                <td>
                  <code className="raw-text">{r.text}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

function ColumnReport({ report }: { report: CsvReport }) {
  const unusable = report.columns.filter((c) => !c.usable).length;
  return (
    <>
      <h4>Columns</h4>
      <p className="muted small">
        Missing: empty or NA-like cells. Malformed: cells present but not of the column’s type (treated as missing).{' '}
        {unusable > 0 ? `${plural(unusable, 'column')} cannot be a model input; ${unusable === 1 ? 'it stays' : 'they stay'} in the data.` : 'Every column can be a model input.'}
      </p>
      <ScrollRegion label="Columns of the uploaded file">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col" className="num">
                Missing
              </th>
              <th scope="col" className="num">
                Malformed
              </th>
              <th scope="col" className="num">
                Distinct
              </th>
              <th scope="col">Usable</th>
            </tr>
          </thead>
          <tbody>
            {report.columns.map((c) => (
              <tr key={c.name}>
                <th scope="row">{c.name}</th>
                <td>{c.type}</td>
                <td className="num">{c.missing.toLocaleString('en-US')}</td>
                <td className={c.malformed > 0 ? 'num flagged' : 'num'}>{c.malformed.toLocaleString('en-US')}</td>
                <td className="num">{c.distinct.toLocaleString('en-US')}</td>
                <td>{c.usable ? 'yes' : `no: ${c.reason ?? 'unusable'}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}

function Preview({ table }: { table: DataTable }) {
  const rows = Math.min(PREVIEW_ROWS, table.rowCount);
  return (
    <>
      <h4>Preview</h4>
      <ScrollRegion label="Preview of the first rows">
        <table className="data-table preview">
          <caption className="muted small">
            First {plural(rows, 'row')} as read (— = missing or malformed)
          </caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c.name} scope="col">
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, i) => (
              <tr key={i}>
                {table.columns.map((c) => {
                  const text = formatCell(c, i);
                  return (
                    <td key={c.name} title={text.length > 24 ? text : undefined}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
