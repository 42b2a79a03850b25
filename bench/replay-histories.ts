/**
 * Replay cost of a case: the time the worker takes to rebuild a case workflow from its history. The
 * worker pays it on every workflow task of a case that is not in its cache, as in an escalation storm
 * larger than the cache. The baseline replays the history of a raw workflow with about as many events.
 *
 *   npm run bench:replay-histories -- --replays 100
 *
 * Each recorded case history under test/fixtures/histories is replayed `--replays` times in one
 * replay worker, using the prebuilt workflow bundle a deployment runs. For each, the benchmark runs a
 * raw workflow on an in-memory dev server that takes counter updates until its history is about as
 * long, fetches that history, and replays it as many times with the benchmark workflows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Client, Connection } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

import { freePort, startTemporalDevServer } from '@duban/local-stack';
import { prebuiltWorkflowBundlePath, resolveTemporalBinary, temporalBinaryNotFound } from '@duban/temporal';

import { numberOption, runBenchmark } from './bench-stack';
import { addUpdate, finishSignal } from './bench-workflows';

type History = temporal.api.history.v1.IHistory;

const HISTORIES = join(__dirname, '..', '..', 'test', 'fixtures', 'histories');
const TASK_QUEUE = 'bench-replay';

/**
 * Replays `history` `replays` times in one replay worker and returns the mean milliseconds per replay.
 * Timing starts when the first replay finishes, so creating the replay worker is left out.
 */
async function millisecondsPerReplay(code: string, history: History, replays: number): Promise<number> {
  function* copies() {
    for (let i = 0; i < replays; i++) yield { workflowId: `replay-${i}`, history };
  }
  let firstDoneAt: number | undefined;
  for await (const result of Worker.runReplayHistories({ workflowBundle: { code } }, copies())) {
    if (result.error) throw new Error(`replay of ${result.workflowId} failed: ${String(result.error)}`);
    firstDoneAt ??= performance.now();
  }
  return (performance.now() - (firstDoneAt ?? 0)) / (replays - 1);
}

/** Runs an open raw workflow until its history has about `events` events, ends it and returns the history. */
async function rawHistory(client: Client, events: number, index: number): Promise<History> {
  const handle = await client.workflow.start('openWorkflow', {
    workflowId: `raw-replay-${process.pid}-${index}`,
    taskQueue: TASK_QUEUE,
  });
  let length = 1;
  while (length < events - 5) {
    await handle.executeUpdate(addUpdate, { args: [1] });
    length = (await handle.describe()).historyLength;
  }
  await handle.signal(finishSignal);
  await handle.result();
  return handle.fetchHistory();
}

async function main(): Promise<void> {
  const replays = numberOption('replays', 100);
  if (replays < 2)
    throw new Error(`--replays must be at least 2, because the first replay is not timed; got ${replays}`);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const caseCode = readFileSync(prebuiltWorkflowBundlePath(), 'utf8');
  const { code: rawCode } = await bundleWorkflowCode({
    workflowsPath: join(__dirname, 'bench-workflows.js'),
    logger: new DefaultLogger('WARN'),
  });
  const files = readdirSync(HISTORIES)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const cases = files.map((file) => {
    const text = readFileSync(join(HISTORIES, file), 'utf8');
    return { name: file.replace(/\.json$/, ''), kib: text.length / 1024, history: historyFromJSON(JSON.parse(text)) };
  });

  const cli = resolveTemporalBinary('cli');
  if (cli.type !== 'existing-path') throw temporalBinaryNotFound('cli', cli.tried, 'benchmarks do not download');
  const server = await startTemporalDevServer({ cliPath: cli.path, port: await freePort() });
  const raws: History[] = [];
  try {
    const connection = await NativeConnection.connect({ address: server.address });
    const worker = await Worker.create({
      connection,
      taskQueue: TASK_QUEUE,
      workflowBundle: { code: rawCode },
      activities: { recordWake: () => Promise.resolve() },
    });
    const client = new Client({ connection: await Connection.connect({ address: server.address }) });
    await worker.runUntil(async () => {
      for (const [index, item] of cases.entries()) {
        raws.push(await rawHistory(client, item.history.events?.length ?? 0, index));
        console.log(`raw history ${index + 1} / ${cases.length} recorded`);
      }
    });
    await client.connection.close();
    await connection.close();
  } finally {
    await server.stop();
  }

  const rows: string[] = [];
  for (const [index, item] of cases.entries()) {
    const raw = raws[index] as History;
    const caseMs = await millisecondsPerReplay(caseCode, item.history, replays);
    const rawMs = await millisecondsPerReplay(rawCode, raw, replays);
    rows.push(
      `| ${item.name} | ${item.history.events?.length ?? 0} | ${item.kib.toFixed(0)} | ${caseMs.toFixed(1)} | ${raw.events?.length ?? 0} | ${rawMs.toFixed(1)} | ${(caseMs / rawMs).toFixed(1)} |`,
    );
    console.log(`replayed ${item.name}`);
  }
  console.log(`\nReplays of each history: ${replays}`);
  console.log('| case history | events | KiB | case ms/replay | raw events | raw ms/replay | case / raw |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
}

runBenchmark(main);
