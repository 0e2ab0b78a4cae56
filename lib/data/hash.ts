/**
 * A dataset's version: the SHA-256 of its content, as 64 lower-case hex digits. Uses WebCrypto,
 * present in browsers, workers and Node ≥ 19. Strings are hashed as UTF-8.
 */
export async function contentHash(content: string | ArrayBuffer | Uint8Array): Promise<string> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content instanceof Uint8Array ? content : new Uint8Array(content);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The first 12 hex digits of a hash: enough to tell versions apart in the UI. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
