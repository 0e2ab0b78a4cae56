'use client';

import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ParsedCsvFile } from '@/lib/data/csv-file';
import { CSV_MAX_BYTES, formatBytes } from '@/lib/data/csv';
import { createCsvParser, type CsvParser } from './csv-parser';
import { UploadReport } from './UploadReport';

type UploadState =
  | { status: 'idle' }
  | { status: 'parsing'; fileName: string }
  | { status: 'failed'; fileName: string; message: string }
  | { status: 'parsed'; request: number; file: File; parsed: ParsedCsvFile; inWorker: boolean };

/**
 * Upload of a learner's own CSV file: parsed in a Web Worker (main-thread fallback), then an
 * honest data report and a form to save it as a dataset.
 */
export function CsvUpload() {
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const parserRef = useRef<CsvParser | null>(null);
  const requestRef = useRef(0);

  useEffect(
    () => () => {
      parserRef.current?.dispose();
      parserRef.current = null;
    },
    [],
  );

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    const request = ++requestRef.current;
    if (!file) {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'parsing', fileName: file.name });
    parserRef.current ??= createCsvParser();
    const parser = parserRef.current;
    try {
      const parsed = await parser.parse(file);
      // A newer file was chosen meanwhile: this answer is stale.
      if (request !== requestRef.current) return;
      setState({ status: 'parsed', request, file, parsed, inWorker: parser.inWorker });
    } catch (error) {
      if (request !== requestRef.current) return;
      setState({ status: 'failed', fileName: file.name, message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="card upload" aria-labelledby="upload-heading">
      <h2 id="upload-heading">Upload your own data</h2>
      <p>
        Comma-, semicolon- or tab-separated, with a header row; up to {formatBytes(CSV_MAX_BYTES)}. The file is read in this browser
        and never leaves it. You will see exactly what was read, and what was not, before you save it.
      </p>
      <label className="file-label" htmlFor="csv-file">
        Upload a CSV file
      </label>
      <input
        id="csv-file"
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
        aria-describedby="csv-file-help"
        onChange={(e) => void chooseFile(e)}
      />
      <p id="csv-file-help" className="muted small">
        Tip: any spreadsheet can export CSV (File → Download / Save as → CSV).
      </p>
      <div aria-live="polite">
        {state.status === 'parsing' && (
          <p className="notice info" role="status">
            Parsing “{state.fileName}” …
          </p>
        )}
      </div>
      {state.status === 'failed' && (
        <div className="notice error" role="alert">
          <p>
            Could not read “{state.fileName}”: {state.message}
          </p>
          <p>Nothing was saved. Choose the file again, or export it again from its source.</p>
        </div>
      )}
      {state.status === 'parsed' && <UploadReport key={state.request} file={state.file} parsed={state.parsed} inWorker={state.inWorker} />}
    </section>
  );
}
