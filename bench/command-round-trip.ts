/**
 * A lifecycle command through the API against a raw Temporal update on the same Temporal server, in
 * the same run.
 *
 *   npm run bench:command-round-trip -- --cases 20 --requests 500 --concurrency 4
 *
 * The cases are imported at the listed stage by starting their workflows with the Temporal client.
 * The command is a progress report (报送整改进展), which a unit may send any number of times. The API
 * path per request: HTTP, token verification, validation, the case's scope check, the executeCommand
 * update, the workflow's lock and domain rules, the projection activity (event row, case row and audit
 * entry in one transaction), and the update's reply. The raw path is one executeUpdate call on an
 * open workflow whose update handler adds to a counter, run by a worker in this process. Requests go
 * to the cases in turn, so with concurrency at most the case count no two wait on the same workflow.
 */
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { Client as PgClient } from 'pg';

import { chinaDateOf } from '@duban/domain';

import {
  benchAuthorization,
  numberOption,
  percentile,
  runBenchmark,
  runConcurrently,
  startBenchStack,
} from './bench-stack';
import { addUpdate, finishSignal } from './bench-workflows';
import { BENCH_UNIT_CREDIT_CODE, listedCaseInput, startCaseWorkflows, waitForCaseRows } from './case-starts';

async function main(): Promise<void> {
  const cases = numberOption('cases', 20);
  const requests = numberOption('requests', 500);
  const concurrency = numberOption('concurrency', 4);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const stack = await startBenchStack({ taskQueue: 'bench-commands' });
  const client = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  const db = new PgClient({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    const prefix = `CMD-${process.pid}-`;
    const today = chinaDateOf(new Date());
    await startCaseWorkflows(client, stack.taskQueue, cases, 8, (index) =>
      listedCaseInput({
        caseNumber: `${prefix}${index}`,
        jurisdictionCode: '350102',
        listedOn: today,
        deadline: `${Number(today.slice(0, 4)) + 1}-12-31`,
      }),
    );
    await waitForCaseRows(db, prefix, cases);

    const authorization = benchAuthorization({ role: 'unit', unit: BENCH_UNIT_CREDIT_CODE });
    const report = async (caseNumber: string, index: number) => {
      const response = await fetch(`${stack.apiUrl}/cases/${caseNumber}/progress-reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ summary: `第 ${index} 次整改进展：已更换喷淋头` }),
      });
      if (response.status !== 200) {
        throw new Error(`progress report ${index} on ${caseNumber}: ${response.status} ${await response.text()}`);
      }
      await response.arrayBuffer();
    };
    await report(`${prefix}0`, -1);
    const apiStarted = performance.now();
    const apiLatencies = await runConcurrently(requests, concurrency, (index) =>
      report(`${prefix}${index % cases}`, index),
    );
    const apiSeconds = (performance.now() - apiStarted) / 1000;
    const { rows } = await db.query<{ count: string }>(
      `SELECT count(*) FROM case_events WHERE case_number LIKE $1 AND type = 'progress_report_submitted'`,
      [`${prefix}%`],
    );
    if (Number(rows[0]?.count) !== requests + 1) {
      throw new Error(`expected ${requests + 1} progress report events, found ${rows[0]?.count}`);
    }

    const connection = await NativeConnection.connect({ address: stack.temporalAddress });
    const worker = await Worker.create({
      connection,
      taskQueue: 'bench-raw',
      workflowsPath: join(__dirname, 'bench-workflows.js'),
      activities: { recordWake: () => Promise.resolve() },
    });
    const raw = await worker.runUntil(async () => {
      const handles = await Promise.all(
        Array.from({ length: cases }, (_, index) =>
          client.workflow.start('openWorkflow', {
            workflowId: `raw-cmd-${process.pid}-${index}`,
            taskQueue: 'bench-raw',
          }),
        ),
      );
      await handles[0]?.executeUpdate(addUpdate, { args: [1] });
      const started = performance.now();
      const latencies = await runConcurrently(requests, concurrency, async (index) => {
        await handles[index % cases]?.executeUpdate(addUpdate, { args: [1] });
      });
      const seconds = (performance.now() - started) / 1000;
      await Promise.all(handles.map((handle) => handle.signal(finishSignal)));
      const totals = await Promise.all(handles.map((handle) => handle.result()));
      if (totals.reduce((sum, total) => sum + total, 0) !== requests + 1) {
        throw new Error(`the raw workflows counted ${totals.join('+')} updates, expected ${requests + 1}`);
      }
      return { latencies, seconds };
    });
    await connection.close();

    const apiRate = requests / apiSeconds;
    const rawRate = requests / raw.seconds;
    console.log(
      `\n${requests} commands over ${cases} cases, ${concurrency} in flight, on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
    );
    console.log('| path | commands/s | p50 ms | p99 ms |');
    console.log('|---|---:|---:|---:|');
    console.log(
      `| POST /cases/:n/progress-reports (API, update, projection) | ${apiRate.toFixed(1)} | ${percentile(apiLatencies, 50).toFixed(1)} | ${percentile(apiLatencies, 99).toFixed(1)} |`,
    );
    console.log(
      `| raw Temporal update (counter workflow) | ${rawRate.toFixed(1)} | ${percentile(raw.latencies, 50).toFixed(1)} | ${percentile(raw.latencies, 99).toFixed(1)} |`,
    );
    console.log(
      `\nAPI / raw p50 latency ratio: ${(percentile(apiLatencies, 50) / percentile(raw.latencies, 50)).toFixed(2)}; throughput ratio: ${(apiRate / rawRate).toFixed(3)}`,
    );
  } finally {
    await db.end();
    await client.connection.close();
    await stack.stop();
  }
}

runBenchmark(main);
