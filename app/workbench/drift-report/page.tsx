import type { Metadata } from 'next';
import { DatasetsReportPanel } from '@/components/monitoring/DatasetsReportPanel';

export const metadata: Metadata = {
  title: 'Compare two datasets',
  description: 'A drift and data-quality report of any two datasets, with Evidently’s default tests, computed in your browser.',
};

export default function DriftReportPage() {
  return (
    <div className="container">
      <h1>Compare two datasets</h1>
      <p className="lead">
        Pick a reference and a current sample (a built-in dataset, one you uploaded, or any CSV file such as a prediction-log export) and get the report the monitoring dashboard gives a window: Evidently’s default drift test for every shared column, dataset drift, both distributions
        overlaid and data quality side by side. It runs offline in this browser, with no Python, so it works on your own data too; download the report as HTML or JSON.
      </p>
      <p>
        <strong>How each column’s test is chosen.</strong> With a reference of up to 1,000 rows, a numerical column with more than 5 unique values gets the Kolmogorov–Smirnov test, any other column the chi-square test (or the z-test when it has at most 2 values); they give p-values, and
        the column drifts when p ≤ 0.05 (K-S) or p &lt; 0.05 (chi-square, z). With more than 1,000 reference rows, p-values flag even tiny differences, so distances are used instead: the normed Wasserstein distance for numbers, the Jensen–Shannon distance otherwise, drifting at 0.1 or more. Each row of the table
        says which rule applied.
      </p>
      <DatasetsReportPanel />
    </div>
  );
}
