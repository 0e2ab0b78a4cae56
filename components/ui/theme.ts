/** Theme preference kept in localStorage; "system" follows prefers-color-scheme. */
export type ThemePreference = 'system' | 'light' | 'dark';
export const THEME_STORAGE_KEY = 'mlops-workbench-theme';

/**
 * Runs inline in <head> before first paint, so a dark-mode reader never sees a white flash.
 * Kept tiny and dependency-free; the static server allows it by its CSP hash.
 */
export const THEME_BOOT_SCRIPT = `(function(){try{var p=localStorage.getItem('${THEME_STORAGE_KEY}');var d=p==='dark'||(p!=='light'&&matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.dataset.theme=d?'dark':'light'}catch(e){}})()`;
