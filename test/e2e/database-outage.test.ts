import { randomUUID } from 'node:crypto';

import { Client as PgClient } from 'pg';
import request from 'supertest';

import { startApps, uniqueCaseNumber, type RunningApps } from '../support/apps';
import { as, openingBody } from '../support/http';
import { PrivatePostgres } from '../support/private-postgres';

/** Both timeouts are short here so a frozen server is noticed within the test's patience. */
const STATEMENT_TIMEOUT_MS = 1000;
const CONNECT_TIMEOUT_MS = 1000;

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describe('API while PostgreSQL is down', () => {
  let postgres: PrivatePostgres;
  let apps: RunningApps;

  beforeAll(async () => {
    postgres = await PrivatePostgres.start('duban_outage');
    apps = await startApps({
      DATABASE_URL: postgres.url,
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
    });
  });

  afterAll(async () => {
    postgres?.thaw();
    await apps?.close();
    await postgres?.destroy();
  });

  function expectDatabaseUnavailable(response: request.Response, endpoint: string): void {
    expect({ endpoint, status: response.status }).toEqual({ endpoint, status: 503 });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['retry-after']).toMatch(/^\d+$/);
    expect(response.body.code).toBe('database_unavailable');
    expect(response.body.type).toBe('urn:duban:problem:database-unavailable');
  }

  it('should answer 503 with Retry-After while stopped, and recover after a restart', async () => {
    const inspector = as(apps.api, 'inspector', '430102');
    const caseNumber = uniqueCaseNumber('OUT');
    const opened = await inspector.post('/cases').send(openingBody(caseNumber));
    expect(opened.status).toBe(201);

    await postgres.stop();
    const detail = await inspector.get(`/cases/${caseNumber}`);
    const english = await inspector.get(`/cases/${caseNumber}`).set('Accept-Language', 'en');
    const list = await inspector.get('/cases');
    const inbox = await as(apps.api, 'brigade_leader', '430102').get('/inbox');
    const command = await inspector.post(`/cases/${caseNumber}/determination/start`).send({});
    const opening = await inspector.post('/cases').send(openingBody(uniqueCaseNumber('OUT')));
    const health = await request(apps.api.getHttpServer()).get('/health');
    const deadline = await request(apps.api.getHttpServer()).get('/calendar/deadline?from=2025-09-26&workingDays=7');
    await postgres.restart();
    const recovered = await inspector.get(`/cases/${caseNumber}`);

    expectDatabaseUnavailable(detail, 'GET /cases/:caseNumber');
    expect(detail.body.title).toBe('数据库暂时不可用');
    expect(detail.body.detail).toBe(`数据库暂时无法访问，请于 ${detail.headers['retry-after']} 秒后重试`);
    expectDatabaseUnavailable(english, 'GET /cases/:caseNumber in English');
    expect(english.body.title).toBe('Database temporarily unavailable');
    expect(english.body.detail).toBe(
      `The database cannot be reached; retry in ${english.headers['retry-after']} seconds`,
    );
    expectDatabaseUnavailable(list, 'GET /cases');
    expectDatabaseUnavailable(inbox, 'GET /inbox');
    expectDatabaseUnavailable(command, 'POST determination/start');
    expectDatabaseUnavailable(opening, 'POST /cases');
    expect(health.status).toBe(503);
    expect(health.body.checks.postgres.status).toBe('down');
    expect(deadline.status).toBe(200);
    expect(deadline.body.due).toBe('2025-10-13');
    expect(recovered.status).toBe(200);
    expect(recovered.body.caseNumber).toBe(caseNumber);
  });

  it('should answer 503 to a waiting command', async () => {
    // These apps have a task queue of their own, so their worker can stop while the other tests' worker runs.
    const env = {
      DATABASE_URL: postgres.url,
      DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
    };
    const first = await startApps(env);
    let second: RunningApps | undefined;
    let workerClosed = false;
    try {
      const caseNumber = uniqueCaseNumber('OUT');
      expect((await as(first.api, 'inspector', '430102').post('/cases').send(openingBody(caseNumber))).status).toBe(
        201,
      );
      const path = `/cases/${caseNumber}/hazard-items`;
      const items = { items: [{ description: '疏散楼梯堆放杂物', location: '二层' }] };
      await first.worker.close();
      workerClosed = true;

      // With no worker polling, the update waits at Temporal. The key's row shows that the request got that far.
      const waiting = as(first.api, 'inspector', '430102')
        .post(path)
        .set('Idempotency-Key', 'outage-1')
        .send(items)
        .then((response) => response);
      // Handled here too, so a failed check below leaves no unhandled rejection behind.
      waiting.catch(() => undefined);
      const db = new PgClient({ connectionString: postgres.url });
      await db.connect();
      let keyRows = 0;
      for (let tries = 0; tries < 100 && keyRows === 0; tries++) {
        await sleep(50);
        const found = await db.query('SELECT 1 FROM idempotency_keys WHERE case_number = $1', [caseNumber]);
        keyRows = found.rowCount ?? 0;
      }
      await db.end();
      expect(keyRows).toBe(1);
      await sleep(500);
      // PostgreSQL restarts only after the response, so without the watch this request would never end.
      await postgres.stop();
      const response = await waiting;
      await postgres.restart();

      second = await startApps(env);
      const repeat = await as(second.api, 'inspector', '430102')
        .post(path)
        .set('Idempotency-Key', 'outage-1')
        .send(items);
      const events = await as(second.api, 'inspector', '430102').get(`/cases/${caseNumber}/events`);

      expectDatabaseUnavailable(response, 'POST hazard-items waiting when the database stopped');
      expect(response.body.detail).toContain('命令已送达案件');
      expect(response.body.detail).toContain('以同一幂等键重发');
      expect(repeat.status).toBe(200);
      expect(repeat.body.case.caseNumber).toBe(caseNumber);
      const recorded = (events.body as { type: string }[]).filter((e) => e.type === 'hazard_items_recorded');
      expect(recorded).toHaveLength(1);
    } finally {
      await second?.close();
      await first.api.close();
      if (!workerClosed) await first.worker.close();
    }
  });

  it('should answer 503 within the statement timeout while frozen', async () => {
    const inspector = as(apps.api, 'inspector', '430102');
    const caseNumber = uniqueCaseNumber('OUT');
    expect((await inspector.post('/cases').send(openingBody(caseNumber))).status).toBe(201);

    postgres.freeze();
    const started = Date.now();
    const detail = await inspector.get(`/cases/${caseNumber}`);
    const elapsed = Date.now() - started;
    const list = await inspector.get('/cases');
    postgres.thaw();
    const recovered = await inspector.get(`/cases/${caseNumber}`);

    expectDatabaseUnavailable(detail, 'GET /cases/:caseNumber while frozen');
    expectDatabaseUnavailable(list, 'GET /cases while frozen');
    // The query timeout is the statement timeout plus one second; a connect timeout may add its own.
    expect(elapsed).toBeLessThan(STATEMENT_TIMEOUT_MS + 1000 + CONNECT_TIMEOUT_MS + 2000);
    expect(recovered.status).toBe(200);
  });
});
