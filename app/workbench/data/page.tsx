import type { Metadata } from 'next';
import { CsvUpload } from '@/components/data/CsvUpload';
import { DatasetList } from '@/components/data/DatasetList';

export const metadata: Metadata = {
  title: 'Data',
  description: 'The datasets you can train on — real built-in ones and your own CSV files — with an honest report of what each upload contains.',
};

export default function DataPage() {
  return (
    <div className="container data-page">
      <h1>Data</h1>
      <p className="lead">
        Every model starts here. Explore a dataset’s columns and target before training on it, or upload your own CSV file: it is checked,
        and every row that could not be read is shown, not silently dropped.
      </p>
      <DatasetList />
      <CsvUpload />
    </div>
  );
}
