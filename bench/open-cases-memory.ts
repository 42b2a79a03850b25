/**
 * Memory and list latency with many open cases, against a raw worker holding as many trivial open
 * workflows, on the same Temporal server and database in the same run. The dev server keeps its SQLite
 * database in a file for this benchmark, because in memory it failed at 60,000 to 93,000 workflows.
 *
 *   npm run bench:open-cases-memory -- --cases 100000 --requests 300 [--temporal-db-dir /dev/shm]
 *
 * The SQLite file goes in the system's temporary directory unless --temporal-db-dir names another one.
 * On a tmpfs such as /dev/shm it lives in memory without SQLite's in-memory limits and without waiting
 * on the disk.
 *
 * Every case is imported at the listed stage by starting its workflow with the Temporal client, 16
 * start calls at a time and at most 2,000 ahead of the rows the worker has written, with a
 * deadline next year under the default policy, so each stays open with timers weeks ahead. Once every case has its read-model row, the benchmark reads the resident set
 * (VmRSS) and its high-water mark (VmHWM) of the worker and the API, then times GET /cases?limit=20
 * for a county and for the city against the same keyset query and count in plain SQL. The baseline
 * starts as many workflows that wait for a signal, each by update-with-start so its first task has
 * run, on a worker process of its own with the same workflow cache size, and reads its resident set.
 * The workers keep at most WORKER_MAX_CACHED_WORKFLOWS workflows in memory (2000 unless set), so a case
 * beyond that is replayed from history when it next wakes.
 */
import { spawn } from 'node:child_process';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { Client as PgClient } from 'pg';

import { addDays, chinaDateOf } from '@duban/domain';
import { stopProcess } from '@duban/local-stack';

import {
  benchAuthorization,
  directoryOption,
  numberOption,
  percentile,
  rssMiB,
  runBenchmark,
  runConcurrently,
  startBenchStack,
  timeEach,
} from './bench-stack';
import { addUpdate } from './bench-workflows';
import { listedCaseInput, startCaseWorkflows, waitForCaseRows } from './case-starts';

const COUNTIES = ['350102', '350103', '350104', '350105', '350111', '350121', '350122', '350123', '350124', '350125'];
const START_CONCURRENCY = 16;
/** Maximum number of started cases without a read-model row, so the server's task backlog stays small. */
const MAX_PENDING_STARTS = 2000;

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 15_000));
}

async function main(): Promise<void> {
  const cases = numberOption('cases', 100_000);
  const requests = numberOption('requests', 300);
  const cacheSize = numberOption('max-cached-workflows', 2000);
  const temporalDbDir = directoryOption('temporal-db-dir', tmpdir());
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const stack = await startBenchStack({
    taskQueue: 'bench-memory',
    env: { WORKER_MAX_CACHED_WORKFLOWS: String(cacheSize) },
    // In memory, the dev server failed at 60,000 to 93,000 workflows here, once with SQLite out of memory.
    temporalDbDir,
  });
  const client = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  const db = new PgClient({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    const idle = { worker: rssMiB(stack.worker.pid), api: rssMiB(stack.api.pid) };
    const prefix = `OPEN-${process.pid}-`;
    const today = chinaDateOf(new Date());
    const started = performance.now();
    await startCaseWorkflows(
      client,
      stack.taskQueue,
      cases,
      START_CONCURRENCY,
      (index) =>
        listedCaseInput({
          caseNumber: `${prefix}${index}`,
          jurisdictionCode: COUNTIES[index % COUNTIES.length] ?? '350102',
          listedOn: addDays(today, -(index % 365)),
          deadline: `${Number(today.slice(0, 4)) + 1}-06-30`,
        }),
      { db, prefix, maxPending: MAX_PENDING_STARTS },
    );
    await waitForCaseRows(db, prefix, cases, 300_000);
    const startSeconds = (performance.now() - started) / 1000;
    await db.query('ANALYZE hazard_cases');
    await settle();
    const open = {
      worker: rssMiB(stack.worker.pid),
      api: rssMiB(stack.api.pid),
      workerPeak: rssMiB(stack.worker.pid, 'VmHWM'),
      apiPeak: rssMiB(stack.api.pid, 'VmHWM'),
    };

    const scopes = [
      { name: 'county 350102', code: '350102', prefix: '350102' },
      { name: 'city 350100', code: '350100', prefix: '3501' },
    ];
    const listRows: string[] = [];
    for (const scope of scopes) {
      const authorization = benchAuthorization({ role: 'government_leader', jurisdiction: scope.code });
      const api = await timeEach(requests, async () => {
        const response = await fetch(`${stack.apiUrl}/cases?limit=20`, { headers: { authorization } });
        if (response.status !== 200)
          throw new Error(`GET /cases returned ${response.status}: ${await response.text()}`);
        const page = (await response.json()) as { items: unknown[] };
        if (page.items.length !== 20) throw new Error(`GET /cases returned ${page.items.length} cases, expected 20`);
      });
      const sql = await timeEach(requests, async () => {
        await db.query(
          'SELECT * FROM hazard_cases WHERE jurisdiction_code LIKE $1 ORDER BY opened_at DESC, case_number DESC LIMIT 21',
          [`${scope.prefix}%`],
        );
        await db.query('SELECT count(*) FROM hazard_cases WHERE jurisdiction_code LIKE $1', [`${scope.prefix}%`]);
      });
      listRows.push(
        `| ${scope.name} | ${percentile(api, 50).toFixed(1)} | ${percentile(api, 99).toFixed(1)} | ${percentile(sql, 50).toFixed(1)} | ${percentile(sql, 99).toFixed(1)} | ${(percentile(api, 50) / percentile(sql, 50)).toFixed(2)} |`,
      );
    }

    // Printed now as well, so the case figures survive a failure of the baseline phase.
    console.log(
      `\ncase worker: RSS idle ${idle.worker.toFixed(0)} MiB, open ${open.worker.toFixed(0)} MiB, peak ${open.workerPeak.toFixed(0)} MiB; ` +
        `API: idle ${idle.api.toFixed(0)} MiB, open ${open.api.toFixed(0)} MiB, peak ${open.apiPeak.toFixed(0)} MiB; ` +
        `${cases} cases started in ${startSeconds.toFixed(0)} s (${(cases / startSeconds).toFixed(1)}/s)`,
    );
    for (const row of listRows) console.log(row);

    const rawWorker = spawn(process.execPath, [join(__dirname, 'raw-worker.js')], {
      env: { ...process.env, TEMPORAL_ADDRESS: stack.temporalAddress, WORKER_MAX_CACHED_WORKFLOWS: String(cacheSize) },
      stdio: 'inherit',
    });
    stack.adopt(rawWorker);
    let raw: { idle: number; open: number; peak: number; seconds: number };
    try {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      const rawIdle = rssMiB(rawWorker.pid);
      const rawStarted = performance.now();
      let done = 0;
      await runConcurrently(cases, START_CONCURRENCY, async (index) => {
        const startWorkflowOperation = new WithStartWorkflowOperation('openWorkflow', {
          workflowId: `raw-open-${process.pid}-${index}`,
          taskQueue: 'bench-raw',
          workflowIdConflictPolicy: 'FAIL',
        });
        await client.workflow.executeUpdateWithStart(addUpdate, { args: [1], startWorkflowOperation });
        if (++done % 10_000 === 0)
          console.log(`[${new Date().toISOString().slice(11, 19)}] ${done} / ${cases} raw workflows open`);
      });
      const seconds = (performance.now() - rawStarted) / 1000;
      await settle();
      raw = { idle: rawIdle, open: rssMiB(rawWorker.pid), peak: rssMiB(rawWorker.pid, 'VmHWM'), seconds };
    } finally {
      await stopProcess(rawWorker);
    }

    console.log(
      `\n${cases} open cases, worker cache ${cacheSize} workflows, on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
    );
    console.log('| process | RSS idle MiB | RSS open MiB | peak RSS MiB | start s | starts/s |');
    console.log('|---|---:|---:|---:|---:|---:|');
    console.log(
      `| case worker | ${idle.worker.toFixed(0)} | ${open.worker.toFixed(0)} | ${open.workerPeak.toFixed(0)} | ${startSeconds.toFixed(0)} | ${(cases / startSeconds).toFixed(1)} |`,
    );
    console.log(`| API | ${idle.api.toFixed(0)} | ${open.api.toFixed(0)} | ${open.apiPeak.toFixed(0)} | | |`);
    console.log(
      `| raw worker (open workflows, no activities) | ${raw.idle.toFixed(0)} | ${raw.open.toFixed(0)} | ${raw.peak.toFixed(0)} | ${raw.seconds.toFixed(0)} | ${(cases / raw.seconds).toFixed(1)} |`,
    );
    console.log(`\nCase worker / raw worker RSS with all open: ${(open.worker / raw.open).toFixed(2)}`);
    console.log(`\nGET /cases?limit=20, ${requests} requests each, against plain SQL`);
    console.log('| scope | API p50 ms | API p99 ms | SQL p50 ms | SQL p99 ms | p50 ratio |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const row of listRows) console.log(row);
  } finally {
    await db.end();
    await client.connection.close();
    await stack.stop();
  }
}

runBenchmark(main);
