/** Longest model name accepted (the name is the registry's primary key and appears in URLs). */
export const MODEL_NAME_MAX = 64;
/** Longest alias accepted. */
export const ALIAS_MAX = 32;

const MODEL_NAME = /^[A-Za-z0-9._-]+$/;
const ALIAS = /^[a-z0-9][a-z0-9-]*$/;

/**
 * Why a model name is not acceptable, or null when it is. Names are 1–64 characters of ASCII
 * letters, digits, `.`, `_` and `-` (no spaces: they end up in file names of the package and in
 * URLs). `.` and `..` alone are refused because they read as paths.
 */
export function modelNameProblem(name: string): string | null {
  if (name.length === 0) return 'A model needs a name.';
  if (name.length > MODEL_NAME_MAX) return `A model name has at most ${MODEL_NAME_MAX} characters (this one has ${name.length}).`;
  if (!MODEL_NAME.test(name)) return `“${name}” is not a valid model name: use only letters, digits, “.”, “_” and “-” (no spaces).`;
  if (name === '.' || name === '..') return `“${name}” is not a valid model name.`;
  return null;
}

/**
 * Why an alias is not acceptable, or null when it is. Aliases are 1–32 characters of lower-case
 * letters, digits and `-`, not starting with `-` (e.g. `champion`, `challenger`, `prod-eu`).
 * `latest` and `v<number>` are refused: they would read as a version reference (MLflow's rule too).
 * `constructor` and `prototype` are refused because aliases are object keys, and bundle import
 * rejects those keys: a model holding one could be exported but never imported again.
 * Pass it without the `@`.
 */
export function aliasProblem(alias: string): string | null {
  if (alias.length === 0) return 'An alias needs a name, e.g. champion.';
  if (alias.length > ALIAS_MAX) return `An alias has at most ${ALIAS_MAX} characters.`;
  if (!ALIAS.test(alias)) return `“@${alias}” is not a valid alias: use lower-case letters, digits and “-”, starting with a letter or digit.`;
  if (alias === 'latest' || /^v\d+$/.test(alias)) return `“@${alias}” is reserved: it would read as a version number. Pick another alias.`;
  if (alias === 'constructor' || alias === 'prototype') return `“@${alias}” is reserved. Pick another alias.`;
  return null;
}

/** The alias as typed, normalised: trimmed, a leading `@` dropped. Case is kept (so a capital is reported, not silently changed). */
export function normalizeAlias(typed: string): string {
  return typed.trim().replace(/^@/, '');
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Longest description kept (characters); longer text is cut, not refused. */
export const DESCRIPTION_MAX = 5000;

/**
 * Tags as stored: keys and values trimmed, empty keys and prototype-polluting keys
 * (`__proto__`, `constructor`, `prototype`) dropped — the same rule as run tags.
 */
export function cleanTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) {
    const k = key.trim();
    if (k !== '' && !FORBIDDEN_KEYS.has(k)) out[k] = String(value).trim();
  }
  return out;
}

/** A description as stored: trimmed and cut to `DESCRIPTION_MAX` characters. */
export function cleanDescription(text: string): string {
  return text.trim().slice(0, DESCRIPTION_MAX);
}
