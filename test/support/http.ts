import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

import { chinaDateOf, type Role } from '@duban/domain';

import { bearer } from './tokens';

/** Requests to the test API as a signed-in user, or anonymously with `null`. */
export function client(api: INestApplication, authorization: string | null) {
  const server = api.getHttpServer();
  const auth = (test: request.Test) => (authorization ? test.set('Authorization', authorization) : test);
  return {
    get: (url: string) => auth(request(server).get(url)),
    post: (url: string) => auth(request(server).post(url)),
    put: (url: string) => auth(request(server).put(url)),
    patch: (url: string) => auth(request(server).patch(url)),
  };
}

export function as(api: INestApplication, role: Role, scope: string) {
  return client(api, bearer(role, scope));
}

/** Today's date in China Standard Time, as the API checks dates against it. */
export function chinaToday(offsetDays = 0): string {
  return chinaDateOf(new Date(Date.now() + offsetDays * 86_400_000));
}

export const UNIT_A = '91430102MA4L0Q0B18';
export const UNIT_B = '91350100M000100Y43';

/** A valid opening of a case in 430102 for unit A, discovered today. */
export function openingBody(caseNumber: string, unit = UNIT_A) {
  return {
    caseNumber,
    responsibleUnit: { name: '某某宾馆有限公司', creditCode: unit },
    jurisdictionCode: '430102',
    placeType: 'hotel',
    address: '长沙市芙蓉区某某路 1 号',
    discoveredOn: chinaToday(),
    discoverySource: 'inspection',
    hazardItems: [{ description: '自动喷水灭火系统未保持正常运行' }],
  };
}
