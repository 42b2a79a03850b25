import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { freePort, stopProcess } from '@duban/local-stack';
import { createDataSource, runMigrations } from '@duban/persistence';

import { spawnTypeScript } from '../faults/typescript-child';

const START_TIMEOUT_MS = 60_000;

/**
 * A PostgreSQL server of one test file, separate from the shared one, that the test may stop, start
 * again on the same files and port, or freeze with SIGSTOP.
 */
export class PrivatePostgres {
  private child?: ChildProcess;
  private frozen: number[] = [];

  private constructor(
    readonly dataDir: string,
    readonly port: number,
    readonly database: string,
    readonly url: string,
  ) {}

  /** Starts a new cluster in a temporary folder and applies the migrations. */
  static async start(database = 'duban_private'): Promise<PrivatePostgres> {
    const dataDir = mkdtempSync(join(tmpdir(), 'duban-private-pg-'));
    const port = await freePort();
    const url = `postgres://postgres:duban@127.0.0.1:${port}/${database}`;
    const server = new PrivatePostgres(dataDir, port, database, url);
    await server.restart();
    const dataSource = createDataSource({ url, poolSize: 1, applicationName: 'duban-test-migrate' });
    await dataSource.initialize();
    await runMigrations(dataSource);
    await dataSource.destroy();
    return server;
  }

  /** Stops the server (a fast shutdown: open connections get 57P01) and keeps its files. */
  async stop(): Promise<void> {
    if (this.child) await stopProcess(this.child, 30_000);
    this.child = undefined;
  }

  /** Starts the server on this object's files and port, unless it runs already. */
  async restart(): Promise<void> {
    if (this.child) return;
    const child = spawnTypeScript('test/support/postgres-child.ts', {
      PATH: process.env.PATH,
      POSTGRES_DATA_DIR: this.dataDir,
      POSTGRES_PORT: String(this.port),
      POSTGRES_DATABASE: this.database,
    });
    this.child = child;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`PostgreSQL did not start in ${START_TIMEOUT_MS} ms:\n${output}`)),
        START_TIMEOUT_MS,
      );
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        if (/^ready /m.test(output)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', collect);
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`PostgreSQL exited with ${String(code)} before it was ready:\n${output}`));
      });
    });
  }

  /** Sends SIGSTOP to the postmaster and every backend, so connections stay open but no query returns. */
  freeze(): void {
    const postmaster = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    this.frozen = [postmaster, ...childrenOf(postmaster)];
    for (const pid of this.frozen) process.kill(pid, 'SIGSTOP');
  }

  /** Resumes the processes that freeze() stopped. */
  thaw(): void {
    for (const pid of this.frozen) process.kill(pid, 'SIGCONT');
    this.frozen = [];
  }

  /** Stops the server and deletes its files. */
  async destroy(): Promise<void> {
    this.thaw();
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Process ids whose parent is `pid`, read from /proc (Linux only). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process exited while the folder was read
    }
    // The command name in brackets may contain spaces, so the fields are counted after its closing bracket.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === pid) children.push(Number(entry));
  }
  return children;
}
