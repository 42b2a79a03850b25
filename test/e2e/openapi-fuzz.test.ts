import fc from 'fast-check';

import { startApps, uniqueCaseNumber, type RunningApps } from '../support/apps';
import { as, client, openingBody } from '../support/http';

interface OpenApiOperation {
  requestBody?: unknown;
  parameters?: { name: string; in: string }[];
}

type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

const RUNS_PER_ROUTE = 25;
const FUZZ_JURISDICTION = '430187';
const FUZZ_UNIT = '91430102MA4L0FUX00';
const FUZZ_USER = 'fuzzed-user';

/** A JSON value of any shape, biased towards the field types DTOs expect. */
const anyJson = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxKeys: 4 }),
  fc.constantFrom('2025-02-30', '9999-12-31', '', ' ', '430102', '91430102MA4L0Q0B18', '\u0000', 'a'.repeat(3000)),
);

/**
 * Sends generated bodies to every route with a request body in the OpenAPI document and checks that
 * none answers 5xx: bad input of any shape is a 4xx, never an unhandled error.
 */
describe('generated requests from the OpenAPI document', () => {
  let apps: RunningApps;
  let document: OpenApiDocument;
  let caseNumber: string;

  beforeAll(async () => {
    apps = await startApps();
    caseNumber = uniqueCaseNumber('FUZZ');
    const opened = await as(apps.api, 'inspector', '430102').post('/cases').send(openingBody(caseNumber));
    expect(opened.status).toBe(201);
    document = (await client(apps.api, null).get('/docs/openapi.json')).body as OpenApiDocument;
    // A division, unit and user of this test's own, so generated PATCH bodies change nothing other tests use.
    const admin = as(apps.api, 'admin', '430000');
    const division = await admin
      .post('/admin/jurisdictions')
      .send({ code: FUZZ_JURISDICTION, name: '生成测试区', parentCode: '430100' });
    const unit = await admin
      .post('/admin/units')
      .send({ creditCode: FUZZ_UNIT, name: '生成测试单位', jurisdictionCode: '430102', address: '长沙' });
    const user = await admin
      .post('/admin/users')
      .send({ id: FUZZ_USER, displayName: '生成测试', role: 'inspector', jurisdictionCode: '430102' });
    expect([division.status, unit.status, user.status]).toEqual([201, 201, 201]);
  });

  afterAll(async () => {
    await apps.close();
  });

  it('documents the command routes', () => {
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/cases',
        '/cases/{caseNumber}/determination',
        '/cases/{caseNumber}/listing',
        '/listings',
      ]),
    );
  });

  it('answers no generated body with a 5xx', async () => {
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(
          ([method, operation]) => ['post', 'put', 'patch'].includes(method) && operation.requestBody !== undefined,
        )
        .map(([method]) => ({ method: method as 'post' | 'put' | 'patch', path })),
    );
    expect(routes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const route of routes) {
      const url = route.path
        .replace('{caseNumber}', caseNumber)
        .replace('{escalationId}', 'x')
        .replace('{year}', '2040')
        .replace('{code}', FUZZ_JURISDICTION)
        .replace('{creditCode}', FUZZ_UNIT)
        .replace('{id}', FUZZ_USER);
      const user = route.path.startsWith('/admin')
        ? as(apps.api, 'admin', '430000')
        : as(apps.api, 'brigade_leader', '430102');
      await fc
        .assert(
          fc.asyncProperty(
            fc.oneof(anyJson, fc.dictionary(fc.constantFrom(...fieldNames()), anyJson, { maxKeys: 6 })),
            async (body) => {
              const response = await user[route.method](url).send(body as object);
              if (response.status >= 500)
                failures.push(
                  `${route.method.toUpperCase()} ${route.path} ${JSON.stringify(body).slice(0, 200)} → ${response.status}`,
                );
              return response.status < 500;
            },
          ),
          { numRuns: RUNS_PER_ROUTE, seed: 20261204 },
        )
        .catch(() => undefined);
    }

    expect(failures).toEqual([]);
  });
});

/** Field names that appear in the DTOs, so generated objects often hit real properties. */
function fieldNames(): string[] {
  return [
    'caseNumber',
    'responsibleUnit',
    'jurisdictionCode',
    'placeType',
    'address',
    'discoveredOn',
    'discoverySource',
    'hazardItems',
    'items',
    'outcome',
    'decidedOn',
    'participants',
    'clauses',
    'expertReview',
    'documentNumber',
    'servedOn',
    'deadline',
    'reportedOn',
    'government',
    'sealedOn',
    'scope',
    'days',
    'liftedOn',
    'listedOn',
    'level',
    'responsiblePerson',
    'supervisingDepartment',
    'reportingIntervalMonths',
    'plan',
    'summary',
    'requestedDeadline',
    'approved',
    'newDeadline',
    'passed',
    'findings',
    'heldOn',
    'attendees',
    'minutes',
    'commitment',
    'instruction',
    'reason',
    'code',
    'name',
    'parentCode',
    'active',
    'creditCode',
    'id',
    'displayName',
    'role',
    'unitCreditCode',
    'cases',
    'daysOff',
    'makeUpWorkingDays',
    'source',
    'policy',
    'inspectedOn',
    'elements',
    'exclusions',
  ];
}
