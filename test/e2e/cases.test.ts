import request from 'supertest';

import { startApps, uniqueCaseNumber, type RunningApps } from '../support/apps';

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

describe('cases API over a running worker', () => {
  let apps: RunningApps;

  beforeAll(async () => {
    apps = await startApps();
  });

  afterAll(async () => {
    await apps.close();
  });

  it('opens a case and reads it back', async () => {
    const caseNumber = uniqueCaseNumber();

    const opened = await request(apps.api.getHttpServer()).post('/cases').send(openingBody(caseNumber));

    expect(opened.status).toBe(201);
    expect(opened.headers['location']).toBe(`/cases/${caseNumber}`);
    expect(opened.body.stage).toBe('discovered');
    expect(opened.body.lastSequence).toBe(1);
    const read = await request(apps.api.getHttpServer()).get(`/cases/${caseNumber}`);
    expect(read.status).toBe(200);
    expect(read.body.caseNumber).toBe(caseNumber);
    expect(read.body.responsibleUnit).toEqual({ name: '某某宾馆有限公司', creditCode: '91350100M000100Y43' });
    expect(read.body.hazardItems).toEqual([{ description: '自动喷水灭火系统未保持正常运行', location: '地下一层' }]);
    expect(read.body.discoveredOn).toBe('2025-09-26');
  });
});
