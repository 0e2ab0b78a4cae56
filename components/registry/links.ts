import { formatDateTime } from '@/components/ui/format-time';

/** Where a model's page is; with `version`, that version's panel is open. */
export function modelHref(name: string, version?: number): string {
  return `/workbench/model?name=${encodeURIComponent(name)}${version === undefined ? '' : `&version=${version}`}`;
}

/** A run's page. */
export function runHref(runId: string): string {
  return `/workbench/run?id=${encodeURIComponent(runId)}`;
}

/** A time for tables, as every page shows it (`formatDateTime`). */
export function formatWhen(at: number): string {
  return formatDateTime(at);
}
