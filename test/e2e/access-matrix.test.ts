import { randomUUID } from 'node:crypto';

import jwt from 'jsonwebtoken';
import type request from 'supertest';

import {
  COMMAND_ROLES,
  creditCodeCheckCharacter,
  DEFAULT_ESCALATION_POLICY,
  OPEN_CASE_ROLES,
  ROLES,
  type CommandType,
  type Role,
} from '@duban/domain';

import { IMPORT_ROLES } from '../../apps/api/src/imports/imports.controller';
import { REPORT_ROLES } from '../../apps/api/src/reports/report-scope';
import { seedNotifications } from '../integration/support/outbox';
import { connectTestDatabase } from '../support/database';
import { startApps, uniqueCaseNumber, type RunningApps } from '../support/apps';
import { as, chinaToday, client, openingBody, UNIT_A, UNIT_B } from '../support/http';
import { TEST_JWT_SECRET } from '../support/tokens';
import { plainJpeg } from './evidence-fixtures';

const today = chinaToday();
const GOVERNMENT = { jurisdictionCode: '430102', name: '长沙市芙蓉区人民政府' };

/**
 * Every command endpoint with a body that is valid in form, so only authorization and stage decide. `route`
 * is the OpenAPI path after /cases/{caseNumber}/ where it differs from the path called.
 */
const COMMAND_ENDPOINTS: readonly { command: CommandType; path: string; route?: string; body: object }[] = [
  { command: 'record_hazard_items', path: 'hazard-items', body: { items: [{ description: '疏散通道堵塞' }] } },
  { command: 'start_determination', path: 'determination/start', body: {} },
  {
    command: 'record_determination',
    path: 'determination',
    body: { outcome: 'major', decidedOn: today, participants: ['甲', '乙', '丙'], clauses: ['6.3'] },
  },
  {
    command: 'serve_notice',
    path: 'notice',
    body: { documentNumber: 'N-1', servedOn: today, deadline: chinaToday(30) },
  },
  { command: 'report_to_government', path: 'government-report', body: { reportedOn: today, government: GOVERNMENT } },
  { command: 'apply_seal', path: 'seals', body: { sealedOn: today, scope: '地下一层', days: 30 } },
  { command: 'lift_seal', path: 'seals/lift', body: { liftedOn: today } },
  {
    command: 'list_case',
    path: 'listing',
    body: {
      documentNumber: 'L-1',
      listedOn: today,
      level: 'county',
      government: GOVERNMENT,
      responsiblePerson: '赵六',
      supervisingDepartment: '应急管理局',
      deadline: chinaToday(30),
      reportingIntervalMonths: 0,
    },
  },
  { command: 'raise_listing_level', path: 'listing/level', body: { level: 'city', government: GOVERNMENT } },
  {
    command: 'submit_plan',
    path: 'plan',
    body: { plan: { responsibility: '甲', measures: '乙', funds: '丙', timeLimit: '丁', contingencyPlan: '戊' } },
  },
  { command: 'submit_progress_report', path: 'progress-reports', body: { summary: '进展' } },
  { command: 'request_extension', path: 'extension-requests', body: { requestedDeadline: chinaToday(60) } },
  { command: 'decide_extension', path: 'extension-requests/decision', body: { approved: true } },
  { command: 'apply_for_reinspection', path: 'reinspection-applications', body: {} },
  { command: 'record_reinspection', path: 'reinspection', body: { passed: true, findings: '合格' } },
  { command: 'close_case', path: 'closure', body: {} },
  { command: 'consent_to_delisting', path: 'delisting', body: {} },
  {
    command: 'schedule_interview',
    path: 'interviews/schedule',
    body: { scheduledOn: today, place: '区政府会议室', summoned: '法定代表人' },
  },
  {
    command: 'record_interview',
    path: 'interviews',
    body: { heldOn: today, attendees: ['法定代表人'], minutes: '纪要', commitment: '承诺' },
  },
  {
    command: 'acknowledge_escalation',
    path: 'escalations/none@2026-01-01/acknowledgement',
    route: 'escalations/{escalationId}/acknowledgement',
    body: {},
  },
  { command: 'decide_exposure', path: 'exposure/decision', body: { approved: true } },
  { command: 'withdraw_case', path: 'withdrawal', body: { reason: '测试' } },
  { command: 'suspend_case', path: 'suspension', body: { reason: '停业' } },
  { command: 'resume_case', path: 'resumption', body: {} },
];

/** Who is inside and outside the scope of a case in 430102 of unit A. */
function scopes(role: Role): { inside: string; outside: string } {
  if (role === 'unit') return { inside: UNIT_A, outside: UNIT_B };
  if (role === 'government_leader' || role === 'government_officer') return { inside: '430100', outside: '430200' };
  return { inside: '430102', outside: '430103' };
}

const AUTHORIZED = (status: number) => ![401, 403, 404].includes(status);

type Side = 'inside' | 'outside';
type Caller = 'anonymous' | `${Role} ${Side}`;

const CALLERS: readonly Caller[] = [
  'anonymous',
  ...ROLES.flatMap((role) => [`${role} inside` as const, `${role} outside` as const]),
];

type Http = ReturnType<typeof client>;

/** Data the checks act on, made in beforeAll: a case of unit A in 430102 with evidence, a notification and so on. */
interface Fixtures {
  caseNumber: string;
  evidenceId: string;
  notificationKey: string;
  jurisdictionCode: string;
  unitCreditCode: string;
  userId: string;
}

/** One route checked for every caller: how to call it, and the status each caller must get. */
interface RouteCheck {
  /** Method and OpenAPI path, such as `GET /cases/{caseNumber}`. */
  readonly route: string;
  /** Which way a route checked more than once is called, such as the list a four-lists export names. */
  readonly variant?: string;
  readonly send: (http: Http, caller: Caller, fixtures: Fixtures) => request.Test;
  readonly expected: (caller: Caller) => number;
}

function roleOf(caller: Caller): Role | undefined {
  return caller === 'anonymous' ? undefined : (caller.split(' ')[0] as Role);
}

/** Every caller gets `status`, with or without a token. */
const everyone =
  (status: number) =>
  (_caller: Caller): number =>
    status;

/** Every signed-in caller gets `status`; no token gets 401. */
const everyUser =
  (status: number) =>
  (caller: Caller): number =>
    caller === 'anonymous' ? 401 : status;

/** Callers who may see the case get `status`; everyone else gets 404, so the case's existence does not leak. */
const withinCase =
  (status: number) =>
  (caller: Caller): number => {
    if (caller === 'anonymous') return 401;
    if (caller === 'admin inside' || caller.endsWith('outside')) return 404;
    return status;
  };

/** The roles named get `inside` or `outside` by where they sit; every other role gets 403. */
const onlyRoles =
  (roles: readonly Role[], inside: number, outside: number) =>
  (caller: Caller): number => {
    const role = roleOf(caller);
    if (role === undefined) return 401;
    if (!roles.includes(role)) return 403;
    return caller.endsWith('inside') ? inside : outside;
  };

/** A one-row ledger of a listed hazard in 芙蓉区 (430102), in the columns POST /imports reads. */
const IMPORT_CSV = Buffer.from(
  'notice_id,issuer_level,region,notice_year,listed_on,deadline,closed_on,place_type,unit,hazards,basis,supervising_body,outcome,source\n' +
    'M01,county,湖南省长沙市芙蓉区,2020,2020-05-06,2020-12-31,,hotel,访问矩阵测试宾馆,疏散通道堵塞,,芙蓉区人民政府,listed,https://example.org/m01\n',
);

function batchListingBody(caseNumber: string, government = GOVERNMENT) {
  return {
    documentNumber: 'L-M',
    listedOn: today,
    level: 'county',
    government,
    reportingIntervalMonths: 0,
    cases: [{ caseNumber, responsiblePerson: '赵六', supervisingDepartment: '应急管理局', deadline: chinaToday(30) }],
  };
}

/** Builds a valid credit code registered in 430102 that no other test uses. */
function newCreditCode(): string {
  const first17 = `91430102${randomUUID()
    .replace(/[^0-9]/g, '')
    .padEnd(9, '3')
    .slice(0, 9)}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

/** Jurisdiction codes the administrators in the matrix add, one per caller so none gets 409. */
const NEW_JURISDICTION: Readonly<Record<Side, string>> = { inside: '430186', outside: '430185' };
const sideOf = (caller: Caller): Side => (caller.endsWith('outside') ? 'outside' : 'inside');

const FOUR_LISTS = ['risks', 'hazards', 'tasks', 'results'] as const;

/**
 * Every route but the case commands (COMMAND_ENDPOINTS), with the status each caller gets. Inside and
 * outside are relative to the fixture case in 430102 of unit A, as `scopes` defines them.
 */
const ROUTE_CHECKS: readonly RouteCheck[] = [
  { route: 'GET /health', send: (http) => http.get('/health'), expected: everyone(200) },
  {
    route: 'GET /calendar/deadline',
    send: (http) => http.get('/calendar/deadline?from=2025-09-26&workingDays=7'),
    expected: everyone(200),
  },
  {
    route: 'GET /determination/rulesets',
    send: (http) => http.get('/determination/rulesets'),
    expected: everyone(200),
  },
  {
    route: 'POST /determination/proposals',
    send: (http) =>
      http.post('/determination/proposals').send({ inspectedOn: '2025-11-01', placeType: 'hotel', elements: [] }),
    expected: everyone(200),
  },
  { route: 'GET /public/exposures', send: (http) => http.get('/public/exposures'), expected: everyone(200) },
  { route: 'GET /public/exposures.json', send: (http) => http.get('/public/exposures.json'), expected: everyone(200) },
  {
    route: 'POST /cases',
    send: (http) => http.post('/cases').send(openingBody(uniqueCaseNumber('P'))),
    // The body opens the case in 430102, which is outside the jurisdiction of an inspector of 430103.
    expected: onlyRoles(OPEN_CASE_ROLES, 201, 400),
  },
  { route: 'GET /cases', send: (http) => http.get('/cases'), expected: everyUser(200) },
  {
    route: 'GET /cases/{caseNumber}',
    send: (http, _, f) => http.get(`/cases/${f.caseNumber}`),
    expected: withinCase(200),
  },
  {
    route: 'GET /cases/{caseNumber}/events',
    send: (http, _, f) => http.get(`/cases/${f.caseNumber}/events`),
    expected: withinCase(200),
  },
  {
    route: 'POST /cases/{caseNumber}/evidence',
    send: (http, _, f) =>
      http
        .post(`/cases/${f.caseNumber}/evidence`)
        .field('kind', 'photo')
        .attach('file', plainJpeg(), { filename: 'photo.jpg', contentType: 'image/jpeg' }),
    expected: withinCase(201),
  },
  {
    route: 'GET /cases/{caseNumber}/evidence',
    send: (http, _, f) => http.get(`/cases/${f.caseNumber}/evidence`),
    expected: withinCase(200),
  },
  {
    route: 'GET /cases/{caseNumber}/evidence/{id}',
    send: (http, _, f) => http.get(`/cases/${f.caseNumber}/evidence/${f.evidenceId}`),
    expected: withinCase(200),
  },
  {
    route: 'GET /cases/{caseNumber}/evidence/{id}/content',
    send: (http, _, f) => http.get(`/cases/${f.caseNumber}/evidence/${f.evidenceId}/content`),
    expected: withinCase(200),
  },
  {
    route: 'POST /imports',
    send: (http) => http.post('/imports').attach('file', IMPORT_CSV, 'ledger.csv'),
    // Outside callers' jurisdictions do not contain the row's 430102, so the file is rejected whole.
    expected: onlyRoles(IMPORT_ROLES, 200, 422),
  },
  ...FOUR_LISTS.map((list): RouteCheck => ({
    route: 'GET /reports/four-lists/{list}',
    variant: list,
    send: (http) => http.get(`/reports/four-lists/${list}?jurisdiction=430102`),
    expected: onlyRoles(REPORT_ROLES, 200, 403),
  })),
  {
    route: 'GET /reports/statistics',
    send: (http) => http.get('/reports/statistics?jurisdiction=430102'),
    expected: onlyRoles(REPORT_ROLES, 200, 403),
  },
  { route: 'GET /inbox', send: (http) => http.get('/inbox'), expected: everyUser(200) },
  {
    route: 'GET /audit/verify',
    send: (http) => http.get('/audit/verify'),
    expected: onlyRoles(['admin', 'government_leader'], 200, 200),
  },
  {
    route: 'POST /listings',
    send: (http, _, f) => http.post('/listings').send(batchListingBody(f.caseNumber)),
    // The batch returns 200 with one outcome per case, but a listing government outside the caller's
    // jurisdiction rejects the whole notice. The leak test checks the outcome an outside leader reads.
    expected: onlyRoles(['government_leader'], 200, 400),
  },
  {
    route: 'GET /admin/notifications/dead-letters',
    send: (http) => http.get('/admin/notifications/dead-letters'),
    expected: onlyRoles(['admin'], 200, 200),
  },
  {
    route: 'GET /admin/notifications/{key}',
    send: (http, _, f) => http.get(`/admin/notifications/${encodeURIComponent(f.notificationKey)}`),
    expected: onlyRoles(['admin'], 200, 404),
  },
  {
    route: 'POST /admin/notifications/{key}/retry',
    send: (http, _, f) => http.post(`/admin/notifications/${encodeURIComponent(f.notificationKey)}/retry`),
    // Nothing is dead-lettered, so an administrator who may read the notification gets 409 no_dead_letter.
    expected: onlyRoles(['admin'], 409, 404),
  },
  {
    route: 'GET /admin/calendar-years',
    send: (http) => http.get('/admin/calendar-years'),
    expected: onlyRoles(['admin'], 200, 200),
  },
  {
    route: 'PUT /admin/calendar-years/{year}',
    send: (http) =>
      http
        .put('/admin/calendar-years/2041')
        // 1 to 20 October 2041 hold 14 weekdays, more than the 13 statutory holidays of 2041.
        .send({
          daysOff: Array.from({ length: 20 }, (_, day) => `2041-10-${String(day + 1).padStart(2, '0')}`),
          makeUpWorkingDays: [],
          source: '访问矩阵测试',
        }),
    expected: onlyRoles(['admin'], 200, 200),
  },
  {
    route: 'GET /admin/escalation-policies',
    send: (http) => http.get('/admin/escalation-policies'),
    expected: onlyRoles(['admin'], 200, 200),
  },
  {
    route: 'POST /admin/escalation-policies',
    // 621102 is a county no other test opens cases in, so the new policy changes no other test's cases.
    send: (http) => http.post('/admin/escalation-policies').send({ jurisdictionCode: '621102', policy: MATRIX_POLICY }),
    expected: onlyRoles(['admin'], 201, 201),
  },
  {
    route: 'GET /admin/jurisdictions',
    send: (http) => http.get('/admin/jurisdictions?under=430100'),
    expected: onlyRoles(['admin'], 200, 200),
  },
  {
    route: 'GET /admin/jurisdictions/{code}',
    send: (http) => http.get('/admin/jurisdictions/430102'),
    expected: onlyRoles(['admin'], 200, 200),
  },
  {
    route: 'POST /admin/jurisdictions',
    send: (http, caller) =>
      http
        .post('/admin/jurisdictions')
        .send({ code: NEW_JURISDICTION[sideOf(caller)], name: '访问矩阵新区', parentCode: '430100' }),
    expected: onlyRoles(['admin'], 201, 201),
  },
  {
    route: 'PATCH /admin/jurisdictions/{code}',
    send: (http, _, f) => http.patch(`/admin/jurisdictions/${f.jurisdictionCode}`).send({ name: '访问矩阵改名区' }),
    expected: onlyRoles(['admin'], 200, 200),
  },
  {
    route: 'GET /admin/units',
    send: (http) => http.get('/admin/units?jurisdiction=430102'),
    expected: onlyRoles(['admin'], 200, 200),
  },
  {
    route: 'GET /admin/units/{creditCode}',
    send: (http, _, f) => http.get(`/admin/units/${f.unitCreditCode}`),
    expected: onlyRoles(['admin'], 200, 200),
  },
  {
    route: 'POST /admin/units',
    send: (http) =>
      http
        .post('/admin/units')
        .send({ creditCode: newCreditCode(), name: '访问矩阵单位', jurisdictionCode: '430102', address: '长沙' }),
    expected: onlyRoles(['admin'], 201, 201),
  },
  {
    route: 'PATCH /admin/units/{creditCode}',
    send: (http, _, f) => http.patch(`/admin/units/${f.unitCreditCode}`).send({ address: '长沙市芙蓉区某某路 3 号' }),
    expected: onlyRoles(['admin'], 200, 200),
  },
  { route: 'GET /admin/users', send: (http) => http.get('/admin/users'), expected: onlyRoles(['admin'], 200, 200) },
  {
    route: 'GET /admin/users/{id}',
    send: (http, _, f) => http.get(`/admin/users/${f.userId}`),
    expected: onlyRoles(['admin'], 200, 200),
  },
  {
    route: 'POST /admin/users',
    send: (http) =>
      http
        .post('/admin/users')
        .send({ id: `matrix-${randomUUID()}`, displayName: '矩阵', role: 'inspector', jurisdictionCode: '430102' }),
    expected: onlyRoles(['admin'], 201, 201),
  },
  {
    route: 'PATCH /admin/users/{id}',
    send: (http, _, f) => http.patch(`/admin/users/${f.userId}`).send({ displayName: '矩阵改名' }),
    expected: onlyRoles(['admin'], 200, 200),
  },
];

const { version: _version, ...DEFAULT_POLICY_FIELDS } = DEFAULT_ESCALATION_POLICY;
const MATRIX_POLICY = { ...DEFAULT_POLICY_FIELDS, id: 'access-matrix' };

function callerClient(apps: RunningApps, caller: Caller): Http {
  const role = roleOf(caller);
  if (role === undefined) return client(apps.api, null);
  return as(apps.api, role, scopes(role)[sideOf(caller)]);
}

/** Lists `METHOD /path` of every route the Express router serves, with :params written as OpenAPI {params}. */
function routerRoutes(apps: RunningApps): string[] {
  const express = apps.api.getHttpAdapter().getInstance() as {
    router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
  };
  return express.router.stack.flatMap((layer) => {
    const route = layer.route;
    if (!route) return [];
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    return Object.keys(route.methods)
      .filter((method) => method !== '_all')
      .map((method) => `${method.toUpperCase()} ${path}`);
  });
}

describe('access matrix: every endpoint, every role, inside and outside scope', () => {
  let apps: RunningApps;
  const caseFor = new Map<string, string>();
  const fixtures: Fixtures = {
    caseNumber: uniqueCaseNumber('READ'),
    evidenceId: '',
    notificationKey: '',
    jurisdictionCode: '430184',
    unitCreditCode: newCreditCode(),
    userId: `matrix-${randomUUID()}`,
  };

  beforeAll(async () => {
    apps = await startApps();
    const inspector = as(apps.api, 'inspector', '430102');
    const admin = as(apps.api, 'admin', '430102');
    expect((await inspector.post('/cases').send(openingBody(fixtures.caseNumber))).status).toBe(201);
    const evidence = await as(apps.api, 'unit', UNIT_A)
      .post(`/cases/${fixtures.caseNumber}/evidence`)
      .field('kind', 'photo')
      .attach('file', plainJpeg(), { filename: 'photo.jpg', contentType: 'image/jpeg' });
    expect(evidence.status).toBe(201);
    fixtures.evidenceId = evidence.body.id;
    const dataSource = await connectTestDatabase();
    try {
      [fixtures.notificationKey = ''] = await seedNotifications(dataSource, 1, 'MATRIX');
    } finally {
      await dataSource.destroy();
    }
    const created = [
      await admin
        .post('/admin/jurisdictions')
        .send({ code: fixtures.jurisdictionCode, name: '访问矩阵区', parentCode: '430100' }),
      await admin.post('/admin/units').send({
        creditCode: fixtures.unitCreditCode,
        name: '访问矩阵宾馆',
        jurisdictionCode: '430102',
        address: '长沙',
      }),
      await admin
        .post('/admin/users')
        .send({ id: fixtures.userId, displayName: '矩阵', role: 'inspector', jurisdictionCode: '430102' }),
    ];
    expect(created.map((response) => response.status)).toEqual([201, 201, 201]);
    for (const endpoint of COMMAND_ENDPOINTS) {
      const caseNumber = uniqueCaseNumber('M');
      const opened = await inspector.post('/cases').send(openingBody(caseNumber));
      expect(opened.status).toBe(201);
      caseFor.set(endpoint.command, caseNumber);
    }
  });

  afterAll(async () => {
    await apps.close();
  });

  it.each(COMMAND_ENDPOINTS.map((e) => [e.command, e] as const))(
    'POST /cases/:n/… for %s',
    async (command, endpoint) => {
      const caseNumber = caseFor.get(command) ?? '';
      const url = `/cases/${caseNumber}/${endpoint.path}`;
      const allowed: readonly Role[] = COMMAND_ROLES[command];
      const observed: Record<string, number> = {};
      const expected: Record<string, number | 'authorized'> = {};

      observed['anonymous'] = (await client(apps.api, null).post(url).send(endpoint.body)).status;
      expected['anonymous'] = 401;
      for (const role of ROLES) {
        const { inside, outside } = scopes(role);
        observed[`${role} outside`] = (await as(apps.api, role, outside).post(url).send(endpoint.body)).status;
        expected[`${role} outside`] = 404;
        if (!allowed.includes(role)) {
          observed[`${role} inside`] = (await as(apps.api, role, inside).post(url).send(endpoint.body)).status;
          expected[`${role} inside`] = role === 'admin' ? 404 : 403;
        }
      }
      // Allowed roles go last, because their commands may change the case.
      for (const role of allowed) {
        const status = (await as(apps.api, role, scopes(role).inside).post(url).send(endpoint.body)).status;
        observed[`${role} inside`] = status;
        expected[`${role} inside`] = 'authorized';
      }

      const normalized = Object.fromEntries(
        Object.entries(observed).map(([who, status]) => [
          who,
          expected[who] === 'authorized' && AUTHORIZED(status) ? 'authorized' : status,
        ]),
      );
      expect(normalized).toEqual(expected);
    },
  );

  it('GET /cases: lists and counts only what the caller may see', async () => {
    const inspector = as(apps.api, 'inspector', '430102');
    const otherUnitCase = uniqueCaseNumber('OTHER');
    await inspector.post('/cases').send(openingBody(otherUnitCase, UNIT_B));

    const unitA = await as(apps.api, 'unit', UNIT_A).get('/cases?limit=100');
    const unitB = await as(apps.api, 'unit', UNIT_B).get('/cases?limit=100');
    const sibling = await as(apps.api, 'brigade_leader', '430103').get('/cases?limit=100');
    const province = await as(apps.api, 'government_leader', '430000').get('/cases?limit=100');
    const admin = await as(apps.api, 'admin', '430000').get('/cases');
    const anonymous = await client(apps.api, null).get('/cases');

    expect(anonymous.status).toBe(401);
    expect(
      unitA.body.items.every(
        (c: { responsibleUnit: { creditCode: string } }) => c.responsibleUnit.creditCode === UNIT_A,
      ),
    ).toBe(true);
    expect(unitA.body.items.map((c: { caseNumber: string }) => c.caseNumber)).not.toContain(otherUnitCase);
    expect(unitB.body.items.map((c: { caseNumber: string }) => c.caseNumber)).toContain(otherUnitCase);
    expect(unitB.body.total).toBe(unitB.body.items.length);
    expect(sibling.body.total).toBe(0);
    expect(sibling.body.items).toEqual([]);
    expect(province.body.total).toBeGreaterThanOrEqual(COMMAND_ENDPOINTS.length + 1);
    expect(admin.body.total).toBe(0);
  });

  it('covers every route the API serves', async () => {
    const document = (await client(apps.api, null).get('/docs/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = routerRoutes(apps).filter((route) => !route.includes(' /docs'));
    const covered = new Set([
      ...ROUTE_CHECKS.map((check) => check.route),
      ...COMMAND_ENDPOINTS.map((endpoint) => `POST /cases/{caseNumber}/${endpoint.route ?? endpoint.path}`),
    ]);

    expect(served.length).toBeGreaterThan(50);
    expect([...new Set(served)].sort()).toEqual([...new Set(documented)].sort());
    // A route missing here has no row in the matrix: add it to ROUTE_CHECKS or COMMAND_ENDPOINTS.
    expect(served.filter((route) => !covered.has(route))).toEqual([]);
    expect([...covered].filter((route) => !served.includes(route))).toEqual([]);
  });

  it.each(ROUTE_CHECKS.map((check) => [check.variant ? `${check.route} (${check.variant})` : check.route, check]))(
    '%s',
    async (_name, check) => {
      const observed: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const caller of CALLERS) {
        const response = await check.send(callerClient(apps, caller), caller, fixtures);
        observed[caller] = response.status;
        expected[caller] = check.expected(caller);
      }
      expect(observed).toEqual(expected);
    },
  );

  it('hides cases outside the caller’s scope', async () => {
    const { caseNumber, evidenceId } = fixtures;
    const missing = uniqueCaseNumber('NONE');
    const unitB = as(apps.api, 'unit', UNIT_B);
    const otherUnit = [
      await unitB.get(`/cases/${caseNumber}`),
      await unitB.get(`/cases/${caseNumber}/evidence`),
      await unitB.get(`/cases/${caseNumber}/evidence/${evidenceId}`),
      await unitB.get(`/cases/${caseNumber}/evidence/${evidenceId}/content`),
    ];
    const unknown = await unitB.get(`/cases/${missing}/evidence/${evidenceId}/content`);
    const inside = await as(apps.api, 'inspector', '430102').get(
      `/reports/four-lists/hazards?jurisdiction=430102&from=${today}`,
    );
    const sibling = await as(apps.api, 'inspector', '430103').get(
      `/reports/four-lists/hazards?jurisdiction=430103&from=${today}`,
    );
    const siblingStatistics = await as(apps.api, 'brigade_leader', '430103').get(
      `/reports/statistics?jurisdiction=430103&from=${today}`,
    );
    const parentStatistics = await as(apps.api, 'government_leader', '430100').get(
      `/reports/statistics?jurisdiction=430100&from=${today}`,
    );
    const listing = (scope: string, number: string) =>
      as(apps.api, 'government_leader', scope)
        .post('/listings')
        .send(batchListingBody(number, { jurisdictionCode: scope, name: '株洲市人民政府' }));
    const outsideListing = await listing('430200', caseNumber);
    const unknownListing = await listing('430200', missing);

    for (const response of otherUnit) {
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('case_not_found');
    }
    expect(unknown.body.detail).toBe(otherUnit[3]?.body.detail.replace(caseNumber, missing));
    expect(inside.text).toContain(caseNumber);
    expect(sibling.status).toBe(200);
    expect(sibling.text).not.toContain(caseNumber);
    expect(Object.keys(siblingStatistics.body.byJurisdiction)).not.toContain('430102');
    expect(parentStatistics.body.byJurisdiction['430102']).toBeGreaterThanOrEqual(1);
    expect(outsideListing.body.outcomes[0].status).toBe('rejected');
    expect(outsideListing.body.outcomes[0].detail).toBe(
      unknownListing.body.outcomes[0].detail.replace(missing, caseNumber),
    );
  });

  it('rejects tokens that are forged, expired or missing claims', async () => {
    const forged = 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYWRtaW4ifQ.c2lnbmF0dXJl';
    const expired = `Bearer ${jwt.sign({ role: 'inspector', jurisdiction: '430102' }, TEST_JWT_SECRET, { subject: 'x', expiresIn: -10 })}`;
    const noJurisdiction = `Bearer ${jwt.sign({ role: 'inspector' }, TEST_JWT_SECRET, { subject: 'x', expiresIn: '1h' })}`;
    const unknownRole = `Bearer ${jwt.sign({ role: 'mayor', jurisdiction: '430102' }, TEST_JWT_SECRET, { subject: 'x', expiresIn: '1h' })}`;
    const responses = await Promise.all(
      [forged, expired, noJurisdiction, unknownRole, 'Basic dXNlcjpwYXNz'].map((header) =>
        client(apps.api, header).get('/cases'),
      ),
    );

    for (const response of responses) {
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
      expect(response.body.code).toBe('unauthorized');
    }
  });
});
