/**
 * Importing cases from a file through POST /imports against starting as many empty workflows with the
 * raw Temporal client, on the same Temporal server in the same run.
 *
 *   npm run bench:import-cases -- --cases 10000
 *
 * The import path per case: the row is parsed, checked and mapped to its jurisdiction. Then its
 * workflow starts by update-with-start (at most 16 at a time), and its first projection is written
 * before its line of the NDJSON progress stream goes out. A third of the generated cases have a
 * deadline long past, so their workflows also record the escalation rungs that passed before the
 * import and send the current one. The raw path starts an empty workflow that completes at once, at
 * the same concurrency. Peak memory is each process's high-water resident set (VmHWM in
 * /proc/PID/status, Linux only).
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

import { divisionIndex } from '@duban/import';

import { benchAuthorization, numberOption, runBenchmark, runConcurrently, startBenchStack } from './bench-stack';

/** The import's own bound on workflows started at once (IMPORT_CONCURRENCY in the API), used for the baseline too. */
const CONCURRENCY = 16;
/** Deadlines of the generated rows in turn: long past, still ahead, and none. */
const DEADLINES = ['2024-12-31', '2027-06-30', ''];
const PLACE_TYPES = ['hotel', 'market', 'shopping mall', 'hospital', 'factory', 'KTV', 'school', 'warehouse'];

/** Generates a CSV of `count` listed hazards across the counties of Hunan: a third overdue, a third due later, a third without a deadline. */
function generateCsv(count: number): Buffer {
  const index = divisionIndex();
  const counties = index
    .childrenOf('430000')
    .flatMap((city) => index.childrenOf(city.code))
    .map((county) => county.code);
  const lines = [
    'notice_id,issuer_level,jurisdiction_code,notice_year,listed_on,deadline,place_type,unit,hazards,supervising_body,outcome',
  ];
  for (let i = 0; i < count; i++) {
    const deadline = DEADLINES[i % DEADLINES.length] ?? '';
    const county = counties[i % counties.length] ?? '430102';
    const place = PLACE_TYPES[i % PLACE_TYPES.length] ?? 'hotel';
    lines.push(
      `B${Math.floor(i / 100)},city,${county},2024,2024-03-15,${deadline},${place},Bench unit ${i},no automatic fire alarm | sprinklers not in service,city government,listed`,
    );
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

function peakRssMiB(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
  return kib / 1024;
}

async function main(): Promise<void> {
  const cases = numberOption('cases', 10_000);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const stack = await startBenchStack({ taskQueue: 'bench-import' });
  try {
    const { apiUrl, api, worker, temporalAddress } = stack;
    const authorization = benchAuthorization({ role: 'brigade_leader', jurisdiction: '430000' });

    const file = generateCsv(cases);
    const form = new FormData();
    form.append('file', new Blob([file]), 'bench.csv');
    const started = performance.now();
    const response = await fetch(`${apiUrl}/imports`, {
      method: 'POST',
      headers: { authorization, accept: 'application/x-ndjson' },
      body: form,
    });
    if (!response.ok || !response.body)
      throw new Error(`import failed with ${response.status}: ${await response.text()}`);
    let validatedAt = Number.NaN;
    let created = 0;
    let text = '';
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      text += Buffer.from(chunk).toString('utf8');
      let newline = text.indexOf('\n');
      while (newline >= 0) {
        const line = JSON.parse(text.slice(0, newline)) as { type: string; status?: string };
        if (line.type === 'validated') validatedAt = performance.now();
        if (line.type === 'case' && line.status === 'created') created++;
        text = text.slice(newline + 1);
        newline = text.indexOf('\n');
      }
    }
    const importSeconds = (performance.now() - started) / 1000;
    if (created !== cases) throw new Error(`only ${created} of ${cases} cases were created`);
    const apiPeak = peakRssMiB(api.pid);
    const workerPeak = peakRssMiB(worker.pid);

    const connection = await NativeConnection.connect({ address: temporalAddress });
    const client = new Client({ connection: await Connection.connect({ address: temporalAddress }) });
    const rawWorker = await Worker.create({
      connection,
      taskQueue: 'bench-raw',
      workflowsPath: join(__dirname, 'bench-workflows.js'),
    });
    const rawSeconds = await rawWorker.runUntil(async () => {
      const rawStarted = performance.now();
      await runConcurrently(cases, CONCURRENCY, async (index) => {
        await client.workflow.start('emptyWorkflow', {
          workflowId: `raw-import-${process.pid}-${index}`,
          taskQueue: 'bench-raw',
        });
      });
      return (performance.now() - rawStarted) / 1000;
    });
    await client.connection.close();
    await connection.close();

    const importRate = cases / importSeconds;
    const rawRate = cases / rawSeconds;
    console.log(
      `\nImporting ${cases} cases (${(file.length / 1024 / 1024).toFixed(1)} MiB CSV), ${CONCURRENCY} starts in flight, on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
    );
    console.log('| path | cases/s | total s |');
    console.log('|---|---:|---:|');
    console.log(
      `| POST /imports (parse, check, start, first projection) | ${importRate.toFixed(1)} | ${importSeconds.toFixed(1)} |`,
    );
    console.log(`| raw workflow start (empty workflow) | ${rawRate.toFixed(1)} | ${rawSeconds.toFixed(1)} |`);
    console.log(`\nImport / raw throughput ratio: ${(importRate / rawRate).toFixed(3)}`);
    console.log(`Upload, parse and check of all rows: ${((validatedAt - started) / 1000).toFixed(2)} s`);
    console.log(`Peak RSS: API ${apiPeak.toFixed(0)} MiB, worker ${workerPeak.toFixed(0)} MiB`);
  } finally {
    await stack.stop();
  }
}

runBenchmark(main);
