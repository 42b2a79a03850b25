import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import { chinaDateOf, STAGE_LABELS } from '@duban/domain';
import { mapRegion } from '@duban/import';
import { createDataSource } from '@duban/persistence';

import { createPrivateDatabase, type PrivateDatabase } from '../integration/support/private-database';
import { startApps, type RunningApps } from '../support/apps';
import { bearer } from '../support/tokens';

const SAMPLE_PATH = join(__dirname, '..', '..', 'docs', 'sample-data', 'listed-hazards.csv');
const SAMPLE = readFileSync(SAMPLE_PATH);
const TODAY = chinaDateOf(new Date());

interface CaseResult {
  caseNumber: string;
  rows: number[];
  stage: string;
  status: string;
}
interface Summary {
  rows: number;
  cases: number;
  created: number;
  existing: number;
  conflicts: number;
  failed: number;
  caseResults: CaseResult[];
  skippedRows: { row: number; column: string; message: string }[];
}

/** Province codes of the rows of the public data set, from their regions. */
function provincesOfSample(): string[] {
  const records = parse<{ region: string }>(SAMPLE, { columns: true, bom: true });
  const codes = records.map((r) => {
    const result = mapRegion(r.region);
    if (!result.ok) throw new Error(`cannot map ${r.region}`);
    return `${result.match.code.slice(0, 2)}0000`;
  });
  return [...new Set(codes)].sort();
}

function parseCsv(text: string): Record<string, string>[] {
  return parse<Record<string, string>>(text, { columns: true, bom: true });
}

describe('importing the public data set of listed hazards', () => {
  let apps: RunningApps;
  let db: DataSource;
  const provinces = provincesOfSample();
  const imported = new Map<string, Summary>();

  const importFile = (role: 'brigade_leader' | 'government_leader', scope: string, query = '') =>
    request(apps.api.getHttpServer())
      .post(`/imports${query}`)
      .set('Authorization', bearer(role, scope))
      .set('Accept-Language', 'en')
      .attach('file', SAMPLE, 'listed-hazards.csv');

  // A database of its own: the counts and exports below cover whole provinces, where other suites open cases too.
  let database: PrivateDatabase;

  beforeAll(async () => {
    database = await createPrivateDatabase('imports');
    apps = await startApps({ DATABASE_URL: database.url });
    db = await createDataSource({ url: database.url, poolSize: 2 }).initialize();
  });

  afterAll(async () => {
    await db?.destroy();
    await apps?.close();
    await database?.drop();
  });

  it('rejects the whole file with a row-by-row report', async () => {
    const response = await importFile('brigade_leader', '430000');

    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('import_rejected');
    const rows = response.body.rows as { row: number; column: string; message: string }[];
    expect(rows.find((r) => r.row === 93)).toMatchObject({ column: '(row)' });
    expect(rows.find((r) => r.row === 93)?.message).toMatch(/fill in notice_year or listed_on/);
    expect(rows.find((r) => r.row === 14)?.message).toMatch(/outside your jurisdiction 430000/);
    expect(response.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'rows[93].(row)' })]),
    );
    const [written] = await db.query(`SELECT count(*)::int AS count FROM hazard_cases WHERE case_number LIKE 'IMP-%'`);
    expect(written.count).toBe(0);
  });

  it('rejects unreadable uploads with the fix', async () => {
    const server = apps.api.getHttpServer();
    const auth = bearer('brigade_leader', '430000');
    const pdf = await request(server)
      .post('/imports')
      .set('Authorization', auth)
      .attach('file', Buffer.from('%PDF'), 'x.pdf');
    const none = await request(server).post('/imports').set('Authorization', auth).field('skipInvalid', 'true');
    const json = await request(server).post('/imports').set('Authorization', auth).send({ file: 'x' });
    const gbk = await request(server)
      .post('/imports')
      .set('Authorization', auth)
      .attach('file', Buffer.from([0x75, 0x6e, 0x69, 0x74, 0x0d, 0x0a, 0xb1, 0xf6, 0xb9, 0xdd]), 'gbk.csv');
    const flag = await importFile('brigade_leader', '430000', '?skipInvalid=maybe');

    expect(pdf.status).toBe(415);
    expect(pdf.body.detail).toMatch(/x\.pdf/);
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('invalid_request');
    expect(json.status).toBe(415);
    expect(gbk.status).toBe(400);
    expect(gbk.body.code).toBe('import_file_unreadable');
    expect(flag.status).toBe(400);
    expect(flag.body.errors).toEqual([{ field: 'query.skipInvalid', message: 'must be true or false' }]);
  });

  it('rejects roles that may not import', async () => {
    const inspector = await importFile('brigade_leader', '430000').set('Authorization', bearer('inspector', '430000'));
    const unit = await importFile('brigade_leader', '430000').set(
      'Authorization',
      bearer('unit', '91350100M000100Y43'),
    );

    expect(inspector.status).toBe(403);
    expect(unit.status).toBe(403);
  });

  it('turns every row into a case or reports it with its reason', async () => {
    for (const province of provinces) {
      const response = await importFile('brigade_leader', province, '?skipInvalid=true');
      expect(response.status).toBe(200);
      imported.set(province, response.body as Summary);
    }

    const inCases = new Set<number>();
    const reported = new Map<number, string>();
    for (const summary of imported.values()) {
      expect(summary.rows).toBe(199);
      expect(summary.failed + summary.conflicts).toBe(0);
      for (const result of summary.caseResults) {
        expect(result.status).toBe('created');
        for (const row of result.rows) inCases.add(row);
      }
      for (const skipped of summary.skippedRows) {
        if (!/outside your jurisdiction/.test(skipped.message)) reported.set(skipped.row, skipped.message);
      }
    }
    const allRows = Array.from({ length: 199 }, (_, index) => index + 2);
    expect(allRows.filter((row) => !inCases.has(row) && !reported.has(row))).toEqual([]);
    expect([...inCases].filter((row) => reported.has(row))).toEqual([]);
    expect(inCases.size).toBe(142);
    const [written] = await db.query(`SELECT count(*)::int AS count FROM hazard_cases WHERE case_number LIKE 'IMP-%'`);
    expect(written.count).toBe(135);
  });

  it('creates nothing new when the same file is imported again', async () => {
    for (const province of provinces) {
      const response = await importFile('government_leader', province, '?skipInvalid=true');
      expect(response.status).toBe(200);
      expect(response.body.created).toBe(0);
      expect(response.body.existing).toBe(imported.get(province)?.cases);
    }
    const [written] = await db.query(`SELECT count(*)::int AS count FROM hazard_cases WHERE case_number LIKE 'IMP-%'`);
    expect(written.count).toBe(135);
  });

  it('streams progress as NDJSON', async () => {
    const response = await importFile('brigade_leader', '640000', '?skipInvalid=true')
      .set('Accept', 'application/x-ndjson')
      .buffer(true)
      .parse((res, callback) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => callback(null, text));
      });

    expect(response.status).toBe(200);
    const lines = (response.body as string)
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string });
    expect(lines[0]).toMatchObject({ type: 'validated', rows: 199 });
    expect(lines.filter((line) => line.type === 'case')).toHaveLength(imported.get('640000')?.cases ?? -1);
    expect(lines[lines.length - 1]).toMatchObject({ type: 'summary', created: 0 });
  });

  it('escalates overdue imported cases at once', async () => {
    const overdue: { case_number: string }[] = await db.query(
      `SELECT case_number FROM hazard_cases WHERE case_number LIKE 'IMP-%' AND stage = 'listed' AND deadline < $1`,
      [TODAY],
    );
    expect(overdue.length).toBe(27);
    const numbers = overdue.map((row) => row.case_number);
    let escalated: { case_number: string }[] = [];
    for (let attempt = 0; attempt < 60; attempt++) {
      escalated = await db.query(
        `SELECT DISTINCT case_number FROM notifications WHERE case_number = ANY($1) AND topic = 'higher_level_report'`,
        [numbers],
      );
      if (escalated.length === numbers.length) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(escalated.map((row) => row.case_number).sort()).toEqual([...numbers].sort());
    const [flags] = await db.query(
      `SELECT count(*) FILTER (WHERE overdue)::int AS overdue FROM hazard_cases WHERE case_number = ANY($1)`,
      [numbers],
    );
    expect(flags.overdue).toBe(27);

    // Changsha listed its 2009 hazards, so the overdue report goes to the Hunan provincial leaders.
    const inbox = await request(apps.api.getHttpServer())
      .get('/inbox?limit=100')
      .set('Authorization', bearer('government_leader', '430000'));
    expect(inbox.status).toBe(200);
    const topics = (inbox.body.items as { topic: string; caseNumber: string }[]).filter((item) =>
      numbers.includes(item.caseNumber),
    );
    expect(topics.map((item) => item.topic)).toContain('higher_level_report');
  });

  it('exports every imported case with stage and deadline', async () => {
    for (const province of provinces) {
      const response = await request(apps.api.getHttpServer())
        .get(`/reports/four-lists/hazards?format=csv&jurisdiction=${province}&from=2003-01-01&to=${TODAY}`)
        .set('Authorization', bearer('government_leader', province));
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const rows = parseCsv(response.text);
      const byNumber = new Map(rows.map((row) => [row['案件编号'], row]));
      const cases: { case_number: string; stage: keyof typeof STAGE_LABELS; deadline: string | null }[] =
        await db.query(
          `SELECT case_number, stage, deadline::text AS deadline FROM hazard_cases WHERE case_number LIKE $1`,
          [`IMP-${province.slice(0, 2)}%`],
        );
      expect(cases.length).toBe(imported.get(province)?.cases);
      for (const item of cases) {
        const row = byNumber.get(item.case_number);
        expect(row?.['阶段']).toBe(STAGE_LABELS[item.stage].zh);
        expect(row?.['整改期限']).toBe(item.deadline ?? '来源未载明');
      }
    }
  });

  it('exports the four lists as XLSX', async () => {
    for (const list of ['risks', 'hazards', 'tasks', 'results']) {
      const response = await request(apps.api.getHttpServer())
        .get(`/reports/four-lists/${list}?format=xlsx&jurisdiction=430000&from=2003-01-01&to=${TODAY}`)
        .set('Authorization', bearer('brigade_leader', '430000'))
        .buffer(true)
        .parse((res, callback) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => callback(null, Buffer.concat(chunks)));
        });
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      const body = response.body as Buffer;
      await workbook.xlsx.load(body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const hunan = imported.get('430000')?.cases ?? 0;
      // The results list has the cases closed in the period, and a closure the record does not date is in none.
      const [closed] = await db.query(
        `SELECT count(*)::int AS count FROM hazard_cases WHERE case_number LIKE 'IMP-43%' AND state ? 'closedAt'`,
      );
      expect((sheet?.rowCount ?? 0) - 1).toBe(list === 'results' ? closed.count : hunan);
    }
  });

  it('counts the cases of a jurisdiction', async () => {
    const response = await request(apps.api.getHttpServer())
      .get(`/reports/statistics?jurisdiction=430000&from=2003-01-01&to=${TODAY}`)
      .set('Authorization', bearer('government_officer', '430000'));

    expect(response.status).toBe(200);
    const cases = imported.get('430000')?.caseResults ?? [];
    expect(response.body.total).toBe(cases.length);
    expect(response.body.byStage).toEqual({
      delisted: cases.filter((c) => c.stage === 'delisted').length,
      listed: cases.filter((c) => c.stage === 'listed').length,
      reported: cases.filter((c) => c.stage === 'reported').length,
    });
    expect(response.body.overdue).toBe(cases.filter((c) => c.stage === 'listed').length);
    expect(response.body.byJurisdiction['430100']).toBeGreaterThan(0);
    expect(response.body.monthly[0]).toEqual({ month: '2003-01', discovered: 12, ended: 0 });
    // Escalations counted from the case state itself, not from the table the statistics read.
    const fromState: { kind: string; count: number }[] = await db.query(
      `SELECT e ->> 'kind' AS kind, count(*)::int AS count
         FROM hazard_cases c, jsonb_array_elements(c.state -> 'escalations') AS e
        WHERE c.case_number LIKE 'IMP-43%' GROUP BY 1`,
    );
    expect(fromState.length).toBeGreaterThan(0);
    expect(response.body.escalations.sent).toEqual(Object.fromEntries(fromState.map((row) => [row.kind, row.count])));
    expect(response.body.interviewsHeld).toBe(0);
  });

  it('keeps reports within the caller’s jurisdiction', async () => {
    const other = await request(apps.api.getHttpServer())
      .get('/reports/statistics?jurisdiction=440000')
      .set('Authorization', bearer('government_leader', '430000'));
    const unit = await request(apps.api.getHttpServer())
      .get('/reports/four-lists/hazards')
      .set('Authorization', bearer('unit', '91350100M000100Y43'));
    const badList = await request(apps.api.getHttpServer())
      .get('/reports/four-lists/everything?format=pdf')
      .set('Authorization', bearer('government_leader', '430000'));

    expect(other.status).toBe(403);
    expect(unit.status).toBe(403);
    expect(badList.status).toBe(400);
    expect((badList.body.errors as { field: string }[]).map((e) => e.field)).toEqual(['path.list', 'query.format']);
  });
});
