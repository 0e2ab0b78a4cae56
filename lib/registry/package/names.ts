/**
 * Names and sizes for the model package. Kept apart from the builder (and free of fflate) so the
 * models page can import it without paying for the zip code.
 */

/**
 * The package's folder and file stem, `<name>-v<version>`. Registry names are already limited to
 * letters, digits, `.`, `_` and `-`; anything else (an imported record) becomes `-`, so the zip
 * never holds a path that climbs out of the folder it is unzipped into.
 */
export function packageBaseName(name: string, version: number): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^\.+/, '') || 'model';
  return `${safe}-v${version}`;
}

/** The zip's file name, `<name>-v<version>.zip`. */
export function packageFileName(name: string, version: number): string {
  return `${packageBaseName(name, version)}.zip`;
}

/**
 * The npm package name of the serving app: lower case, URL-safe, not starting with `.` or `_`
 * (npm's rules), at most 214 characters.
 */
export function npmPackageName(name: string, version: number): string {
  const base = packageBaseName(name, version).toLowerCase().replace(/^[._]+/, '');
  return `${base || 'model'}-server`.slice(0, 214);
}

/** "512 bytes", "3.5 KB", "1.2 MB": one decimal, binary units (1 KB = 1024 bytes), ".0" dropped. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}
