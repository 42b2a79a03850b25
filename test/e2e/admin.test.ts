import { DEFAULT_ESCALATION_POLICY, MINUTES_ESCALATION_POLICY } from '@duban/domain';
import { ConfigurationRepository } from '@duban/persistence';

import { startApps, type RunningApps } from '../support/apps';
import { as } from '../support/http';

/** Days off for a test schedule of 2031, more than its 13 statutory holiday days. */
const DAYS_OFF_2031 = [
  ...['2031-01-01', '2031-01-02', '2031-01-03'],
  ...['2031-01-22', '2031-01-23', '2031-01-24', '2031-01-25', '2031-01-26', '2031-01-27', '2031-01-28'],
  ...['2031-04-05', '2031-04-06', '2031-04-07'],
  ...['2031-05-01', '2031-05-02', '2031-05-03', '2031-05-04', '2031-05-05'],
  ...['2031-10-01', '2031-10-02', '2031-10-03', '2031-10-04', '2031-10-05', '2031-10-06', '2031-10-07'],
];

describe('administration of calendars and escalation policies', () => {
  let apps: RunningApps;

  beforeAll(async () => {
    apps = await startApps();
  });

  afterAll(async () => {
    await apps.close();
  });

  it('loads a year schedule that the worker then uses', async () => {
    const admin = as(apps.api, 'admin', '430000');
    const schedule = {
      daysOff: DAYS_OFF_2031,
      makeUpWorkingDays: [],
      source: '国务院办公厅关于2031年部分节假日安排的通知（测试）',
    };

    const loaded = await admin.put('/admin/calendar-years/2031').send(schedule);
    const listed = await admin.get('/admin/calendar-years');
    const deadline = await admin.get('/calendar/deadline?from=2030-12-31&workingDays=1');

    expect(loaded.status).toBe(200);
    expect(loaded.body.year).toBe(2031);
    expect(loaded.body.failedSignals).toBe(0);
    expect(listed.body.years).toContain(2031);
    expect(listed.body.years).toContain(2026);
    expect(listed.body.loaded.map((row: { year: number }) => row.year)).toContain(2031);
    // 1 to 3 January 2031 are days off in the loaded schedule, and 4 and 5 January a weekend.
    expect(deadline.body.due).toBe('2031-01-06');
    expect(deadline.body.provisional).toBe(false);
  });

  it('rejects a bad schedule naming the field, and anyone but an administrator', async () => {
    const admin = as(apps.api, 'admin', '430000');
    const badDate = await admin
      .put('/admin/calendar-years/2031')
      .send({ daysOff: ['2031-02-30'], makeUpWorkingDays: [], source: 'x' });
    const weekday = await admin
      .put('/admin/calendar-years/2031')
      .send({ daysOff: DAYS_OFF_2031, makeUpWorkingDays: ['2031-01-06'], source: '2031-01-06 is a Monday' });
    const noDaysOff = await admin
      .put('/admin/calendar-years/2031')
      .send({ daysOff: [], makeUpWorkingDays: [], source: '空的放假安排' });
    const leader = await as(apps.api, 'government_leader', '430000').put('/admin/calendar-years/2031').send({
      daysOff: [],
      makeUpWorkingDays: [],
      source: 'x',
    });

    expect(badDate.status).toBe(400);
    expect(badDate.body.errors[0].field).toBe('daysOff');
    expect(noDaysOff.status).toBe(400);
    expect(noDaysOff.body.errors.map((e: { field: string }) => e.field)).toEqual(['daysOff']);
    expect(weekday.status).toBe(422);
    expect(weekday.body.detail).toContain('2031-01-06');
    expect(leader.status).toBe(403);
  });

  it('rejects a schedule short of the statutory holidays', async () => {
    const admin = as(apps.api, 'admin', '430000');
    const partial = { daysOff: ['2031-01-01', '2031-05-01', '2031-10-01'], makeUpWorkingDays: [], source: '测试通知' };
    // Thirteen Saturdays and Sundays: as many dates as statutory days, but no weekday off among them.
    const weekends = {
      ...partial,
      daysOff: [
        ...['2031-03-01', '2031-03-02', '2031-03-08', '2031-03-09', '2031-03-15', '2031-03-16', '2031-03-22'],
        ...['2031-03-23', '2031-03-29', '2031-03-30', '2031-04-05', '2031-04-06', '2031-04-12'],
      ],
    };

    const response = await admin.put('/admin/calendar-years/2031').set('Accept-Language', 'en').send(partial);
    const weekendsOnly = await admin.put('/admin/calendar-years/2031').set('Accept-Language', 'en').send(weekends);
    const before = await admin.put('/admin/calendar-years/2007').send(partial);

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        field: 'daysOff',
        message:
          "lists 3 weekdays off, fewer than the 13 statutory holiday days of 2031, which are made up on weekdays when they fall on a weekend; the list replaces the whole year's schedule, so send every day off of the year",
      },
    ]);
    expect(weekendsOnly.status).toBe(400);
    expect(weekendsOnly.body.errors[0].message).toMatch(/^lists 0 weekdays off/);
    // No count is checked before 2008, so the list for 2007 fails only because its dates are not in 2007.
    expect(before.status).toBe(422);
  });

  it('names the year and regional dates of a bad schedule', async () => {
    const admin = as(apps.api, 'admin', '430000');
    const schedule = { daysOff: ['2031-01-01'], makeUpWorkingDays: [], source: '测试通知' };
    const put = (path: string, body: object) => admin.put(path).set('Accept-Language', 'en').send(body);
    const fields = (response: { body: { errors: { field: string }[] } }) => response.body.errors.map((e) => e.field);

    const word = await put('/admin/calendar-years/abc', schedule);
    const tooEarly = await put('/admin/calendar-years/1899', schedule);
    const nested = await put('/admin/calendar-years/2031', {
      ...schedule,
      regionalDaysOff: { '54': [['2031-02-07']] },
    });
    const notArray = await put('/admin/calendar-years/2031', { ...schedule, regionalDaysOff: { '54': '2031-02-07' } });
    const badKey = await put('/admin/calendar-years/2031', { ...schedule, regionalDaysOff: { Tibet: ['2031-02-07'] } });

    expect(word.status).toBe(400);
    expect(word.body.code).toBe('invalid_request');
    expect(fields(word)).toEqual(['path.year']);
    expect(word.body.errors[0].message).toContain('1900 to 9999');
    expect(tooEarly.status).toBe(400);
    expect(fields(tooEarly)).toEqual(['path.year']);
    expect(nested.status).toBe(400);
    expect(nested.body.code).toBe('invalid_request');
    expect(fields(nested)).toEqual(['regionalDaysOff.54[0]']);
    expect(nested.body.errors[0].message).toContain('YYYY-MM-DD');
    expect(notArray.status).toBe(400);
    expect(fields(notArray)).toEqual(['regionalDaysOff.54']);
    expect(badKey.status).toBe(400);
    expect(fields(badKey)).toEqual(['regionalDaysOff.Tibet']);
  });

  it('versions escalation policies and chooses the most specific one', async () => {
    const admin = as(apps.api, 'admin', '430000');
    const { version: _version, ...policy } = { ...MINUTES_ESCALATION_POLICY, id: 'changsha-test' };

    const first = await admin.post('/admin/escalation-policies').send({ jurisdictionCode: '430100', policy });
    const second = await admin
      .post('/admin/escalation-policies')
      .send({ jurisdictionCode: '430100', listingLevel: 'city', policy });
    const invalid = await admin
      .post('/admin/escalation-policies')
      .send({ policy: { ...policy, interviewAfter: { unit: 'weeks', amount: 2 } } });
    const listed = await admin.get('/admin/escalation-policies');

    expect(first.status).toBe(201);
    expect(first.body.version).toBe(1);
    expect(second.body.version).toBe(2);
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors[0].field).toBe('policy.interviewAfter.unit');
    const versions = listed.body.filter((row: { policy: { id: string } }) => row.policy.id === 'changsha-test');
    expect(
      versions.map((row: { jurisdictionPrefix: string; listingLevel: string | null }) => [
        row.jurisdictionPrefix,
        row.listingLevel,
      ]),
    ).toEqual([
      ['4301', null],
      ['4301', 'city'],
    ]);
    const configuration = apps.worker.get(ConfigurationRepository);
    expect((await configuration.policyFor('430102', 'city')).version).toBe(2);
    expect((await configuration.policyFor('430102', null)).version).toBe(1);
    expect((await configuration.policyFor('440100', 'city')).id).toBe(DEFAULT_ESCALATION_POLICY.id);
  });

  it('rejects an escalation policy that breaks the ladder rules', async () => {
    const admin = as(apps.api, 'admin', '430000');
    const { version: _version, ...valid } = { ...MINUTES_ESCALATION_POLICY, id: 'nonsense-test' };
    const minutes = (amount: number) => ({ unit: 'minutes', amount });
    const save = (body: object) => admin.post('/admin/escalation-policies').set('Accept-Language', 'en').send(body);
    const fields = (response: { body: { errors: { field: string }[] } }) => response.body.errors.map((e) => e.field);

    const interviewFirst = await save({ policy: { ...valid, interviewAfter: minutes(1) } });
    const zeroRungs = await save({
      policy: { ...valid, supervisoryLetterAfter: minutes(0), acknowledgementWithin: minutes(0) },
    });
    const ascending = await save({ policy: { ...valid, remindersBefore: [minutes(1), minutes(3)] } });
    const repeated = await save({ policy: { ...valid, remindersBefore: [minutes(3), minutes(3)] } });
    const mixedUnits = await save({
      policy: { ...valid, interviewAfter: { unit: 'working_days', amount: 1 }, exposureProposalAfter: minutes(6) },
    });
    const unknownJurisdiction = await save({ jurisdictionCode: '439999', policy: valid });
    const inactiveJurisdiction = await admin
      .post('/admin/jurisdictions')
      .send({ code: '430189', name: '策略测试区', parentCode: '430100', active: false });
    const inactive = await save({ jurisdictionCode: '430189', policy: valid });
    const listed = await admin.get('/admin/escalation-policies');

    expect(interviewFirst.status).toBe(400);
    expect(interviewFirst.body.code).toBe('invalid_request');
    expect(fields(interviewFirst)).toEqual(['policy.interviewAfter']);
    expect(interviewFirst.body.errors[0].message).toContain('must come after supervisoryLetterAfter');
    expect(zeroRungs.status).toBe(400);
    expect(fields(zeroRungs)).toEqual(['policy.supervisoryLetterAfter.amount', 'policy.acknowledgementWithin.amount']);
    expect(ascending.status).toBe(400);
    expect(fields(ascending)).toEqual(['policy.remindersBefore[1]']);
    expect(ascending.body.errors[0].message).toContain('farthest first');
    expect(repeated.status).toBe(400);
    expect(fields(repeated)).toEqual(['policy.remindersBefore[1]']);
    expect(mixedUnits.status).toBe(400);
    expect(fields(mixedUnits)).toEqual(['policy.exposureProposalAfter']);
    expect(unknownJurisdiction.status).toBe(422);
    expect(unknownJurisdiction.body.code).toBe('reference_not_usable');
    expect(fields(unknownJurisdiction)).toEqual(['jurisdictionCode']);
    expect(inactiveJurisdiction.status).toBe(201);
    expect(inactive.status).toBe(422);
    expect(fields(inactive)).toEqual(['jurisdictionCode']);
    const saved = listed.body.filter((row: { policy: { id: string } }) => row.policy.id === 'nonsense-test');
    expect(saved).toEqual([]);
  });
});
