/**
 * An escalation storm: many cases whose supervisory letter (督办函) falls due at the same instant, against
 * as many raw workflows that sleep until one instant and then run one activity, on the same Temporal
 * server in the same run.
 *
 *   npm run bench:escalation-storm -- --cases 10000
 *
 * A benchmark policy, stored with SQL for the city 350100, counts its rungs in minutes. Its supervisory
 * letter falls a whole number of minutes after the deadline, chosen to land on the storm instant: a
 * minute boundary after every case has started. Every case is imported at the listed stage with a
 * deadline that ended at the last China midnight. So at import each case is overdue and sends its
 * overdue notice, and its next rung, the letter, falls on the same instant for all. Later rungs and
 * the acknowledgement deadline lie 100,000 minutes on, so nothing else fires during the measurement.
 * The figure is the time from the storm instant to the last letter's outbox row
 * (`notifications.created_at`, written in the projection's transaction), and the rate of letters over
 * that time.
 */
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { Client as PgClient } from 'pg';

import { addDays, chinaDateOf, endOfChinaDate, type EscalationPolicy } from '@duban/domain';

import { numberOption, runBenchmark, runConcurrently, startBenchStack } from './bench-stack';
import { listedCaseInput, startCaseWorkflows, waitForCaseRows } from './case-starts';

/** Start calls in flight, as many as the import endpoint allows. */
const START_CONCURRENCY = 16;
/** Minutes from the letter to every later rung and to the acknowledgement deadline, longer than any run. */
const FAR = 100_000;

function minutes(amount: number) {
  return { unit: 'minutes', amount } as const;
}

/** Returns the first whole minute at least `leadMinutes` from now. */
function minuteAfter(leadMinutes: number): number {
  return Math.ceil((Date.now() + leadMinutes * 60_000) / 60_000) * 60_000;
}

async function storePolicy(db: PgClient, letterAfterMinutes: number): Promise<void> {
  const policy: EscalationPolicy = {
    id: 'bench-storm',
    version: 1,
    description: `Benchmark: supervisory letter ${letterAfterMinutes} minutes after the deadline, nothing else for ${FAR} minutes`,
    remindersBefore: [],
    supervisoryLetterAfter: minutes(letterAfterMinutes),
    interviewAfter: minutes(letterAfterMinutes + FAR),
    exposureProposalAfter: minutes(letterAfterMinutes + FAR + 1),
    higherLevelReportAfter: minutes(letterAfterMinutes + FAR + 2),
    exposureTakedownAfterClosure: minutes(FAR),
    acknowledgementWithin: minutes(FAR),
    resendsBeforeClimbing: 1,
    progressReportGrace: minutes(FAR),
  };
  await db.query(
    `INSERT INTO escalation_policies (id, version, jurisdiction_prefix, listing_level, policy, created_at, created_by)
     VALUES ($1, $2, '3501', NULL, $3, now(), 'bench')`,
    [policy.id, policy.version, JSON.stringify(policy)],
  );
}

interface LetterProgress {
  readonly cases: number;
  readonly first: number;
  readonly last: number;
}

/**
 * Polls the outbox until every case has its letter or `timeoutMs` passes, and returns how many cases
 * have one and the first and last row's time. Throws when a case has two.
 */
async function waitForLetters(db: PgClient, prefix: string, count: number, timeoutMs: number): Promise<LetterProgress> {
  const deadline = Date.now() + timeoutMs;
  let printedAt = 0;
  for (;;) {
    const { rows } = await db.query<{ cases: string; total: string; first: Date | null; last: Date | null }>(
      `SELECT count(DISTINCT case_number) AS cases, count(*) AS total, min(created_at) AS first, max(created_at) AS last
         FROM notifications WHERE topic = 'supervisory_letter' AND case_number LIKE $1`,
      [`${prefix}%`],
    );
    const row = rows[0];
    const cases = Number(row?.cases ?? 0);
    if (Number(row?.total ?? 0) !== cases)
      throw new Error(`${row?.total} letters for ${cases} cases: some were sent twice`);
    if (Date.now() - printedAt > 10_000) {
      printedAt = Date.now();
      console.log(`[${new Date().toISOString().slice(11, 19)}] ${cases} / ${count} supervisory letters written`);
    }
    if ((cases >= count || Date.now() > deadline) && row?.first && row.last) {
      return { cases, first: row.first.getTime(), last: row.last.getTime() };
    }
    if (Date.now() > deadline) return { cases: 0, first: Number.NaN, last: Number.NaN };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function sleepUntil(at: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, Math.max(at - Date.now(), 0)));
}

async function main(): Promise<void> {
  const cases = numberOption('cases', 10_000);
  // NOTE: the default lead assumes at least 10 case starts per second; a slower machine needs --lead-minutes.
  const leadMinutes = numberOption('lead-minutes', Math.ceil(cases / 10 / 60) + 2);
  const timeoutMinutes = numberOption('timeout-minutes', 30);
  const cacheSize = numberOption('max-cached-workflows', 2000);
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const stack = await startBenchStack({
    taskQueue: 'bench-storm',
    env: { WORKER_MAX_CACHED_WORKFLOWS: String(cacheSize) },
  });
  const client = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  const db = new PgClient({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    const today = chinaDateOf(new Date());
    const deadline = addDays(today, -1);
    const deadlineAt = endOfChinaDate(deadline).getTime();
    const stormAt = minuteAfter(leadMinutes);
    await storePolicy(db, (stormAt - deadlineAt) / 60_000);
    console.log(`storm at ${new Date(stormAt).toISOString()}: starting ${cases} cases due ${deadline}`);

    const prefix = `STORM-${process.pid}-`;
    await startCaseWorkflows(client, stack.taskQueue, cases, START_CONCURRENCY, (index) =>
      listedCaseInput({
        caseNumber: `${prefix}${index}`,
        jurisdictionCode: '350102',
        listedOn: addDays(today, -30),
        deadline,
      }),
    );
    await waitForCaseRows(db, prefix, cases);
    if (Date.now() > stormAt - 10_000) {
      throw new Error(
        `the cases were not all open 10 s before the storm instant; raise --lead-minutes above ${leadMinutes}`,
      );
    }
    const early = await db.query<{ count: string }>(
      `SELECT count(*) FROM notifications WHERE topic = 'supervisory_letter' AND case_number LIKE $1`,
      [`${prefix}%`],
    );
    if (Number(early.rows[0]?.count) !== 0)
      throw new Error(`${early.rows[0]?.count} letters went out before the storm`);
    console.log(`all ${cases} cases open; waiting ${((stormAt - Date.now()) / 1000).toFixed(0)} s for the storm`);
    await sleepUntil(stormAt);
    const letters = await waitForLetters(db, prefix, cases, timeoutMinutes * 60_000);

    const connection = await NativeConnection.connect({ address: stack.temporalAddress });
    const wakes: number[] = [];
    const worker = await Worker.create({
      connection,
      taskQueue: 'bench-raw',
      workflowsPath: join(__dirname, 'bench-workflows.js'),
      maxCachedWorkflows: cacheSize,
      activities: {
        recordWake: () => {
          wakes.push(Date.now());
          return Promise.resolve();
        },
      },
    });
    const raw = await worker.runUntil(async () => {
      // Raw starts ran at 90 to 130/s on the benchmark machine, several times the case rate, so a
      // quarter of the lead plus a minute is enough.
      const wakeAt = minuteAfter(Math.ceil(leadMinutes / 4) + 1);
      await runConcurrently(cases, START_CONCURRENCY, async (index) => {
        const workflowId = `raw-storm-${process.pid}-${index}`;
        await client.workflow.start('sleepThenActWorkflow', {
          workflowId,
          taskQueue: 'bench-raw',
          args: [wakeAt, workflowId],
        });
      });
      if (Date.now() > wakeAt - 5_000)
        throw new Error('the raw workflows were not all started 5 s before their wake-up');
      await sleepUntil(wakeAt);
      const timeoutAt = Date.now() + timeoutMinutes * 60_000;
      while (wakes.length < cases && Date.now() < timeoutAt) {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return { woke: wakes.length, first: Math.min(...wakes), last: Math.max(...wakes), wakeAt };
    });
    await connection.close();

    const caseSeconds = (letters.last - stormAt) / 1000;
    const rawSeconds = (raw.last - raw.wakeAt) / 1000;
    console.log(
      `\nEscalation storm of ${cases} cases, worker cache ${cacheSize} workflows, on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
    );
    console.log('| path | done | first after instant, s | last after instant, s | per second |');
    console.log('|---|---:|---:|---:|---:|');
    console.log(
      `| supervisory letter (timer, workflow task, projection, outbox row) | ${letters.cases} | ${((letters.first - stormAt) / 1000).toFixed(1)} | ${caseSeconds.toFixed(1)} | ${(letters.cases / caseSeconds).toFixed(1)} |`,
    );
    console.log(
      `| raw workflow (timer, one empty activity) | ${raw.woke} | ${((raw.first - raw.wakeAt) / 1000).toFixed(1)} | ${rawSeconds.toFixed(1)} | ${(raw.woke / rawSeconds).toFixed(1)} |`,
    );
    console.log(`\nCase / raw time to the last: ${(caseSeconds / rawSeconds).toFixed(2)}`);
    if (letters.cases < cases || raw.woke < cases) {
      // The table above gives the partial figures; the run still fails.
      throw new Error(
        `timed out after ${timeoutMinutes} minutes: ${letters.cases} of ${cases} letters, ${raw.woke} of ${cases} raw wake-ups`,
      );
    }
  } finally {
    await db.end();
    await client.connection.close();
    await stack.stop();
  }
}

runBenchmark(main);
