/**
 * Node helpers to check a model package as a deployer would: unzip it, start its server, call it,
 * stop it. Shared by the unit test (lib/ml/model-package.test.ts) and the end-to-end test that
 * downloads the zip from the UI. No tfjs here (the server loads its own) and no `import.meta`
 * (Playwright compiles tests to CommonJS).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { unzipSync } from 'fflate';

export interface UnzippedPackage {
  /** The folder made for this unzip (remove it with `removeDir`). */
  root: string;
  /** The package's own folder inside it (`<name>-v<version>/`): where server.mjs lies. */
  dir: string;
  /** Entry paths relative to `dir`, in zip order. */
  files: string[];
}

/**
 * Unzips a package into a fresh `package-<random>` folder under `parentDir` (default
 * `<cwd>/test-results`). Put it inside the repository so that `import '@tensorflow/tfjs'` in
 * server.mjs resolves to the repository's node_modules by walking up. Refuses a zip whose
 * entries are not all under one top folder, or that climbs out of it (`..`, absolute paths).
 */
export async function unzipPackage(bytes: Uint8Array, parentDir: string = join(process.cwd(), 'test-results')): Promise<UnzippedPackage> {
  const entries = unzipSync(bytes);
  const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
  const tops = new Set(names.map((n) => n.split('/')[0]));
  if (tops.size !== 1 || names.some((n) => !n.includes('/'))) throw new Error(`the zip should hold one top folder, not ${[...tops].join(', ')}`);
  const root = resolve(parentDir, `package-${randomBytes(6).toString('hex')}`);
  const top = [...tops][0]!;
  const dir = join(root, top);
  for (const name of names) {
    const target = resolve(root, name);
    if (!target.startsWith(dir + sep)) throw new Error(`the zip entry ${name} points outside its folder`);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, entries[name]!);
  }
  return { root, dir, files: names.map((n) => n.slice(top.length + 1)) };
}

/** Removes a folder made by `unzipPackage` (no error when it is already gone). */
export async function removeDir(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:40123` */
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the server printed so far (stdout and stderr). */
  output: () => string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code (null when killed by a signal). */
  stop: (graceMs?: number) => Promise<number | null>;
}

export interface StartOptions {
  host?: string;
  /** 0 (default) lets the server pick a free port; it prints the one it got. */
  port?: number;
  /** How long to wait for "listening on …" (default 30 s: loading tfjs takes a few seconds). */
  timeoutMs?: number;
  env?: Record<string, string>;
}

/**
 * Starts `node server.mjs` in `dir` on 127.0.0.1 and a free port, and resolves once it prints
 * `listening on http://HOST:PORT`. Rejects (and kills the process) when it exits or stays silent
 * past `timeoutMs`, with what it printed. Always `stop()` it (afterAll / finally).
 */
export function startPackageServer(dir: string, options: StartOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const child = spawn(process.execPath, ['server.mjs'], {
    cwd: dir,
    env: { ...process.env, ...options.env, HOST: host, PORT: String(options.port ?? 0) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const stop = async (graceMs = 5000): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };
  return new Promise((resolveStart, rejectStart) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop(0);
      rejectStart(new Error(`${why}. Server output:\n${output}`));
    };
    const timer = setTimeout(() => fail(`server.mjs did not start within ${options.timeoutMs ?? 30_000} ms`), options.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /listening on http:\/\/\S+?:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stdout!.on('data', (more: Buffer) => (output += more.toString('utf8')));
        const port = Number(match[1]);
        resolveStart({ url: `http://${host}:${port}`, port, child, output: () => output, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', (error) => fail(`server.mjs could not be started: ${error.message}`));
    void exited.then((code) => {
      if (!/listening on/.test(output)) fail(`server.mjs exited with code ${code} before listening`);
    });
  });
}

export interface HttpAnswer {
  status: number;
  /** The parsed JSON body, or undefined when it is not JSON. */
  json: unknown;
  text: string;
  headers: Headers;
}

/**
 * Sends a request and reads the answer. `body` is sent as is when it is a string (to send empty
 * or broken JSON), else as JSON.
 */
export async function request(url: string, method: string, body?: unknown): Promise<HttpAnswer> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text, headers: response.headers };
}

/** `POST` JSON (or a raw string) to `url`. */
export function postJson(url: string, body: unknown): Promise<HttpAnswer> {
  return request(url, 'POST', body);
}

/** `GET` `url`. */
export function getJson(url: string): Promise<HttpAnswer> {
  return request(url, 'GET');
}
