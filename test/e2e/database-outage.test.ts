import request from 'supertest';

import { startApps, uniqueCaseNumber, type RunningApps } from '../support/apps';
import { as, openingBody } from '../support/http';
import { PrivatePostgres } from '../support/private-postgres';

/** Both timeouts are short here so a frozen server is noticed within the test's patience. */
const STATEMENT_TIMEOUT_MS = 1000;
const CONNECT_TIMEOUT_MS = 1000;

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
