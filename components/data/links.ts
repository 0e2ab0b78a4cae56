/** Workbench URLs for a dataset (search params: the static export has no dynamic segments). */
export function datasetHref(id: string): string {
  return `/workbench/dataset?id=${encodeURIComponent(id)}`;
}

/** The train page preset to this dataset and target column. */
export function trainHref(id: string, target: string): string {
  return `/workbench/train?dataset=${encodeURIComponent(id)}&target=${encodeURIComponent(target)}`;
}
