/**
 * The window event a tab's database connection fires when another tab opens a newer version of
 * the workbench (IndexedDB's `versionchange`): this tab has closed its connection so the upgrade
 * can run, and must reload. Kept apart from db.ts so that listening costs a page no Dexie.
 */
export const SUPERSEDED_EVENT = 'mlops-workbench:superseded';

/** What the tab tells the learner. */
export const SUPERSEDED_MESSAGE =
  'A newer version of the workbench is open in another tab. This tab has stepped aside so that the update can finish: reload it to carry on. Nothing was lost.';
