/** Saves a Blob as a file through a temporary `<a download>` (no server involved). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; the URL is freed a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `mlops-workbench-2024-06-01.json`, with the learner's local date. */
export function bundleFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `mlops-workbench-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
