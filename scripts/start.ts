/**
 * `npm start`: the whole stack on one machine. Starts PostgreSQL (embedded, unless DATABASE_URL is
 * set) and a Temporal dev server (unless TEMPORAL_ADDRESS is set), both keeping their data under
 * DUBAN_DATA_DIR, runs the migrations, then runs the worker and the API as child processes and
 * prints their URLs. Ctrl-C stops everything it started, in reverse order.
 */
import 'reflect-metadata';

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

import { ConfigurationError, loadConfiguration } from '@duban/config';
import {
  ensureLocalSecret,
  localSecretPath,
  startEmbeddedPostgres,
  startTemporalDevServer,
  stopProcess,
} from '@duban/local-stack';
import { createDataSource, runMigrations } from '@duban/persistence';
import { projectRoot, resolveTemporalBinary, temporalBinaryNotFound } from '@duban/temporal';

type Stop = () => Promise<void>;

const log = (message: string) => console.log(`duban: ${message}`);

async function main(): Promise<void> {
  const config = loadConfiguration([
    'PORT',
    'HOST',
    'DUBAN_DATA_DIR',
    'EMBEDDED_POSTGRES_PORT',
    'TEMPORAL_DEV_PORT',
    'TEMPORAL_UI_PORT',
    'TEMPORAL_NAMESPACE',
  ]);
  const external = loadConfiguration([
    ...(process.env.DATABASE_URL ? (['DATABASE_URL'] as const) : []),
    ...(process.env.TEMPORAL_ADDRESS ? (['TEMPORAL_ADDRESS'] as const) : []),
  ]) as { DATABASE_URL?: string; TEMPORAL_ADDRESS?: string };
  const ports: [string, number][] = [['PORT', config.PORT]];
  if (!external.DATABASE_URL) ports.push(['EMBEDDED_POSTGRES_PORT', config.EMBEDDED_POSTGRES_PORT]);
  if (!external.TEMPORAL_ADDRESS)
    ports.push(['TEMPORAL_DEV_PORT', config.TEMPORAL_DEV_PORT], ['TEMPORAL_UI_PORT', config.TEMPORAL_UI_PORT]);
  for (const [name, port] of ports) {
    if (!(await isPortFree(port))) {
      console.error(
        `duban: port ${port} (${name}) is already in use, perhaps by another Duban; stop that program or set ${name} to a free port.`,
      );
      process.exit(1);
    }
  }
  const dataDir = resolve(projectRoot(), config.DUBAN_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });

  const stops: Stop[] = [];
  let stopping = false;
  const shutdown = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    for (const stop of stops.reverse()) {
      await stop().catch((error: unknown) => log(`error while stopping: ${String(error)}`));
    }
    log('stopped');
    process.exit(exitCode);
  };
  const onSignal = () => void shutdown(0);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    const databaseUrl = external.DATABASE_URL ?? (await startPostgres(dataDir, config.EMBEDDED_POSTGRES_PORT, stops));
    // embedded-postgres installs SIGINT and SIGTERM handlers that stop the cluster and exit at once,
    // which would cut the ordered shutdown short, so only this script's handler stays.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, onSignal);
    }
    const { address: temporalAddress, uiUrl } = external.TEMPORAL_ADDRESS
      ? { address: external.TEMPORAL_ADDRESS, uiUrl: undefined }
      : await startTemporal(dataDir, config.TEMPORAL_DEV_PORT, config.TEMPORAL_UI_PORT, stops);

    const dataSource = createDataSource({ url: databaseUrl, poolSize: 1, applicationName: 'duban-migrate' });
    await dataSource.initialize();
    const applied = await runMigrations(dataSource);
    await dataSource.destroy();
    log(applied.length > 0 ? `applied migrations: ${applied.join(', ')}` : 'schema is up to date');

    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress };
    if (!process.env.AUTH_JWT_SECRET && !process.env.AUTH_JWKS_URL) {
      env.AUTH_JWT_SECRET = ensureLocalSecret(dataDir);
      log(`bearer tokens are signed with the secret in ${localSecretPath(dataDir)}; npm run token prints one`);
    }
    const isStopping = () => stopping;
    const worker = superviseChild('worker', join(__dirname, '..', 'apps', 'worker', 'src', 'main.js'), env, {
      shutdown,
      isStopping,
    });
    stops.push(() => stopProcess(worker.current()));
    const api = superviseChild('api', join(__dirname, '..', 'apps', 'api', 'src', 'main.js'), env, {
      shutdown,
      isStopping,
    });
    stops.push(() => stopProcess(api.current()));

    const apiUrl = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`;
    await waitForHealth(`${apiUrl}/health`, 90_000);
    console.log(
      [
        '',
        'Duban is running.',
        `  API:              ${apiUrl}`,
        `  OpenAPI docs:     ${apiUrl}/docs`,
        `  Temporal Web UI:  ${uiUrl ?? '(external Temporal server: see its own UI)'}`,
        `  Temporal:         ${temporalAddress} (namespace ${config.TEMPORAL_NAMESPACE})`,
        `  Data folder:      ${dataDir}`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    // embedded-postgres rejects with undefined when its server fails; its own log lines above give the reason.
    const reason =
      error instanceof Error
        ? error.message
        : error === undefined
          ? 'a service failed to start; see the log above'
          : JSON.stringify(error);
    console.error(`duban: ${reason}`);
    await shutdown(1);
  }
}

async function startPostgres(dataDir: string, port: number, stops: Stop[]): Promise<string> {
  log(`starting embedded PostgreSQL on port ${port} with data in ${join(dataDir, 'postgres')}`);
  const postgres = await startEmbeddedPostgres({
    dataDir: join(dataDir, 'postgres'),
    port,
    database: 'duban',
    persistent: true,
  });
  stops.push(() => postgres.stop());
  return postgres.url;
}

async function startTemporal(
  dataDir: string,
  port: number,
  uiPort: number,
  stops: Stop[],
): Promise<{ address: string; uiUrl?: string }> {
  const dbFile = join(dataDir, 'temporal.sqlite');
  const cli = resolveTemporalBinary('cli');
  if (cli.type === 'existing-path') {
    log(`starting Temporal dev server (${cli.path}, found through ${cli.route}) with data in ${dbFile}`);
    const temporal = await startTemporalDevServer({ cliPath: cli.path, port, uiPort, dbFile });
    stops.push(() => temporal.stop());
    return temporal;
  }
  log('no Temporal CLI found locally; trying the Temporal SDK download');
  try {
    const { TestWorkflowEnvironment } = await import('@temporalio/testing');
    const environment = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'cached-download' }, ip: '127.0.0.1', port, ui: true, uiPort, dbFilename: dbFile },
    });
    stops.push(() => environment.teardown());
    return { address: `127.0.0.1:${port}`, uiUrl: `http://127.0.0.1:${uiPort}` };
  } catch (error) {
    throw temporalBinaryNotFound('cli', cli.tried, error);
  }
}

/** Restarts allowed within RESTART_WINDOW_MS before a crashing process stops the whole stack. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;
const RESTART_DELAY_MS = 1_000;

/**
 * Runs a Node entry point and restarts it when it exits on its own, as after a crash or a kill. A
 * process that keeps exiting (more than MAX_RESTARTS times in a minute) stops the whole stack instead.
 */
function superviseChild(
  name: string,
  entry: string,
  env: NodeJS.ProcessEnv,
  control: { shutdown: (exitCode: number) => Promise<void>; isStopping: () => boolean },
): { current: () => ChildProcess } {
  const restarts: number[] = [];
  let child: ChildProcess;
  const start = () => {
    child = spawn(process.execPath, [entry], { env, stdio: 'inherit' });
    child.once('exit', (code, signal) => {
      if (control.isStopping()) return;
      const now = Date.now();
      while (restarts.length > 0 && (restarts[0] ?? 0) < now - RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        log(`${name} exited (${signal ?? code}) ${MAX_RESTARTS} times within a minute; stopping everything`);
        void control.shutdown(1);
        return;
      }
      restarts.push(now);
      log(`${name} exited (${signal ?? code}); restarting it`);
      setTimeout(() => {
        if (!control.isStopping()) start();
      }, RESTART_DELAY_MS);
    });
  };
  start();
  return { current: () => child };
}

/** True when nothing listens on the port on any local address. */
function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen(port, () => server.close(() => resolvePort(true)));
  });
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`the API did not become healthy at ${url} within ${timeoutMs} ms: ${last}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});
