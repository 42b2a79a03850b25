import jwt from 'jsonwebtoken';

import { COMMAND_ROLES, ROLES, type CommandType, type Role } from '@duban/domain';

import { startApps, uniqueCaseNumber, type RunningApps } from '../support/apps';
import { as, chinaToday, client, openingBody, UNIT_A, UNIT_B } from '../support/http';
import { TEST_JWT_SECRET } from '../support/tokens';

const today = chinaToday();
const GOVERNMENT = { jurisdictionCode: '430102', name: '长沙市芙蓉区人民政府' };

/** Every command endpoint with a body that is valid in form, so only authorization and stage decide. */
const COMMAND_ENDPOINTS: readonly { command: CommandType; path: string; body: object }[] = [
  { command: 'record_hazard_items', path: 'hazard-items', body: { items: [{ description: '疏散通道堵塞' }] } },
  { command: 'start_determination', path: 'determination/start', body: {} },
  {
    command: 'record_determination',
    path: 'determination',
    body: { outcome: 'major', decidedOn: today, participants: ['甲', '乙', '丙'], clauses: [] },
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
    command: 'record_interview',
    path: 'interviews',
    body: { heldOn: today, attendees: ['法定代表人'], minutes: '纪要', commitment: '承诺' },
  },
  { command: 'acknowledge_escalation', path: 'escalations/none@2026-01-01/acknowledgement', body: {} },
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

describe('access matrix: every endpoint, every role, inside and outside scope', () => {
  let apps: RunningApps;
  const caseFor = new Map<string, string>();

  beforeAll(async () => {
    apps = await startApps();
    const inspector = as(apps.api, 'inspector', '430102');
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

  it('GET /cases/:n and its events: visible inside scope only', async () => {
    const caseNumber = caseFor.get('start_determination') ?? '';
    for (const path of [`/cases/${caseNumber}`, `/cases/${caseNumber}/events`]) {
      const observed: Record<string, number> = { anonymous: (await client(apps.api, null).get(path)).status };
      for (const role of ROLES) {
        const { inside, outside } = scopes(role);
        observed[`${role} inside`] = (await as(apps.api, role, inside).get(path)).status;
        observed[`${role} outside`] = (await as(apps.api, role, outside).get(path)).status;
      }
      expect(observed).toEqual({
        anonymous: 401,
        ...Object.fromEntries(
          ROLES.flatMap((role) => [
            [`${role} inside`, role === 'admin' ? 404 : 200],
            [`${role} outside`, 404],
          ]),
        ),
      });
    }
  });

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

  it('POST /cases: only inspectors and brigade leaders, within their jurisdiction', async () => {
    const observed: Record<string, number> = {
      anonymous: (
        await client(apps.api, null)
          .post('/cases')
          .send(openingBody(uniqueCaseNumber('P')))
      ).status,
    };
    for (const role of ROLES) {
      const { inside, outside } = scopes(role);
      const inScope = role === 'government_leader' || role === 'government_officer' ? '430102' : inside;
      observed[`${role} inside`] = (
        await as(apps.api, role, inScope)
          .post('/cases')
          .send(openingBody(uniqueCaseNumber('P')))
      ).status;
      observed[`${role} outside`] = (
        await as(apps.api, role, outside)
          .post('/cases')
          .send(openingBody(uniqueCaseNumber('P')))
      ).status;
    }

    expect(observed).toEqual({
      anonymous: 401,
      'inspector inside': 201,
      'inspector outside': 400,
      'brigade_leader inside': 201,
      'brigade_leader outside': 400,
      'government_officer inside': 403,
      'government_officer outside': 403,
      'government_leader inside': 403,
      'government_leader outside': 403,
      'unit inside': 403,
      'unit outside': 403,
      'admin inside': 403,
      'admin outside': 403,
    });
  });

  it('inbox, audit, batch listing and public endpoints', async () => {
    const observed = {
      inboxAnonymous: (await client(apps.api, null).get('/inbox')).status,
      inboxUnit: (await as(apps.api, 'unit', UNIT_A).get('/inbox')).status,
      inboxLeader: (await as(apps.api, 'government_leader', '430102').get('/inbox')).status,
      auditAnonymous: (await client(apps.api, null).get('/audit/verify')).status,
      auditInspector: (await as(apps.api, 'inspector', '430102').get('/audit/verify')).status,
      auditUnit: (await as(apps.api, 'unit', UNIT_A).get('/audit/verify')).status,
      auditAdmin: (await as(apps.api, 'admin', '430000').get('/audit/verify')).status,
      auditLeader: (await as(apps.api, 'government_leader', '430000').get('/audit/verify')).status,
      listingsAnonymous: (await client(apps.api, null).post('/listings').send({})).status,
      health: (await client(apps.api, null).get('/health')).status,
      calendar: (await client(apps.api, null).get('/calendar/deadline?from=2025-09-26&workingDays=7')).status,
      rulesets: (await client(apps.api, null).get('/determination/rulesets')).status,
    };

    expect(observed).toEqual({
      inboxAnonymous: 401,
      inboxUnit: 200,
      inboxLeader: 200,
      auditAnonymous: 401,
      auditInspector: 403,
      auditUnit: 403,
      auditAdmin: 200,
      auditLeader: 200,
      listingsAnonymous: 401,
      health: 200,
      calendar: 200,
      rulesets: 200,
    });
  });

  it('rejects tokens that are forged, expired or missing claims', async () => {
    const forged = 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYWRtaW4ifQ.c2lnbmF0dXJl';
    const expired = `Bearer ${jwt.sign({ role: 'inspector', jurisdiction: '430102' }, TEST_JWT_SECRET, { subject: 'x', expiresIn: -10 })}`;
    const noJurisdiction = `Bearer ${jwt.sign({ role: 'inspector' }, TEST_JWT_SECRET, { subject: 'x' })}`;
    const unknownRole = `Bearer ${jwt.sign({ role: 'mayor', jurisdiction: '430102' }, TEST_JWT_SECRET, { subject: 'x' })}`;
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
