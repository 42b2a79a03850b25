/**
 * The case list over a large read model against a plain SQL query on the same database.
 *
 *   npm run bench:list-cases -- --cases 100000 --requests 500
 *
 * Seeds the read model directly with SQL (these cases have no workflows; the list reads only
 * PostgreSQL), then times GET /cases for a county, a city and a province scope, newest first and by
 * deadline, against the equivalent keyset SQL query run through node-postgres.
 */
import { cpus, totalmem } from 'node:os';

import { Client } from 'pg';

import { benchAuthorization, numberOption, percentile, runBenchmark, startBenchStack, timeEach } from './bench-stack';

const COUNTIES = ['350102', '350103', '350104', '350105', '350111', '350121', '350122', '350123', '350124', '350125'];

async function seed(databaseUrl: string, count: number): Promise<void> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(
    `INSERT INTO hazard_cases (case_number, stage, jurisdiction_code, place_type, address, unit_name, unit_credit_code,
       discovered_on, discovery_source, hazard_items, opening_hash, opened_at, last_sequence, updated_at, state,
       listing_level, deadline, deadline_at, overdue, imported)
     SELECT 'SEED-' || i,
            (ARRAY['discovered','determination','notice_served','reported','listed','rectifying','reinspection','closed'])[1 + i % 8],
            ($2::text[])[1 + i % 10], 'hotel', 'address ' || i, 'unit ' || i, '91350100M000100Y43',
            DATE '2024-01-01' + (i % 700), 'inspection', '[]'::jsonb, repeat('0', 64),
            TIMESTAMPTZ '2024-01-01' + (i || ' minutes')::interval, 1, now(), '{"stage":"seeded"}'::jsonb,
            CASE WHEN i % 3 = 0 THEN 'county' END, DATE '2025-01-01' + (i % 800),
            TIMESTAMPTZ '2025-01-01' + (i % 800 || ' days')::interval, i % 5 = 0, false
     FROM generate_series(1, $1) AS i`,
    [count, COUNTIES],
  );
  await db.query('ANALYZE hazard_cases');
  await db.end();
}

async function main(): Promise<void> {
  const cases = numberOption('cases', 100_000);
  const requests = numberOption('requests', 500);
  const stack = await startBenchStack();
  try {
    const seeded = performance.now();
    await seed(stack.databaseUrl, cases);
    console.log(`seeded ${cases} cases in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    const db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    const scopes = [
      { name: 'county 350102, newest first', query: '', prefix: '350102', order: 'opened_at DESC, case_number DESC' },
      { name: 'city 350100, newest first', query: '', prefix: '3501', order: 'opened_at DESC, case_number DESC' },
      {
        name: 'city 350100, nearest deadline, overdue',
        query: '&sort=deadline_asc&overdue=true',
        prefix: '3501',
        order: "COALESCE(deadline, '9999-12-31') ASC, case_number ASC",
      },
    ];
    const rows: string[] = [];
    for (const scope of scopes) {
      const scopeCode = scope.prefix.padEnd(6, '0');
      const authorization = benchAuthorization({ role: 'government_leader', jurisdiction: scopeCode });
      const api = await timeEach(requests, async () => {
        const response = await fetch(`${stack.apiUrl}/cases?limit=20${scope.query}`, { headers: { authorization } });
        if (response.status !== 200)
          throw new Error(`GET /cases returned ${response.status}: ${await response.text()}`);
        await response.arrayBuffer();
      });
      const overdue = scope.query.includes('overdue') ? 'AND overdue = true' : '';
      const sql = await timeEach(requests, async () => {
        await db.query(
          `SELECT * FROM hazard_cases WHERE jurisdiction_code LIKE $1 ${overdue} ORDER BY ${scope.order} LIMIT 21`,
          [`${scope.prefix}%`],
        );
        await db.query(`SELECT count(*) FROM hazard_cases WHERE jurisdiction_code LIKE $1 ${overdue}`, [
          `${scope.prefix}%`,
        ]);
      });
      rows.push(
        `| ${scope.name} | ${percentile(api, 50).toFixed(1)} | ${percentile(api, 99).toFixed(1)} | ${percentile(sql, 50).toFixed(1)} | ${percentile(sql, 99).toFixed(1)} | ${(percentile(api, 50) / percentile(sql, 50)).toFixed(2)} |`,
      );
    }
    await db.end();
    console.log(
      `\nGET /cases?limit=20 over ${cases} cases, ${requests} requests each, on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB`,
    );
    console.log('| scope | API p50 ms | API p99 ms | SQL p50 ms | SQL p99 ms | p50 ratio |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const row of rows) console.log(row);
  } finally {
    await stack.stop();
  }
}

runBenchmark(main);
