// Serves the static export (out/) on 127.0.0.1 with the headers a static host should set:
// a Content-Security-Policy without 'unsafe-eval' (inline scripts allowed by their hashes
// only), nosniff, no framing, and long caching for hashed assets.
//   node scripts/serve.mjs [--port 3000] [--dir out]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const HOST = '127.0.0.1';
const PORT = Number(args.port ?? process.env.PORT ?? 3000);
const ROOT = path.resolve(args.dir ?? 'out');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.txt', '.svg', '.csv', '.map', '.wasm']);

/** Hashes of every inline <script> in a page, for its CSP. */
function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (match[1]) hashes.add(`'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

function contentSecurityPolicy(html) {
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets WebAssembly compile (tfjs WASM backend); it does not allow eval().
    `script-src 'self' 'wasm-unsafe-eval' ${inlineScriptHashes(html).join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Maps a URL path to a file under ROOT, or null. Never escapes ROOT. */
function resolveFile(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const clean = path.normalize(decoded).replace(/^([/\\])+/, '');
  const base = path.join(ROOT, clean);
  if (!base.startsWith(ROOT)) return null;
  const candidates = decoded.endsWith('/') ? [path.join(base, 'index.html')] : [base, `${base}.html`, path.join(base, 'index.html')];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

const cache = new Map();
function load(file) {
  const mtime = statSync(file).mtimeMs;
  const hit = cache.get(file);
  if (hit && hit.mtime === mtime) return hit;
  const ext = path.extname(file);
  const body = readFileSync(file);
  const entry = {
    mtime,
    ext,
    body,
    gzip: COMPRESSIBLE.has(ext) && body.length > 512 ? gzipSync(body) : null,
    csp: ext === '.html' ? contentSecurityPolicy(body.toString('utf8')) : null,
  };
  cache.set(file, entry);
  return entry;
}

const server = createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const url = new URL(req.url ?? '/', `http://${HOST}`);
  let file = resolveFile(url.pathname);
  let status = 200;
  if (!file) {
    file = path.join(ROOT, '404.html');
    status = 404;
    if (!existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
  }
  const entry = load(file);
  const useGzip = entry.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const headers = {
    'Content-Type': TYPES[entry.ext] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    'Cache-Control': url.pathname.startsWith('/_next/static/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    Vary: 'Accept-Encoding',
  };
  if (entry.csp) headers['Content-Security-Policy'] = entry.csp;
  if (useGzip) headers['Content-Encoding'] = 'gzip';
  const body = useGzip ? entry.gzip : entry.body;
  headers['Content-Length'] = body.length;
  res.writeHead(status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
});

if (!existsSync(ROOT)) {
  console.error(`serve: ${ROOT} does not exist; run "npm run build" first.`);
  process.exit(1);
}
server.listen(PORT, HOST, () => console.log(`MLOps Workbench: http://${HOST}:${PORT}/ (serving ${path.relative(process.cwd(), ROOT) || ROOT})`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
