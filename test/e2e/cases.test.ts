import { connect, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';

import jwt from 'jsonwebtoken';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { startApps, uniqueCaseNumber, type RunningApps } from '../support/apps';
import { bearer, TEST_JWT_SECRET, tokenFor } from '../support/tokens';

function openingBody(caseNumber: string) {
  return {
    caseNumber,
    responsibleUnit: { name: '某某宾馆有限公司', creditCode: '91350100M000100Y43' },
    jurisdictionCode: '430102',
    placeType: 'hotel',
    address: '长沙市芙蓉区某某路 1 号',
    discoveredOn: '2025-09-26',
    discoverySource: 'inspection',
    hazardItems: [{ description: '自动喷水灭火系统未保持正常运行', location: '地下一层' }],
  };
}

const INSPECTOR = bearer('inspector', '430102');

describe('cases API over a running worker', () => {
  let apps: RunningApps;

  /** Requests as a signed-in user. */
  function as(authorization: string) {
    const server = apps.api.getHttpServer();
    return {
      get: (url: string) => request(server).get(url).set('Authorization', authorization),
      post: (url: string) => request(server).post(url).set('Authorization', authorization),
      put: (url: string) => request(server).put(url).set('Authorization', authorization),
      delete: (url: string) => request(server).delete(url).set('Authorization', authorization),
    };
  }

  /** Opens a case from raw bytes, which superagent would otherwise send as a JSON object of a Buffer. */
  function postCaseBytes(bytes: Buffer, contentType: string) {
    return as(INSPECTOR)
      .post('/cases')
      .set('Content-Type', contentType)
      .serialize(() => bytes as unknown as string)
      .send(bytes);
  }

  beforeAll(async () => {
    apps = await startApps();
  });

  afterAll(async () => {
    await apps.close();
  });

  it('opens a case and reads it back', async () => {
    const caseNumber = uniqueCaseNumber();

    const opened = await as(INSPECTOR).post('/cases').send(openingBody(caseNumber));

    expect(opened.status).toBe(201);
    expect(opened.headers['location']).toBe(`/cases/${caseNumber}`);
    expect(opened.body.stage).toBe('discovered');
    expect(opened.body.lastSequence).toBe(1);
    const read = await as(INSPECTOR).get(`/cases/${caseNumber}`);
    expect(read.status).toBe(200);
    expect(read.body.caseNumber).toBe(caseNumber);
    expect(read.body.responsibleUnit).toEqual({ name: '某某宾馆有限公司', creditCode: '91350100M000100Y43' });
    expect(read.body.hazardItems).toEqual([{ description: '自动喷水灭火系统未保持正常运行', location: '地下一层' }]);
    expect(read.body.discoveredOn).toBe('2025-09-26');
  });

  it('rejects an invalid body with a problem naming each field', async () => {
    const body = {
      ...openingBody('b!'),
      jurisdictionCode: '999999',
      discoveredOn: '2025-02-30',
      responsibleUnit: { name: '某某宾馆', creditCode: '91430102MA4L0Q0B19' },
      hazardItems: [],
      colour: 'red',
    };

    const response = await as(INSPECTOR).post('/cases').send(body);

    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('invalid_request');
    expect(response.body.title).toBe('请求无效');
    const fields = (response.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'caseNumber',
        'jurisdictionCode',
        'discoveredOn',
        'responsibleUnit.creditCode',
        'hazardItems',
        'colour',
      ]),
    );
    const creditCode = (response.body.errors as { field: string; message: string }[]).find(
      (e) => e.field === 'responsibleUnit.creditCode',
    );
    expect(creditCode?.message).toBe('统一社会信用代码校验位错误，按前 17 位计算应为 8，请核对');
  });

  it('answers in English when Accept-Language asks for it', async () => {
    const body = { ...openingBody(uniqueCaseNumber()), placeType: 'spaceship' };

    const response = await as(INSPECTOR).post('/cases').set('Accept-Language', 'en').send(body);

    expect(response.status).toBe(400);
    expect(response.body.title).toBe('Invalid request');
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].field).toBe('placeType');
    expect(response.body.errors[0].message).toMatch(/^must be one of: hotel, shopping_mall/);
  });

  it('rejects malformed JSON and a body that is not an object', async () => {
    const malformed = await as(INSPECTOR)
      .post('/cases')
      .set('Content-Type', 'application/json')
      .send('{"caseNumber": ');
    const array = await as(INSPECTOR)
      .post('/cases')
      .send([openingBody('x')]);

    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('malformed_json');
    expect(array.status).toBe(400);
    expect(array.body.errors).toEqual([{ field: '(body)', message: '请求体必须是 JSON 对象' }]);
  });

  it('rejects a body that is not valid UTF-8', async () => {
    const caseNumber = uniqueCaseNumber();
    const [before, after] = JSON.stringify({ ...openingBody(caseNumber), address: 'ADDRESS' }).split('ADDRESS');
    // 0xC3 starts a two-byte sequence, and 0x28 cannot continue one.
    const invalid = Buffer.concat([Buffer.from(before ?? ''), Buffer.from([0xc3, 0x28]), Buffer.from(after ?? '')]);

    const response = await postCaseBytes(invalid, 'application/json').set('Accept-Language', 'en');
    const stored = await as(INSPECTOR).get(`/cases/${caseNumber}`);

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('malformed_json');
    expect(response.body.detail).toBe(
      'The body contains bytes that are not valid UTF-8; send the JSON encoded as UTF-8',
    );
    expect(stored.status).toBe(404);
  });

  it('rejects a key sent twice', async () => {
    const caseNumber = uniqueCaseNumber();
    const body = JSON.stringify(openingBody(caseNumber));
    const twice = `${body.slice(0, -1)},"address":"另一个地址"}`;
    const nested = JSON.stringify({ ...openingBody(uniqueCaseNumber()), responsibleUnit: 'UNIT' }).replace(
      '"UNIT"',
      '{"name":"甲","name":"乙"}',
    );

    const response = await as(INSPECTOR).post('/cases').set('Content-Type', 'application/json').send(twice);
    const english = await as(INSPECTOR)
      .post('/cases')
      .set('Content-Type', 'application/json')
      .set('Accept-Language', 'en')
      .send(nested);
    const sixteen = await postCaseBytes(Buffer.from(`\ufeff${twice}`, 'utf16le'), 'application/json; charset=utf-16le');
    const stored = await as(INSPECTOR).get(`/cases/${caseNumber}`);

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('invalid_request');
    expect(response.body.errors).toEqual([{ field: 'address', message: '同一对象中出现了两次，请只保留一个值' }]);
    expect(sixteen.status).toBe(400);
    expect(sixteen.body.errors).toEqual([{ field: 'address', message: '同一对象中出现了两次，请只保留一个值' }]);
    expect(english.status).toBe(400);
    expect(english.body.errors).toEqual([
      { field: 'responsibleUnit.name', message: 'appears twice in one object; keep one value' },
    ]);
    expect(stored.status).toBe(404);
  });

  it('returns a 431 problem for oversized headers', async () => {
    const server = apps.api.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`GET /cases HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'x'.repeat(20_000)}\r\n\r\n`);
      });
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString('utf8')));
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    const [head, body] = reply.split('\r\n\r\n');

    expect(head).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large/);
    expect(head).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(body ?? '')).toEqual({
      type: 'urn:duban:problem:headers-too-large',
      title: '请求头过大',
      status: 431,
      detail:
        '请求头超过 16 KiB 上限，请减少或缩短请求头 (The request headers exceed the limit of 16 KiB; send fewer or shorter headers)',
      code: 'headers_too_large',
    });
  });

  it('rejects a body that is not JSON with 415', async () => {
    const text = await as(INSPECTOR)
      .post('/cases')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify(openingBody(uniqueCaseNumber())));
    const form = await as(INSPECTOR).post('/cases').type('form').send({ caseNumber: uniqueCaseNumber() });
    const vendorJson = await as(INSPECTOR)
      .post('/cases')
      .set('Content-Type', 'application/merge-patch+json')
      .send(JSON.stringify({ caseNumber: 'x' }));

    expect(text.status).toBe(415);
    expect(text.body.code).toBe('unsupported_media_type');
    expect(text.body.detail).toBe('请求体的 Content-Type 为 text/plain：请以 application/json 发送');
    expect(form.status).toBe(415);
    expect(vendorJson.status).toBe(400);
    expect(vendorJson.body.code).toBe('invalid_request');
  });

  it('rejects a token that never expires', async () => {
    const token = jwt.sign({ role: 'inspector', jurisdiction: '430102' }, TEST_JWT_SECRET, { subject: 'inspector-1' });

    const response = await request(apps.api.getHttpServer()).get('/cases').set('Authorization', `Bearer ${token}`);

    expect(response.status).toBe(401);
    expect(response.body.detail).toContain('no exp claim');
  });

  it('rejects a token whose subject has a NUL character', async () => {
    const token = `Bearer ${tokenFor('inspector', '430102', 'inspector\u0000x')}`;

    const response = await request(apps.api.getHttpServer()).get('/cases').set('Authorization', token);

    expect(response.status).toBe(401);
    expect(response.body.detail).toContain('no control characters');
  });

  it('answers 405 with Allow for a method a path does not serve', async () => {
    const deleteCase = await as(INSPECTOR).delete('/cases/HZ-2025-0001');
    const putCases = await as(INSPECTOR).put('/cases').send({});
    const unknown = await as(INSPECTOR).delete('/no-such-path');

    expect(deleteCase.status).toBe(405);
    expect(deleteCase.headers['allow']).toBe('GET, HEAD');
    expect(deleteCase.body.code).toBe('method_not_allowed');
    expect(putCases.status).toBe(405);
    expect(putCases.headers['allow']).toBe('GET, HEAD, POST');
    expect(unknown.status).toBe(404);
  });

  it('records a command once per Idempotency-Key', async () => {
    const caseNumber = uniqueCaseNumber();
    await as(INSPECTOR).post('/cases').send(openingBody(caseNumber)).expect(201);
    const path = `/cases/${caseNumber}/hazard-items`;
    const items = { items: [{ description: '防火门损坏', location: '三层' }] };

    const first = await as(INSPECTOR).post(path).set('Idempotency-Key', 'items-1').send(items);
    const repeat = await as(INSPECTOR).post(path).set('Idempotency-Key', 'items-1').send(items);
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () => as(INSPECTOR).post(path).set('Idempotency-Key', 'items-2').send(items)),
    );
    const changed = await as(INSPECTOR)
      .post(path)
      .set('Idempotency-Key', 'items-1')
      .send({ items: [{ description: '另一处隐患', location: '一层' }] });
    const events = await as(INSPECTOR).get(`/cases/${caseNumber}/events`);

    expect(first.status).toBe(200);
    expect(repeat.status).toBe(200);
    expect(repeat.body.sequences).toEqual(first.body.sequences);
    expect(concurrent.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(concurrent.map((response) => JSON.stringify(response.body.sequences))).size).toBe(1);
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('idempotency_key_reused');
    const recorded = (events.body as { type: string }[]).filter((e) => e.type === 'hazard_items_recorded');
    expect(recorded).toHaveLength(2);
  });

  it('rejects an oversize body with 413', async () => {
    const body = { ...openingBody(uniqueCaseNumber()), address: 'x'.repeat(300 * 1024) };

    const response = await as(INSPECTOR).post('/cases').send(body);

    expect(response.status).toBe(413);
    expect(response.body.code).toBe('payload_too_large');
  });

  it('opens one case for the same Idempotency-Key sent twice', async () => {
    const caseNumber = uniqueCaseNumber();
    const key = `key-${caseNumber}`;

    const first = await as(INSPECTOR).post('/cases').set('Idempotency-Key', key).send(openingBody(caseNumber));
    const second = await as(INSPECTOR).post('/cases').set('Idempotency-Key', key).send(openingBody(caseNumber));

    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(second.status).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.caseNumber).toBe(caseNumber);
    expect(second.body.openedAt).toBe(first.body.openedAt);
    const events = await apps.worker
      .get(DataSource)
      .query("SELECT count(*)::int AS n FROM case_events WHERE case_number = $1 AND type = 'case_opened'", [
        caseNumber,
      ]);
    expect(events[0].n).toBe(1);
  });

  it('rejects an Idempotency-Key reused for a different body', async () => {
    const key = `key-${uniqueCaseNumber()}`;
    await as(INSPECTOR).post('/cases').set('Idempotency-Key', key).send(openingBody(uniqueCaseNumber()));

    const reused = await as(INSPECTOR).post('/cases').set('Idempotency-Key', key).send(openingBody(uniqueCaseNumber()));

    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency_key_reused');
  });

  it('rejects an invalid Idempotency-Key naming the header', async () => {
    const response = await as(INSPECTOR)
      .post('/cases')
      .set('Idempotency-Key', 'has spaces in it')
      .send(openingBody(uniqueCaseNumber()));

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('header.Idempotency-Key');
  });

  it('repeats return the case, clashes 409', async () => {
    const caseNumber = uniqueCaseNumber();
    await as(INSPECTOR).post('/cases').send(openingBody(caseNumber));

    const repeat = await as(INSPECTOR).post('/cases').send(openingBody(caseNumber));
    const clash = await as(INSPECTOR)
      .post('/cases')
      .send({ ...openingBody(caseNumber), address: '另一个地址' });

    expect(repeat.status).toBe(200);
    expect(repeat.body.caseNumber).toBe(caseNumber);
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe('case_number_taken');
    const stored = await as(INSPECTOR).get(`/cases/${caseNumber}`);
    expect(stored.body.address).toBe('长沙市芙蓉区某某路 1 号');
  });

  it('pages through the list with a cursor', async () => {
    const opened: string[] = [];
    for (let i = 0; i < 3; i++) {
      const caseNumber = uniqueCaseNumber('L');
      await as(INSPECTOR).post('/cases').send(openingBody(caseNumber));
      opened.push(caseNumber);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 100; page++) {
      const response = await as(INSPECTOR)
        .get('/cases')
        .query({ limit: 2, ...(cursor ? { cursor } : {}) });
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...(response.body.items as { caseNumber: string }[]).map((c) => c.caseNumber));
      cursor = response.body.nextCursor ?? undefined;
      if (!cursor) break;
    }

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(opened));
    expect(seen.indexOf(opened[2]!)).toBeLessThan(seen.indexOf(opened[0]!));
  });

  it('rejects bad list parameters naming them', async () => {
    const limit = await as(INSPECTOR).get('/cases').query({ limit: 1000 });
    const cursor = await as(INSPECTOR).get('/cases').query({ cursor: 'nonsense' });

    expect(limit.status).toBe(400);
    expect(limit.body.errors[0].field).toBe('query.limit');
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors[0].field).toBe('query.cursor');
  });

  it('answers 404 for an unknown case and 400 for a malformed case number', async () => {
    const missing = await as(INSPECTOR).get('/cases/NO-SUCH-CASE');
    const malformed = await as(INSPECTOR).get('/cases/%E4%B8%AD');

    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('case_not_found');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('path.caseNumber');
  });

  it('reports PostgreSQL and Temporal as up', async () => {
    const response = await as(INSPECTOR).get('/health');

    expect(response.status).toBe(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.checks.postgres.status).toBe('up');
    expect(response.body.checks.temporal.status).toBe('up');
  });

  it('rejects reserved keys such as __proto__', async () => {
    const body = `{"__proto__": {"admin": true}, ${JSON.stringify(openingBody(uniqueCaseNumber())).slice(1)}`;

    const response = await as(INSPECTOR).post('/cases').set('Content-Type', 'application/json').send(body);

    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('__proto__');
  });

  it('keeps Idempotency-Keys apart per caller', async () => {
    const key = `shared-${uniqueCaseNumber()}`;
    const other = bearer('brigade_leader', '430102');

    const mine = await as(INSPECTOR).post('/cases').set('Idempotency-Key', key).send(openingBody(uniqueCaseNumber()));
    const theirs = await as(other).post('/cases').set('Idempotency-Key', key).send(openingBody(uniqueCaseNumber()));

    expect(mine.status).toBe(201);
    expect(theirs.status).toBe(201);
    expect(theirs.body.caseNumber).not.toBe(mine.body.caseNumber);
  });

  it('rejects names made only of white space', async () => {
    const body = {
      ...openingBody(uniqueCaseNumber()),
      responsibleUnit: { name: '\u3000 ', creditCode: '91350100M000100Y43' },
    };

    const response = await as(INSPECTOR).post('/cases').send(body);

    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([{ field: 'responsibleUnit.name', message: '不能只含空白字符，请填写内容' }]);
  });

  it('rejects text PostgreSQL cannot store, naming the field', async () => {
    const nul = { ...openingBody(uniqueCaseNumber()), address: 'A\u0000B' };
    const surrogate = { ...openingBody(uniqueCaseNumber()), hazardItems: [{ description: 'x\ud800y' }] };

    const nulResponse = await as(INSPECTOR).post('/cases').send(nul);
    const surrogateResponse = await as(INSPECTOR)
      .post('/cases')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(surrogate).replace('x\\ud800y', 'x\\ud800y'));

    expect(nulResponse.status).toBe(400);
    expect(nulResponse.body.errors[0].field).toBe('address');
    expect(surrogateResponse.status).toBe(400);
    expect(surrogateResponse.body.errors[0].field).toBe('hazardItems[0].description');
  });
});
