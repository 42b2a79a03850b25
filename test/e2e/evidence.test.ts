import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import request from 'supertest';
import type { DataSource } from 'typeorm';

import { startApps, uniqueCaseNumber, type RunningApps } from '../support/apps';
import { connectTestDatabase } from '../support/database';
import { bearer } from '../support/tokens';
import { jpegWithExif, paddedJpeg, plainJpeg, pngBytes } from './evidence-fixtures';

const UNIT_A = '91350100M000100Y43';
const UNIT_B = '91430102MA4L0Q0B18';
// Tianjin's Heping district: suites that count the cases of a province elsewhere are not disturbed.
const JURISDICTION = '120101';
const INSPECTOR = bearer('inspector', JURISDICTION);
const MAX_BYTES = 256 * 1024;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

function openingBody(caseNumber: string, creditCode: string) {
  return {
    caseNumber,
    responsibleUnit: { name: '某某宾馆有限公司', creditCode },
    jurisdictionCode: JURISDICTION,
    placeType: 'hotel',
    address: '天津市和平区某某路 1 号',
    discoveredOn: '2025-09-26',
    discoverySource: 'inspection',
    hazardItems: [
      { description: '自动喷水灭火系统未保持正常运行', location: '地下一层' },
      { description: '疏散通道堵塞', location: '二层' },
    ],
  };
}

/** Collects a binary response body as a Buffer. */
function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('evidence API', () => {
  let apps: RunningApps;
  let dataDir: string;
  let database: DataSource;
  let caseA: string;
  let caseB: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'duban-evidence-e2e-'));
    // The evidence module reads its settings from the environment when the API starts.
    const saved = { DUBAN_DATA_DIR: process.env.DUBAN_DATA_DIR, EVIDENCE_MAX_BYTES: process.env.EVIDENCE_MAX_BYTES };
    process.env.DUBAN_DATA_DIR = dataDir;
    process.env.EVIDENCE_MAX_BYTES = String(MAX_BYTES);
    try {
      apps = await startApps();
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    database = await connectTestDatabase();
    caseA = uniqueCaseNumber('EV');
    caseB = uniqueCaseNumber('EV');
    for (const [caseNumber, unit] of [
      [caseA, UNIT_A],
      [caseB, UNIT_B],
    ] as const) {
      const opened = await request(apps.api.getHttpServer())
        .post('/cases')
        .set('Authorization', INSPECTOR)
        .send(openingBody(caseNumber, unit));
      expect(opened.status).toBe(201);
    }
  });

  afterAll(async () => {
    await database?.destroy();
    await apps?.close();
  });

  const server = () => apps.api.getHttpServer();

  function upload(
    caseNumber: string,
    token: string,
    file: Buffer,
    contentType: string,
    fields: Record<string, string>,
  ) {
    let call = request(server()).post(`/cases/${caseNumber}/evidence`).set('Authorization', token);
    for (const [name, value] of Object.entries(fields)) call = call.field(name, value);
    return call.attach('file', file, { filename: 'photo.jpg', contentType });
  }

  function storedFiles(caseNumber: string): string[] {
    try {
      return readdirSync(join(dataDir, 'evidence', caseNumber));
    } catch {
      return [];
    }
  }

  async function rowCount(caseNumber: string): Promise<number> {
    const rows: { count: number }[] = await database.query(
      'SELECT count(*)::int AS count FROM evidence WHERE case_number = $1',
      [caseNumber],
    );
    return rows[0]?.count ?? -1;
  }

  it('stores a JPEG with its EXIF capture time and GPS', async () => {
    const photo = jpegWithExif('2025:09:26 10:15:30', 28.1941, 112.9823);

    const response = await upload(caseA, bearer('unit', UNIT_A), photo, 'image/jpeg', {
      kind: 'photo',
      hazardItemIndex: '0',
      phase: 'before',
      eventSequence: '1',
    });

    expect(response.status).toBe(201);
    expect(response.headers['location']).toBe(`/cases/${caseA}/evidence/${response.body.id}`);
    expect(response.body.contentType).toBe('image/jpeg');
    expect(response.body.sizeBytes).toBe(photo.length);
    expect(response.body.sha256).toBe(sha256(photo));
    // An EXIF time without an offset is China Standard Time.
    expect(response.body.capturedAt).toBe('2025-09-26T02:15:30.000Z');
    expect(response.body.gps.latitude).toBeCloseTo(28.1941, 4);
    expect(response.body.gps.longitude).toBeCloseTo(112.9823, 4);
    expect(response.body.uploadedBy).toEqual({ id: `unit-${UNIT_A}`, role: 'unit' });
    const metadata = await request(server())
      .get(`/cases/${caseA}/evidence/${response.body.id}`)
      .set('Authorization', INSPECTOR);
    expect(metadata.status).toBe(200);
    expect(metadata.body).toEqual(response.body);
    expect(storedFiles(caseA)).toEqual([response.body.id]);
  });

  it('downloads content whose hash matches', async () => {
    const photo = jpegWithExif('2025:10:01 08:00:00', 28.2, 112.9);
    const uploaded = await upload(caseA, INSPECTOR, photo, 'image/jpeg', { kind: 'photo' });

    const download = await request(server())
      .get(`/cases/${caseA}/evidence/${uploaded.body.id}/content`)
      .set('Authorization', bearer('unit', UNIT_A))
      .buffer(true)
      .parse(binary);

    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['repr-digest']).toBe(`sha-256=:${createHash('sha256').update(photo).digest('base64')}:`);
    expect(sha256(download.body as Buffer)).toBe(uploaded.body.sha256);
    expect(sha256(download.body as Buffer)).toBe(sha256(photo));
  });

  it('rejects bytes that do not match the declared type with 415', async () => {
    const before = storedFiles(caseA).length;
    const rows = await rowCount(caseA);

    const png = await upload(caseA, INSPECTOR, pngBytes(), 'image/jpeg', { kind: 'photo' });
    const text = await upload(
      caseA,
      INSPECTOR,
      Buffer.from('not a pdf at all, just some text'.repeat(4)),
      'application/pdf',
      {
        kind: 'document',
      },
    );
    const pdfAsPhoto = await upload(caseA, INSPECTOR, Buffer.from(`%PDF-1.7\n${' '.repeat(100)}`), 'application/pdf', {
      kind: 'photo',
    });

    expect(png.status).toBe(415);
    expect(png.body.code).toBe('unsupported_media_type');
    expect(png.body.detail).toContain('image/png');
    expect(text.status).toBe(415);
    expect(pdfAsPhoto.status).toBe(415);
    expect(storedFiles(caseA)).toHaveLength(before);
    expect(await rowCount(caseA)).toBe(rows);
  });

  it('rejects an oversize upload with 413 and stores nothing', async () => {
    const before = storedFiles(caseA).length;
    const rows = await rowCount(caseA);

    const response = await upload(caseA, INSPECTOR, paddedJpeg(MAX_BYTES + 10_000), 'image/jpeg', { kind: 'photo' });

    expect(response.status).toBe(413);
    expect(response.body.code).toBe('payload_too_large');
    expect(response.body.detail).toContain(String(MAX_BYTES));
    expect(storedFiles(caseA)).toHaveLength(before);
    expect(await rowCount(caseA)).toBe(rows);
  });

  it('rejects an oversize Content-Length unread', async () => {
    const listener = createServer(apps.api.getHttpAdapter().getInstance() as RequestListener);
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const { port } = listener.address() as AddressInfo;
    const status = await new Promise<number>((resolve, reject) => {
      const call = httpRequest(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/cases/${caseA}/evidence`,
          headers: {
            Authorization: INSPECTOR,
            'Content-Type': 'multipart/form-data; boundary=x',
            'Content-Length': String(10 * MAX_BYTES),
          },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      call.on('error', reject);
      call.write('--x\r\n');
    });
    listener.closeAllConnections();
    listener.close();

    expect(status).toBe(413);
  });

  it('accepts a file at exactly the limit', async () => {
    const response = await upload(caseA, INSPECTOR, paddedJpeg(MAX_BYTES), 'image/jpeg', { kind: 'photo' });

    expect(response.status).toBe(201);
    expect(response.body.sizeBytes).toBe(MAX_BYTES);
    expect(response.body.capturedAt).toBeNull();
    expect(response.body.gps).toBeNull();
  });

  it('keeps each case to the parties allowed to see it', async () => {
    const uploaded = await upload(caseB, bearer('unit', UNIT_B), plainJpeg(), 'image/jpeg', { kind: 'photo' });
    expect(uploaded.status).toBe(201);
    const content = `/cases/${caseB}/evidence/${uploaded.body.id}/content`;

    const otherUnit = await request(server()).get(content).set('Authorization', bearer('unit', UNIT_A));
    const otherUnitList = await request(server())
      .get(`/cases/${caseB}/evidence`)
      .set('Authorization', bearer('unit', UNIT_A));
    const otherUnitUpload = await upload(caseB, bearer('unit', UNIT_A), plainJpeg(), 'image/jpeg', { kind: 'photo' });
    const otherCounty = await request(server())
      .get(content)
      .set('Authorization', bearer('government_leader', '120102'));
    const admin = await request(server()).get(content).set('Authorization', bearer('admin', JURISDICTION));
    const city = await request(server()).get(content).set('Authorization', bearer('government_leader', '120100'));
    const owner = await request(server()).get(content).set('Authorization', bearer('unit', UNIT_B));

    expect(otherUnit.status).toBe(404);
    expect(otherUnit.body.code).toBe('case_not_found');
    expect(otherUnitList.status).toBe(404);
    expect(otherUnitUpload.status).toBe(404);
    expect(otherCounty.status).toBe(404);
    expect(admin.status).toBe(404);
    expect(city.status).toBe(200);
    expect(owner.status).toBe(200);
  });

  it('pairs before and after photos and keeps corrections as new versions', async () => {
    const caseNumber = uniqueCaseNumber('EV');
    await request(server()).post('/cases').set('Authorization', INSPECTOR).send(openingBody(caseNumber, UNIT_A));
    const unit = bearer('unit', UNIT_A);
    const before = await upload(caseNumber, INSPECTOR, plainJpeg(), 'image/jpeg', {
      kind: 'photo',
      hazardItemIndex: '1',
      phase: 'before',
    });
    const after = await upload(caseNumber, unit, plainJpeg(), 'image/jpeg', {
      kind: 'photo',
      hazardItemIndex: '1',
      phase: 'after',
    });
    const corrected = await upload(caseNumber, unit, jpegWithExif('2025:11:02 09:30:00', 28.19, 112.98), 'image/jpeg', {
      kind: 'photo',
      hazardItemIndex: '1',
      phase: 'after',
      replaces: after.body.id,
      description: '更正：原照片拍摄角度不全',
    });
    const again = await upload(caseNumber, unit, plainJpeg(), 'image/jpeg', { kind: 'photo', replaces: after.body.id });
    const byOtherParty = await upload(caseNumber, unit, plainJpeg(), 'image/jpeg', {
      kind: 'photo',
      replaces: before.body.id,
    });

    expect([before.status, after.status, corrected.status]).toEqual([201, 201, 201]);
    expect(corrected.body.replaces).toBe(after.body.id);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('evidence_already_replaced');
    expect(byOtherParty.status).toBe(403);
    const list = await request(server()).get(`/cases/${caseNumber}/evidence`).set('Authorization', INSPECTOR);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([before.body.id, corrected.body.id]);
    expect(list.body.pairs).toHaveLength(1);
    expect(list.body.pairs[0].hazardItemIndex).toBe(1);
    expect(list.body.pairs[0].hazardItem).toBe('疏散通道堵塞');
    expect(list.body.pairs[0].before.map((item: { id: string }) => item.id)).toEqual([before.body.id]);
    expect(list.body.pairs[0].after.map((item: { id: string }) => item.id)).toEqual([corrected.body.id]);
    const all = await request(server())
      .get(`/cases/${caseNumber}/evidence?includeReplaced=true`)
      .set('Authorization', INSPECTOR);
    const original = (all.body.items as { id: string; current: boolean; replacedBy: string | null }[]).find(
      (item) => item.id === after.body.id,
    );
    expect(all.body.items).toHaveLength(3);
    expect(original).toMatchObject({ current: false, replacedBy: corrected.body.id });
    await expect(
      database.query(`UPDATE evidence SET description = 'changed' WHERE id = $1`, [before.body.id]),
    ).rejects.toThrow('evidence is immutable');
    await expect(database.query(`DELETE FROM evidence WHERE id = $1`, [before.body.id])).rejects.toThrow(
      'evidence is immutable',
    );
  });

  it('refuses to serve content whose hash no longer matches', async () => {
    const uploaded = await upload(caseA, INSPECTOR, plainJpeg(), 'image/jpeg', { kind: 'photo' });
    writeFileSync(join(dataDir, 'evidence', caseA, uploaded.body.id), paddedJpeg(2_000));

    const download = await request(server())
      .get(`/cases/${caseA}/evidence/${uploaded.body.id}/content`)
      .set('Authorization', INSPECTOR);

    expect(download.status).toBe(500);
    expect(download.body.code).toBe('evidence_integrity_error');
  });

  it('rejects NUL in form fields and stores nothing', async () => {
    const filesBefore = storedFiles(caseA).length;
    const rowsBefore = await rowCount(caseA);

    const description = await upload(caseA, INSPECTOR, plainJpeg(), 'image/jpeg', {
      kind: 'photo',
      description: '现场照片\u0000',
    });
    // A raw NUL in a part header is malformed multipart, but RFC 5987 percent-encoding carries one through.
    const boundary = 'nul-in-file-name';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nphoto\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=utf-8''photo%00.jpg\r\n` +
          'Content-Type: image/jpeg\r\n\r\n',
      ),
      plainJpeg(),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const fileName = await request(server())
      .post(`/cases/${caseA}/evidence`)
      .set('Authorization', INSPECTOR)
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(body);

    expect(description.status).toBe(400);
    expect(description.body.code).toBe('invalid_request');
    expect(description.body.errors.map((e: { field: string }) => e.field)).toEqual(['description']);
    expect(fileName.status).toBe(400);
    expect(fileName.body.code).toBe('invalid_request');
    expect(fileName.body.errors.map((e: { field: string }) => e.field)).toEqual(['file']);
    expect(storedFiles(caseA)).toHaveLength(filesBefore);
    expect(await rowCount(caseA)).toBe(rowsBefore);
  });

  it('names each invalid field of an upload', async () => {
    const missingKind = await upload(caseA, INSPECTOR, plainJpeg(), 'image/jpeg', {});
    const invalid = await upload(caseA, INSPECTOR, plainJpeg(), 'image/jpeg', {
      kind: 'photo',
      phase: 'after',
      eventSequence: '999',
      colour: 'red',
    });
    const outOfRange = await upload(caseA, INSPECTOR, plainJpeg(), 'image/jpeg', {
      kind: 'photo',
      hazardItemIndex: '2',
      replaces: '00000000-0000-4000-8000-000000000000',
    });
    const noFile = await request(server())
      .post(`/cases/${caseA}/evidence`)
      .set('Authorization', INSPECTOR)
      .field('kind', 'photo');
    const json = await request(server())
      .post(`/cases/${caseA}/evidence`)
      .set('Authorization', INSPECTOR)
      .send({ kind: 'photo' });
    const badId = await request(server()).get(`/cases/${caseA}/evidence/42`).set('Authorization', INSPECTOR);
    const unknownId = await request(server())
      .get(`/cases/${caseA}/evidence/00000000-0000-4000-8000-000000000000`)
      .set('Authorization', INSPECTOR);

    const fields = (response: request.Response) => (response.body.errors as { field: string }[]).map((e) => e.field);
    expect(missingKind.status).toBe(400);
    expect(fields(missingKind)).toEqual(['kind']);
    expect(invalid.status).toBe(400);
    expect(fields(invalid)).toEqual(['colour']);
    expect(outOfRange.status).toBe(400);
    expect(fields(outOfRange)).toEqual(['hazardItemIndex', 'replaces']);
    expect(outOfRange.body.errors[0].message).toBe('案件共有 2 项隐患，序号应为 0 至 1');
    expect(noFile.status).toBe(400);
    expect(fields(noFile)).toEqual(['file']);
    expect(json.status).toBe(415);
    expect(badId.status).toBe(400);
    expect(unknownId.status).toBe(404);
    expect(unknownId.body.code).toBe('evidence_not_found');
    const phaseAndEvent = await upload(caseA, INSPECTOR, plainJpeg(), 'image/jpeg', {
      kind: 'photo',
      phase: 'after',
      eventSequence: '999',
    });
    expect(fields(phaseAndEvent)).toEqual(['phase', 'eventSequence']);
    expect(storedFiles(caseA).length).toBe(await rowCount(caseA));
  });
});
