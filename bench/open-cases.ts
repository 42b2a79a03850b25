/**
 * Opening cases through the API against starting empty workflows with the raw Temporal client, on
 * the same Temporal server in the same run.
 *
 *   npm run bench:open-cases -- --cases 500 --concurrency 20
 *
 * The API path per case: HTTP, validation, an Idempotency-Key row, update-with-start, the workflow's
 * first task, the projection activity (case row, event row and audit entry in one transaction), the
 * update's reply, and a read of the case row. The raw path is one StartWorkflowExecution call for a
 * workflow that completes at once, run by a worker in this process.
 */
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

import { chinaDateOf } from '@duban/domain';

import {
  benchAuthorization,
  numberOption,
  percentile,
  runBenchmark,
  runConcurrently,
  startBenchStack,
} from './bench-stack';

function openingBody(index: number) {
  return {
    caseNumber: `BENCH-${process.pid}-${index}`,
    responsibleUnit: { name: `某某单位 ${index}`, creditCode: '91350100M000100Y43' },
    jurisdictionCode: '350102',
    placeType: 'hotel',
    address: `福州市鼓楼区某某路 ${index} 号`,
    discoveredOn: chinaDateOf(new Date()),
    discoverySource: 'inspection',
    hazardItems: [{ description: '自动喷水灭火系统未保持正常运行' }],
  };
}

async function main(): Promise<void> {
  const cases = numberOption('cases', 500);
  const concurrency = numberOption('concurrency', 20);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const stack = await startBenchStack();
  try {
    const warmUp = await fetch(`${stack.apiUrl}/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: benchAuthorization() },
      body: JSON.stringify(openingBody(-1)),
    });
    if (warmUp.status !== 201) throw new Error(`warm-up opening failed with ${warmUp.status}: ${await warmUp.text()}`);

    const authorization = benchAuthorization();
    const apiStarted = performance.now();
    const apiLatencies = await runConcurrently(cases, concurrency, async (index) => {
      const response = await fetch(`${stack.apiUrl}/cases`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': `bench-${process.pid}-${index}`,
          authorization,
        },
        body: JSON.stringify(openingBody(index)),
      });
      if (response.status !== 201) throw new Error(`case ${index}: ${response.status} ${await response.text()}`);
    });
    const apiSeconds = (performance.now() - apiStarted) / 1000;

    const connection = await NativeConnection.connect({ address: stack.temporalAddress });
    const client = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
    const worker = await Worker.create({
      connection,
      taskQueue: 'bench-raw',
      workflowsPath: join(__dirname, 'bench-workflows.js'),
    });
    const rawResult = await worker.runUntil(async () => {
      await client.workflow.execute('emptyWorkflow', {
        workflowId: `raw-warm-up-${process.pid}`,
        taskQueue: 'bench-raw',
      });
      const started = performance.now();
      const latencies = await runConcurrently(cases, concurrency, async (index) => {
        await client.workflow.start('emptyWorkflow', {
          workflowId: `raw-${process.pid}-${index}`,
          taskQueue: 'bench-raw',
        });
      });
      return { latencies, seconds: (performance.now() - started) / 1000 };
    });
    await client.connection.close();
    await connection.close();

    const apiRate = cases / apiSeconds;
    const rawRate = cases / rawResult.seconds;
    console.log(
      `\nOpening ${cases} cases, ${concurrency} in flight, on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
    );
    console.log('| path | cases/s | p50 ms | p99 ms |');
    console.log('|---|---:|---:|---:|');
    console.log(
      `| POST /cases (API, worker, projection) | ${apiRate.toFixed(1)} | ${percentile(apiLatencies, 50).toFixed(1)} | ${percentile(apiLatencies, 99).toFixed(1)} |`,
    );
    console.log(
      `| raw workflow start (empty workflow) | ${rawRate.toFixed(1)} | ${percentile(rawResult.latencies, 50).toFixed(1)} | ${percentile(rawResult.latencies, 99).toFixed(1)} |`,
    );
    console.log(`\nAPI / raw throughput ratio: ${(apiRate / rawRate).toFixed(3)}`);
  } finally {
    await stack.stop();
  }
}

runBenchmark(main);
