import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { DataSource } from 'typeorm';

import { freePort, startTemporalDevServer, stopProcess, type RunningTemporal } from '@duban/local-stack';
import { createDataSource } from '@duban/persistence';
import { resolveTemporalBinary, temporalBinaryNotFound } from '@duban/temporal';

import { createApiApp } from '../../apps/api/src/api.app';
import { loadApiConfig } from '../../apps/api/src/api.config';
import { PrivatePostgres } from '../support/private-postgres';
import { TEST_JWT_SECRET } from '../support/tokens';
import { spawnTypeScript } from './typescript-child';

const TASK_QUEUE = 'duban-faults';
const WORKER_READY_TIMEOUT_MS = 180_000;
const OUTPUT_LINES_KEPT = 200;

/** One worker child process and the last lines it printed. */
interface WorkerProcess {
  readonly child: ChildProcess;
  readonly output: string[];
}

/**
 * The processes of the fault suite, separate from the shared test stack so that killing and restarting
 * them disturbs no other suite. They are an embedded PostgreSQL, a Temporal dev server that keeps its
 * workflows in a SQLite file across restarts, workers in child processes, and the API in this process.
 */
export class FaultStack {
  private temporal?: RunningTemporal;
  private readonly workers: (WorkerProcess | undefined)[] = [];
  api!: INestApplication;
  client!: Client;
  dataSource!: DataSource;

  private constructor(
    readonly postgres: PrivatePostgres,
    private readonly temporalDir: string,
    private readonly temporalPort: number,
  ) {}

  static async start(workerCount: number): Promise<FaultStack> {
    const postgres = await PrivatePostgres.start('duban_faults');
    const stack = new FaultStack(postgres, mkdtempSync(join(tmpdir(), 'duban-fault-temporal-')), await freePort());
    try {
      await stack.startTemporal();
      await Promise.all(Array.from({ length: workerCount }, (_, index) => stack.startWorker(index)));
      // The API logs each 503 as a warning, which would flood the output during the outage.
      stack.api = await createApiApp(loadApiConfig(stack.environment()), ['error']);
      await stack.api.init();
      stack.client = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
      stack.dataSource = await createDataSource({
        url: postgres.url,
        poolSize: 2,
        applicationName: 'duban-fault-check',
      }).initialize();
    } catch (error) {
      // Leave no server or worker behind when one of them fails to start.
      await stack.stop().catch(() => undefined);
      throw error;
    }
    return stack;
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.temporalPort}`;
  }

  get workerCount(): number {
    return this.workers.length;
  }

  private environment(): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      DATABASE_URL: this.postgres.url,
      DATABASE_POOL_SIZE: '4',
      TEMPORAL_ADDRESS: this.temporalAddress,
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'log',
    };
  }

  private async startTemporal(): Promise<void> {
    const cli = resolveTemporalBinary('cli');
    if (cli.type !== 'existing-path')
      throw temporalBinaryNotFound('cli', cli.tried, 'the fault suite downloads nothing');
    this.temporal = await startTemporalDevServer({
      cliPath: cli.path,
      port: this.temporalPort,
      dbFile: join(this.temporalDir, 'temporal.sqlite'),
    });
  }

  /** Stops the Temporal dev server with SIGTERM and starts it again on the same SQLite file and port. */
  async restartTemporal(): Promise<void> {
    if (this.temporal) await stopProcess(this.temporal.process);
    await this.startTemporal();
  }

  /** Starts worker `index` as `apps/worker/src/main.ts` in a child process and waits until it polls. */
  async startWorker(index: number): Promise<void> {
    const child = spawnTypeScript('apps/worker/src/main.ts', this.environment());
    const worker: WorkerProcess = { child, output: [] };
    this.workers[index] = worker;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`worker ${index} did not poll within ${WORKER_READY_TIMEOUT_MS} ms:\n${tail(worker)}`)),
        WORKER_READY_TIMEOUT_MS,
      );
      const collect = (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) {
          if (line.trim() === '') continue;
          worker.output.push(line);
          if (worker.output.length > OUTPUT_LINES_KEPT) worker.output.shift();
          if (line.includes('polling task queue')) {
            clearTimeout(timer);
            resolve();
          }
        }
      };
      child.stdout?.on('data', collect);
      child.stderr?.on('data', collect);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`worker ${index} exited (${signal ?? code}) before it polled:\n${tail(worker)}`));
      });
    });
  }

  /** Kills worker `index` with SIGKILL and waits for its exit. */
  async killWorker(index: number): Promise<void> {
    const worker = this.workers[index];
    if (!worker || worker.child.exitCode !== null || worker.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => worker.child.once('exit', () => resolve()));
    worker.child.kill('SIGKILL');
    await exited;
    this.workers[index] = undefined;
  }

  /**
   * Stops everything, the child processes first: an API request still waiting on a workflow update keeps
   * the API from closing until Temporal is gone.
   */
  async stop(): Promise<void> {
    try {
      for (const worker of this.workers) if (worker) await stopProcess(worker.child);
      if (this.temporal) await stopProcess(this.temporal.process);
      await this.api?.close();
      await this.client?.connection.close();
      if (this.dataSource?.isInitialized) await this.dataSource.destroy();
    } finally {
      await this.postgres.destroy();
      rmSync(this.temporalDir, { recursive: true, force: true });
    }
  }
}

function tail(worker: WorkerProcess): string {
  return worker.output.slice(-30).join('\n');
}
