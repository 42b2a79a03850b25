import request from 'supertest';
import type { DataSource } from 'typeorm';

import { startApps, uniqueCaseNumber, type RunningApps } from '../support/apps';
import { connectTestDatabase } from '../support/database';

/**
 * Writes a case row and its exposure row as the projection would after an exposure decision. The exposure states come
 * from the workflow; this suite checks only what the public page shows of them.
 */
async function insertCase(
  db: DataSource,
  caseNumber: string,
  unitName: string,
  exposure: { status: string; publishedAt?: string; takenDownAt?: string },
): Promise<void> {
  const opening = {
    caseNumber,
    responsibleUnit: { name: unitName, creditCode: '91350100M000100Y43' },
    jurisdictionCode: '430102',
    placeType: 'hotel',
    address: '长沙市芙蓉区某某路 1 号',
    discoveredOn: '2025-01-06',
    discoverySource: 'inspection',
    hazardItems: [{ description: '自动喷水灭火系统未保持正常运行', location: '地下一层' }],
  };
  const state = {
    caseNumber,
    opening,
    stage: 'listed',
    listing: { responsiblePerson: '张某某', government: { jurisdictionCode: '430100', name: '长沙市人民政府' } },
    interviews: [{ attendees: ['李某某'], minutes: '约谈纪要' }],
    exposure: { proposedAt: '2025-03-01T00:00:00Z', ...exposure },
  };
  await db.query(
    `INSERT INTO hazard_cases (case_number, stage, jurisdiction_code, place_type, address, unit_name, unit_credit_code,
       discovered_on, discovery_source, hazard_items, opening_hash, opened_at, last_sequence, updated_at, state,
       listing_level, deadline, deadline_at, overdue, imported)
     VALUES ($1, 'listed', '430102', 'hotel', $2, $3, '91350100M000100Y43', '2025-01-06', 'inspection', $4, $5, now(), 9,
       now(), $6, 'city', '2025-02-28', '2025-02-28T16:00:00Z', true, false)`,
    [caseNumber, opening.address, unitName, JSON.stringify(opening.hazardItems), '0'.repeat(64), JSON.stringify(state)],
  );
  await db.query(
    `INSERT INTO case_exposures (case_number, status, proposed_at, published_at, taken_down_at)
     VALUES ($1, $2, '2025-03-01T00:00:00Z', $3, $4)`,
    [caseNumber, exposure.status, exposure.publishedAt ?? null, exposure.takenDownAt ?? null],
  );
}

describe('public exposure page', () => {
  let apps: RunningApps;
  let db: DataSource;
  const published = uniqueCaseNumber('EXP');
  const takenDown = uniqueCaseNumber('EXP');

  beforeAll(async () => {
    apps = await startApps();
    db = await connectTestDatabase();
    await insertCase(db, published, '某某宾馆 <script>alert(1)</script>', {
      status: 'published',
      publishedAt: '2025-03-05T02:00:00Z',
    });
    await insertCase(db, takenDown, '已撤下的宾馆', {
      status: 'taken_down',
      publishedAt: '2025-03-05T02:00:00Z',
      takenDownAt: '2025-04-05T02:00:00Z',
    });
  });

  afterAll(async () => {
    await db?.query(`DELETE FROM hazard_cases WHERE case_number = ANY($1)`, [[published, takenDown]]);
    await db?.destroy();
    await apps?.close();
  });

  it('lists published exposures as JSON without a token', async () => {
    const response = await request(apps.api.getHttpServer()).get('/public/exposures.json');

    expect(response.status).toBe(200);
    const items = response.body.items as { caseNumber: string }[];
    const entry = items.find((item) => item.caseNumber === published);
    expect(entry).toEqual({
      caseNumber: published,
      unitName: '某某宾馆 <script>alert(1)</script>',
      address: '长沙市芙蓉区某某路 1 号',
      area: '湖南省长沙市芙蓉区',
      placeType: { code: 'hotel', zh: '宾馆饭店' },
      hazards: ['自动喷水灭火系统未保持正常运行'],
      deadline: '2025-02-28',
      status: { zh: '挂牌督办中', en: 'listed' },
      overdue: true,
      publishedOn: '2025-03-05',
    });
    expect(items.some((item) => item.caseNumber === takenDown)).toBe(false);
  });

  it('shows no personal data', async () => {
    const response = await request(apps.api.getHttpServer()).get('/public/exposures.json');

    expect(response.text).not.toMatch(/91350100M000100Y43|张某某|李某某|约谈纪要/);
  });

  it('renders an HTML page with every value escaped', async () => {
    const response = await request(apps.api.getHttpServer()).get('/public/exposures');

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('重大火灾隐患曝光台');
    expect(response.text).toContain('某某宾馆 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(response.text).not.toContain('<script>');
    expect(response.text).not.toContain('已撤下的宾馆');
    expect(response.text).not.toMatch(/91350100M000100Y43|张某某/);
  });

  it('answers in English when asked', async () => {
    const response = await request(apps.api.getHttpServer()).get('/public/exposures').set('Accept-Language', 'en');

    expect(response.text).toContain('Major fire hazards under media exposure');
  });
});
