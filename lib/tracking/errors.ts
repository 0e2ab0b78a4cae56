/**
 * Turns an IndexedDB/Dexie failure into a sentence a learner can act on. Nothing is written
 * when a transaction fails, so every message can promise that saved data is untouched.
 *
 * Edge cases: Dexie wraps the DOMException (`inner`), Firefox and Chromium name a full disk
 * `QuotaExceededError`, and private windows may refuse IndexedDB altogether.
 */
export function describeStorageError(error: unknown): string {
  const names = errorNames(error);
  if (names.some((n) => /quota/i.test(n)))
    return 'Your browser has run out of storage space for this site, so this change was not saved. Free some disk space or delete old runs, then try again. Everything saved earlier is untouched.';
  if (names.some((n) => /(MissingAPI|InvalidState|Security)Error/i.test(n)))
    return 'This browser will not let the workbench store data (private mode or blocked site data). Progress cannot be saved until storage is allowed.';
  if (names.some((n) => /VersionError|UpgradeError|DatabaseClosedError/i.test(n)))
    return 'Another tab has a newer version of the workbench open. Reload this tab to continue; nothing was lost.';
  const message = error instanceof Error ? error.message : String(error);
  return `Saving failed (${message}). Nothing was changed; please try again.`;
}

function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof e.name === 'string') names.push(e.name);
    current = e.inner ?? e.cause;
  }
  return names;
}

/** Whether an error came from IndexedDB/Dexie (so `describeStorageError` has the right words). */
export function isStorageError(error: unknown): boolean {
  return errorNames(error).some((n) => /quota|MissingAPI|InvalidState|Security|Version|Upgrade|Dexie|Database|Transaction|Abort|Constraint|DataError/i.test(n));
}
