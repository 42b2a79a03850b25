import request from 'supertest';

import { startApps, type RunningApps } from '../support/apps';

interface FieldError {
  field: string;
  message: string;
}

describe('calendar deadline API', () => {
  let apps: RunningApps;

  beforeAll(async () => {
    apps = await startApps();
  });

  afterAll(async () => {
    await apps.close();
  });

  const get = (query: string, language?: string) => {
    const pending = request(apps.api.getHttpServer()).get(`/calendar/deadline?${query}`);
    return language === undefined ? pending : pending.set('Accept-Language', language);
  };

  it('counts 7 working days from 2025-09-26', async () => {
    const response = await get('from=2025-09-26&workingDays=7');

    expect(response.status).toBe(200);
    expect(response.headers['content-language']).toBe('zh-CN');
    expect(response.body).toEqual({
      due: '2025-10-13',
      dueAt: '2025-10-13T16:00:00.000Z',
      provisional: false,
      explanation: '自 2025-09-26 起 7 个工作日，截止 2025-10-13；10月1日至8日放假；9月28日、10月11日调休上班',
    });
  });

  it('explains in English when Accept-Language prefers it', async () => {
    const response = await get('from=2025-09-26&workingDays=7', 'en-US,en;q=0.9,zh;q=0.5');

    expect(response.status).toBe(200);
    expect(response.headers['content-language']).toBe('en');
    expect(response.body.explanation).toBe(
      '7 working days from 2025-09-26, due 2025-10-13; 1–8 October are days off; ' +
        '28 September and 11 October are make-up working days',
    );
  });

  it('marks a deadline in 2027 provisional', async () => {
    const response = await get('from=2027-03-01&workingDays=5', 'en');

    expect(response.status).toBe(200);
    expect(response.body.due).toBe('2027-03-08');
    expect(response.body.provisional).toBe(true);
    expect(response.body.explanation).toBe(
      '5 working days from 2027-03-01, due 2027-03-08; provisional: no official schedule is loaded for 2027, ' +
        'so that year counts as plain weeks with Monday to Friday working',
    );
  });

  it('rolls calendar days unless rollForward=false', async () => {
    const rolled = await get('from=2025-09-05&calendarDays=30');
    const fixed = await get('from=2025-09-05&calendarDays=30&rollForward=false');

    expect(rolled.status).toBe(200);
    expect(rolled.body.due).toBe('2025-10-09');
    expect(rolled.body.dueAt).toBe('2025-10-09T16:00:00.000Z');
    expect(fixed.status).toBe(200);
    expect(fixed.body.due).toBe('2025-10-05');
    expect(fixed.body.provisional).toBe(false);
  });

  it.each([
    // [query, fields named, English message of the first field]
    [
      'from=2025-09-26',
      ['query.workingDays', 'query.calendarDays'],
      'is missing; send either workingDays or calendarDays',
    ],
    [
      'from=2025-09-26&workingDays=7&calendarDays=7',
      ['query.workingDays', 'query.calendarDays'],
      'cannot be combined with the other period; send only one of workingDays and calendarDays',
    ],
    ['workingDays=7', ['query.from'], 'is required; send a value'],
    [
      'from=2025-02-29&workingDays=7',
      ['query.from'],
      'must be a real calendar date in the form YYYY-MM-DD, for example 2025-09-26',
    ],
    ['from=2025-09-26&workingDays=-1', ['query.workingDays'], 'must be at least 0'],
    ['from=2025-09-26&workingDays=1001', ['query.workingDays'], 'must be at most 1000'],
    ['from=2025-09-26&workingDays=1.5', ['query.workingDays'], 'must be a whole number'],
    ['from=2025-09-26&workingDays=', ['query.workingDays'], 'must be a whole number'],
    ['from=2025-09-26&calendarDays=3651', ['query.calendarDays'], 'must be at most 3650'],
    ['from=2025-09-26&calendarDays=30&rollForward=no', ['query.rollForward'], 'must be true or false'],
    [
      'from=2025-09-26&workingDays=7&rollForward=false',
      ['query.rollForward'],
      'applies only to calendarDays; remove it or send calendarDays instead of workingDays',
    ],
    [
      'from=9999-12-01&calendarDays=3650',
      ['query.calendarDays'],
      'would put the deadline after 9999-12-31; send an earlier from date or a shorter period',
    ],
    ['from=2025-09-26&workingDays=7&days=7', ['query.days'], 'is not a known field; remove it'],
  ])('rejects %s with a problem naming the parameter', async (query, fields, message) => {
    const response = await get(query, 'en');

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('invalid_request');
    const errors = response.body.errors as FieldError[];
    expect(errors.map((error) => error.field)).toEqual(fields);
    expect(errors[0]?.message).toBe(message);
  });

  it('explains a missing period in Chinese by default', async () => {
    const response = await get('from=2025-09-26');

    expect(response.status).toBe(400);
    expect(response.body.detail).toBe('以下字段无效：query.workingDays, query.calendarDays');
    expect((response.body.errors as FieldError[])[0]?.message).toBe(
      '缺少期限，请提供 workingDays（工作日数）或 calendarDays（自然日数）其中之一',
    );
  });
});
