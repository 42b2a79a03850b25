/**
 * Exporting the four lists (四个清单) of a large read model as CSV and XLSX against a plain SQL query
 * of the same rows on the same database.
 *
 *   npm run bench:export-lists -- --cases 100000
 *
 * One case is imported at the listed stage through its workflow, so its `state` column is real. The
 * read model is then seeded with SQL: `--cases` copies of that row over ten counties of one city, in
 * eight stages, with every eighth case closed. Each export is GET /reports/four-lists/:list for the
 * city since 2024-01-01, read to the end by this process. The baseline selects the same columns of
 * the same rows (the API's query without its keyset batches) through node-postgres in one query, and
 * the CSV must hold exactly as many data rows.
 * Peak API memory is the API process's high-water resident set (VmHWM), reset before each export
 * (Linux only).
 */
import { cpus, totalmem } from 'node:os';

import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';

import { chinaDateOf } from '@duban/domain';

import {
  benchAuthorization,
  numberOption,
  resetPeakRss,
  rssMiB,
  runBenchmark,
  startBenchStack,
  type BenchStack,
} from './bench-stack';
import { listedCaseInput, startCaseWorkflows, waitForCaseRows } from './case-starts';

const COUNTIES = ['350102', '350103', '350104', '350105', '350111', '350121', '350122', '350123', '350124', '350125'];
const STAGES = ['discovered', 'determination', 'notice_served', 'reported', 'listed', 'rectifying', 'reinspection'];
const LISTS = ['risks', 'hazards', 'tasks', 'results'] as const;
const FROM = '2024-01-01';
/** China date, as the reports compute it, of the closure of every eighth seeded case. */
const CLOSED_AT = '2025-06-30T02:00:00.000Z';

/** Imports one real case and copies its row `count` times, varying the number, stage, county and dates. */
async function seed(stack: BenchStack, db: PgClient, count: number): Promise<void> {
  const client = new Client({ connection: await Connection.connect({ address: stack.temporalAddress }) });
  const template = `TEMPLATE-${process.pid}`;
  const today = chinaDateOf(new Date());
  await startCaseWorkflows(client, stack.taskQueue, 1, 1, () =>
    listedCaseInput({ caseNumber: template, jurisdictionCode: '350102', listedOn: '2024-03-15', deadline: today }),
  );
  await waitForCaseRows(db, template, 1);
  await client.connection.close();
  await db.query(
    `INSERT INTO hazard_cases (case_number, stage, jurisdiction_code, place_type, address, unit_name, unit_credit_code,
       discovered_on, discovery_source, hazard_items, opening_hash, opened_at, last_sequence, updated_at, state,
       listing_level, deadline, deadline_at, overdue, imported, ended_on)
     SELECT n.case_number, n.stage, ($3::text[])[1 + i % 10], t.place_type, '福州市某某路 ' || i || ' 号',
            '某某单位 ' || i, t.unit_credit_code, DATE '2024-01-01' + (i % 700), t.discovery_source, t.hazard_items,
            t.opening_hash, TIMESTAMPTZ '2024-01-01' + (i || ' minutes')::interval, t.last_sequence, now(),
            jsonb_set(jsonb_set(jsonb_set(
              CASE WHEN n.stage = 'closed' THEN jsonb_set(t.state, '{closedAt}', to_jsonb($5::text)) ELSE t.state END,
              '{caseNumber}', to_jsonb(n.case_number)), '{opening,caseNumber}', to_jsonb(n.case_number)),
              '{stage}', to_jsonb(n.stage)),
            t.listing_level, DATE '2025-01-01' + (i % 800),
            TIMESTAMPTZ '2025-01-01' + (i % 800 || ' days')::interval, i % 5 = 0, t.imported,
            CASE WHEN n.stage = 'closed' THEN ($5::timestamptz AT TIME ZONE 'Asia/Shanghai')::date END
       FROM generate_series(1, $1) AS i
      CROSS JOIN LATERAL (
        SELECT 'EXP-' || lpad(i::text, 7, '0') AS case_number,
               CASE WHEN i % 8 = 7 THEN 'closed' ELSE ($4::text[])[1 + i % 7] END AS stage) n
      CROSS JOIN (SELECT * FROM hazard_cases WHERE case_number = $2) t`,
    [count, template, COUNTIES, STAGES, CLOSED_AT],
  );
  await db.query('ANALYZE hazard_cases');
}

/** Builds the plain query that selects the rows a list covers, as the API selects them but in one query. */
function baselineQuery(list: (typeof LISTS)[number], to: string): { text: string; values: string[] } {
  const endedOn = 'c.ended_on';
  const active =
    list === 'results'
      ? `${endedOn} BETWEEN $2::date AND $3::date`
      : `c.discovered_on <= $3::date AND (${endedOn} IS NULL OR ${endedOn} >= $2::date)`;
  return {
    text: `SELECT c.case_number, c.stage, c.jurisdiction_code, c.place_type, c.address, c.unit_name, c.unit_credit_code,
                  c.discovered_on, c.hazard_items, c.listing_level, c.deadline, c.overdue, c.imported, c.state,
                  ${endedOn}::text AS ended_on
             FROM hazard_cases c
            WHERE c.jurisdiction_code LIKE $1 AND ${active}
            ORDER BY c.case_number`,
    values: ['3501%', FROM, to],
  };
}

/** Reads a response body to its end; returns its size in bytes and the number of CRLF line ends in it. */
async function drain(response: Response): Promise<{ bytes: number; lines: number; head: Buffer }> {
  let bytes = 0;
  let lines = 0;
  let head = Buffer.alloc(0);
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    const buffer = Buffer.from(chunk);
    if (head.length < 4) head = Buffer.concat([head, buffer.subarray(0, 4 - head.length)]);
    bytes += buffer.length;
    for (let index = buffer.indexOf(10); index >= 0; index = buffer.indexOf(10, index + 1)) lines++;
  }
  return { bytes, lines, head };
}

async function main(): Promise<void> {
  const cases = numberOption('cases', 100_000);
  const stack = await startBenchStack({ taskQueue: 'bench-export' });
  const db = new PgClient({ connectionString: stack.databaseUrl });
  await db.connect();
  try {
    const seeded = performance.now();
    await seed(stack, db, cases);
    console.log(`seeded ${cases} cases in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    const to = chinaDateOf(new Date());
    const authorization = benchAuthorization({ role: 'government_leader', jurisdiction: '350100' });
    const rows: string[] = [];
    for (const list of LISTS) {
      const query = baselineQuery(list, to);
      const sqlStarted = performance.now();
      const selected = await db.query(query.text, query.values);
      const sqlSeconds = (performance.now() - sqlStarted) / 1000;
      const expected = selected.rowCount ?? 0;
      if (expected < cases / 10) throw new Error(`the ${list} list covers only ${expected} cases`);
      for (const format of ['csv', 'xlsx'] as const) {
        resetPeakRss(stack.api.pid);
        const before = rssMiB(stack.api.pid);
        const started = performance.now();
        const response = await fetch(
          `${stack.apiUrl}/reports/four-lists/${list}?format=${format}&jurisdiction=350100&from=${FROM}&to=${to}`,
          { headers: { authorization } },
        );
        if (response.status !== 200) throw new Error(`${list} ${format}: ${response.status} ${await response.text()}`);
        const body = await drain(response);
        const seconds = (performance.now() - started) / 1000;
        const peak = rssMiB(stack.api.pid, 'VmHWM');
        if (format === 'csv' && body.lines !== expected + 1) {
          throw new Error(`${list} csv has ${body.lines - 1} data rows after its header, expected ${expected}`);
        }
        if (format === 'xlsx' && body.head.toString('latin1', 0, 2) !== 'PK') {
          throw new Error(`${list} xlsx does not start with a ZIP signature`);
        }
        rows.push(
          `| ${list} | ${format} | ${expected} | ${seconds.toFixed(2)} | ${(body.bytes / 2 ** 20).toFixed(1)} | ${before.toFixed(0)} | ${peak.toFixed(0)} | ${sqlSeconds.toFixed(2)} | ${(seconds / sqlSeconds).toFixed(1)} |`,
        );
        console.log(rows[rows.length - 1]);
      }
    }
    console.log(
      `\nFour-list exports of ${cases} seeded cases (city 350100 since ${FROM}) on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
    );
    console.log(
      '| list | format | rows | API s | MiB | API RSS before, MiB | API peak RSS, MiB | plain SQL s | API / SQL time |',
    );
    console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of rows) console.log(row);
  } finally {
    await db.end();
    await stack.stop();
  }
}

runBenchmark(main);
