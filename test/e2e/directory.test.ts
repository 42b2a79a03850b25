import { randomUUID } from 'node:crypto';

import { creditCodeCheckCharacter } from '@duban/domain';

import { startApps, uniqueCaseNumber, type RunningApps } from '../support/apps';
import { as, client, openingBody } from '../support/http';
import { tokenFor } from '../support/tokens';

/** Builds a valid credit code registered in 430102, with a serial no other test uses. */
function newCreditCode(): string {
  const serial = randomUUID()
    .replace(/[^0-9]/g, '')
    .padEnd(9, '7')
    .slice(0, 9);
  const first17 = `91430102${serial}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

const ADMIN = ['admin', '430000'] as const;

describe('administration of jurisdictions, units and users', () => {
  let apps: RunningApps;

  beforeAll(async () => {
    apps = await startApps();
  });

  afterAll(async () => {
    await apps.close();
  });

  it('seeds the GB/T 2260 tree from the division data', async () => {
    const admin = as(apps.api, ...ADMIN);

    const furong = await admin.get('/admin/jurisdictions/430102');
    const changsha = await admin.get('/admin/jurisdictions/430100');
    const hunan = await admin.get('/admin/jurisdictions/430000');
    const xiantao = await admin.get('/admin/jurisdictions/429004');
    const dongguan = await admin.get('/admin/jurisdictions/441900');
    const provinces = await admin.get('/admin/jurisdictions?level=province&limit=500');
    const counties = await admin.get('/admin/jurisdictions?parent=430100&limit=500');

    expect(furong.body).toMatchObject({ code: '430102', name: '芙蓉区', parentCode: '430100', level: 'county' });
    expect(furong.body.active).toBe(true);
    expect(furong.body.updatedBy).toBe('seed');
    expect(changsha.body).toMatchObject({ name: '长沙市', parentCode: '430000', level: 'city' });
    expect(hunan.body).toMatchObject({ name: '湖南省', parentCode: null, level: 'province' });
    expect(xiantao.body).toMatchObject({ name: '仙桃市', parentCode: '420000', level: 'county' });
    expect(dongguan.body).toMatchObject({ name: '东莞市', parentCode: '440000', level: 'city' });
    expect(provinces.body.items).toHaveLength(31);
    expect(provinces.body.nextCursor).toBeUndefined();
    const countyCodes = counties.body.items.map((row: { code: string }) => row.code);
    expect(countyCodes).toContain('430102');
    expect(countyCodes).toContain('430121');
    expect(countyCodes.every((code: string) => code.startsWith('4301'))).toBe(true);
  });

  it('pages the jurisdiction list by cursor', async () => {
    const admin = as(apps.api, ...ADMIN);

    const first = await admin.get('/admin/jurisdictions?under=430000&limit=5');
    const second = await admin.get(`/admin/jurisdictions?under=430000&limit=5&cursor=${first.body.nextCursor}`);
    const badCursor = await admin.get('/admin/jurisdictions?cursor=abc');
    const badLimit = await admin.get('/admin/jurisdictions?limit=501');

    expect(first.status).toBe(200);
    expect(first.body.items.map((row: { code: string }) => row.code)).toEqual([
      '430000',
      '430100',
      '430102',
      '430103',
      '430104',
    ]);
    expect(first.body.nextCursor).toBe('430104');
    expect(second.body.items[0].code).toBe('430105');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.errors[0].field).toBe('query.cursor');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.errors[0].field).toBe('query.limit');
  });

  it('adds a division that nests under an active parent', async () => {
    const admin = as(apps.api, ...ADMIN);

    const created = await admin
      .post('/admin/jurisdictions')
      .send({ code: '430199', name: '测试新区', parentCode: '430100' });
    const again = await admin
      .post('/admin/jurisdictions')
      .send({ code: '430199', name: '测试新区', parentCode: '430100' });
    const wrongParent = await admin
      .post('/admin/jurisdictions')
      .send({ code: '430198', name: '测试', parentCode: '430200' });
    const directParent = await admin
      .post('/admin/jurisdictions')
      .send({ code: '430197', name: '测试', parentCode: '430000' });
    const noParent = await admin.post('/admin/jurisdictions').send({ code: '430196', name: '测试' });
    const provinceWithParent = await admin
      .post('/admin/jurisdictions')
      .send({ code: '430000', name: '湖南省', parentCode: '430000' });
    const unknownParent = await admin
      .post('/admin/jurisdictions')
      .send({ code: '439901', name: '测试', parentCode: '439900' });
    const english = await admin
      .post('/admin/jurisdictions')
      .set('Accept-Language', 'en')
      .send({ code: '430198', name: '测试', parentCode: '430200' });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: '430199', level: 'county', parentCode: '430100', active: true });
    expect(created.body.updatedBy).toBe('admin-430000');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('jurisdiction_exists');
    expect(again.body.errors[0].field).toBe('code');
    expect(wrongParent.status).toBe(400);
    expect(wrongParent.body.errors[0].field).toBe('parentCode');
    expect(wrongParent.body.errors[0].message).toContain('430100');
    expect(directParent.status).toBe(400);
    expect(directParent.body.errors[0].field).toBe('parentCode');
    expect(noParent.status).toBe(400);
    expect(noParent.body.errors[0].field).toBe('parentCode');
    expect(provinceWithParent.status).toBe(400);
    expect(provinceWithParent.body.errors[0].field).toBe('parentCode');
    expect(unknownParent.status).toBe(422);
    expect(unknownParent.body.code).toBe('reference_not_usable');
    expect(unknownParent.body.errors[0].field).toBe('parentCode');
    expect(english.body.title).toBe('Invalid request');
    expect(english.body.errors[0].message).toBe(
      '430198 does not nest under 430200; its parent is 430100, so check the code or the parent',
    );
  });

  it('marks a merged division inactive and refuses new cases there', async () => {
    const admin = as(apps.api, ...ADMIN);
    await admin.post('/admin/jurisdictions').send({ code: '430195', name: '待撤并区', parentCode: '430100' });

    const parentWithChildren = await admin.patch('/admin/jurisdictions/430100').send({ active: false });
    const merged = await admin.patch('/admin/jurisdictions/430195').send({ active: false, name: '待撤并区（已撤销）' });
    const inactiveList = await admin.get('/admin/jurisdictions?parent=430100&active=false');
    const caseThere = await as(apps.api, 'inspector', '430100')
      .post('/cases')
      .send({ ...openingBody(uniqueCaseNumber('J')), jurisdictionCode: '430195' });
    const unknownThere = await as(apps.api, 'inspector', '430100')
      .post('/cases')
      .send({ ...openingBody(uniqueCaseNumber('J')), jurisdictionCode: '430194' });
    const childOfMerged = await admin
      .post('/admin/jurisdictions')
      .send({ code: '430193', name: '测试', parentCode: '430100' });
    const missing = await admin.patch('/admin/jurisdictions/430192').send({ active: false });

    expect(parentWithChildren.status).toBe(409);
    expect(parentWithChildren.body.code).toBe('jurisdiction_has_active_children');
    expect(parentWithChildren.body.errors[0].field).toBe('active');
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ active: false, name: '待撤并区（已撤销）' });
    expect(inactiveList.body.items.map((row: { code: string }) => row.code)).toContain('430195');
    expect(caseThere.status).toBe(422);
    expect(caseThere.body.errors).toEqual([{ field: 'jurisdictionCode', message: expect.stringContaining('430195') }]);
    expect(unknownThere.status).toBe(422);
    expect(unknownThere.body.errors[0].field).toBe('jurisdictionCode');
    expect(childOfMerged.status).toBe(201);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('jurisdiction_not_found');
  });

  it('refuses to deactivate a division that still has open cases', async () => {
    const admin = as(apps.api, ...ADMIN);
    await admin.post('/admin/jurisdictions').send({ code: '430196', name: '有案件的区', parentCode: '430100' });
    const opened = await as(apps.api, 'inspector', '430100')
      .post('/cases')
      .send({ ...openingBody(uniqueCaseNumber('J')), jurisdictionCode: '430196' });

    const deactivated = await admin.patch('/admin/jurisdictions/430196').send({ active: false });

    expect(opened.status).toBe(201);
    expect(deactivated.status).toBe(409);
    expect(deactivated.body.code).toBe('jurisdiction_has_open_cases');
    expect(deactivated.body.errors).toEqual([{ field: 'active', message: '不能停用：辖区内仍有 1 起未终结的案件' }]);
  });

  it('registers units with a checked credit code and jurisdiction', async () => {
    const admin = as(apps.api, ...ADMIN);
    const creditCode = newCreditCode();
    const unit = {
      creditCode,
      name: '某某商场有限公司',
      jurisdictionCode: '430102',
      address: '长沙市芙蓉区五一大道 1 号',
    };

    const created = await admin.post('/admin/units').send(unit);
    const again = await admin.post('/admin/units').send(unit);
    const badCheck = await admin
      .post('/admin/units')
      .send({ ...unit, creditCode: `${creditCode.slice(0, 17)}${creditCode.endsWith('0') ? '1' : '0'}` });
    const inactive = await admin
      .post('/admin/units')
      .send({ ...unit, creditCode: newCreditCode(), jurisdictionCode: '430195' });
    const moved = await admin.patch(`/admin/units/${creditCode}`).send({ jurisdictionCode: '430103' });
    const read = await admin.get(`/admin/units/${creditCode}`);
    const listed = await admin.get('/admin/units?jurisdiction=430100&limit=500');
    const elsewhere = await admin.get('/admin/units?jurisdiction=440000');
    const badPath = await admin.get('/admin/units/91430102MA4L0Q0B19');

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ creditCode, jurisdictionCode: '430102', name: '某某商场有限公司' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('unit_exists');
    expect(badCheck.status).toBe(400);
    expect(badCheck.body.errors[0].field).toBe('creditCode');
    expect(badCheck.body.errors[0].message).toContain(creditCode.slice(17));
    expect(inactive.status).toBe(422);
    expect(inactive.body.errors[0].field).toBe('jurisdictionCode');
    expect(moved.status).toBe(200);
    expect(read.body.jurisdictionCode).toBe('430103');
    expect(listed.body.items.map((row: { creditCode: string }) => row.creditCode)).toContain(creditCode);
    expect(elsewhere.body.items.map((row: { creditCode: string }) => row.creditCode)).not.toContain(creditCode);
    expect(badPath.status).toBe(400);
    expect(badPath.body.errors[0].field).toBe('path.creditCode');
  });

  it('validates a user’s role and scope together', async () => {
    const admin = as(apps.api, ...ADMIN);
    const creditCode = newCreditCode();
    await admin
      .post('/admin/units')
      .send({ creditCode, name: '某某酒店', jurisdictionCode: '430102', address: '长沙市芙蓉区某某路 2 号' });
    const id = `user-${randomUUID()}`;

    const unitWithoutUnit = await admin.post('/admin/users').send({ id, displayName: '李四', role: 'unit' });
    const unitWithJurisdiction = await admin
      .post('/admin/users')
      .send({ id, displayName: '李四', role: 'unit', unitCreditCode: creditCode, jurisdictionCode: '430102' });
    const inspectorWithUnit = await admin
      .post('/admin/users')
      .send({ id, displayName: '李四', role: 'inspector', unitCreditCode: creditCode });
    const unregisteredUnit = await admin
      .post('/admin/users')
      .send({ id, displayName: '李四', role: 'unit', unitCreditCode: newCreditCode() });
    const badRole = await admin
      .post('/admin/users')
      .send({ id, displayName: '李四', role: 'mayor', jurisdictionCode: '430102' });
    const created = await admin
      .post('/admin/users')
      .send({ id, displayName: '李四', role: 'unit', unitCreditCode: creditCode });
    const becomesInspector = await admin.patch(`/admin/users/${id}`).send({ role: 'inspector' });
    const inspector = await admin.patch(`/admin/users/${id}`).send({ role: 'inspector', jurisdictionCode: '430102' });
    const listed = await admin.get('/admin/users?role=inspector&jurisdiction=430100&limit=500');

    expect(unitWithoutUnit.status).toBe(400);
    expect(unitWithoutUnit.body.errors.map((e: { field: string }) => e.field)).toEqual(['unitCreditCode']);
    expect(unitWithJurisdiction.status).toBe(400);
    expect(unitWithJurisdiction.body.errors.map((e: { field: string }) => e.field)).toEqual(['jurisdictionCode']);
    expect(inspectorWithUnit.status).toBe(400);
    expect(inspectorWithUnit.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'jurisdictionCode',
      'unitCreditCode',
    ]);
    expect(unregisteredUnit.status).toBe(422);
    expect(unregisteredUnit.body.errors[0].field).toBe('unitCreditCode');
    expect(badRole.status).toBe(400);
    expect(badRole.body.errors[0].field).toBe('role');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id, role: 'unit', unitCreditCode: creditCode, jurisdictionCode: null });
    expect(becomesInspector.status).toBe(400);
    expect(becomesInspector.body.errors[0].field).toBe('jurisdictionCode');
    expect(inspector.status).toBe(200);
    expect(inspector.body).toMatchObject({ role: 'inspector', jurisdictionCode: '430102', unitCreditCode: null });
    expect(listed.body.items.map((row: { id: string }) => row.id)).toContain(id);
  });

  it('rejects the tokens of an inactive user with 401', async () => {
    const admin = as(apps.api, ...ADMIN);
    const id = `inspector-${randomUUID()}`;
    await admin.post('/admin/users').send({ id, displayName: '王五', role: 'inspector', jurisdictionCode: '430102' });
    const token = `Bearer ${tokenFor('inspector', '430102', id)}`;

    const before = await client(apps.api, token).get('/cases');
    await admin.patch(`/admin/users/${id}`).send({ active: false });
    const after = await client(apps.api, token).get('/cases');
    await admin.patch(`/admin/users/${id}`).send({ active: true });
    const reactivated = await client(apps.api, token).get('/cases');

    expect(before.status).toBe(200);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthorized');
    expect(after.body.detail).toContain(id);
    expect(after.headers['www-authenticate']).toBe('Bearer');
    expect(reactivated.status).toBe(200);
  });

  it('rejects tokens whose role or scope differ from the stored user', async () => {
    const admin = as(apps.api, ...ADMIN);
    const id = `inspector-${randomUUID()}`;
    await admin.post('/admin/users').send({ id, displayName: '孙七', role: 'inspector', jurisdictionCode: '430102' });
    const inspectorToken = `Bearer ${tokenFor('inspector', '430102', id)}`;
    const leaderToken = `Bearer ${tokenFor('brigade_leader', '430102', id)}`;
    const wideToken = `Bearer ${tokenFor('inspector', '430000', id)}`;

    const asStored = await client(apps.api, inspectorToken).get('/cases');
    const otherRole = await client(apps.api, leaderToken).get('/cases');
    const otherJurisdiction = await client(apps.api, wideToken).get('/cases');
    await admin.patch(`/admin/users/${id}`).send({ role: 'brigade_leader' });
    const oldRole = await client(apps.api, inspectorToken).get('/cases');
    const newRole = await client(apps.api, leaderToken).get('/cases');

    expect(asStored.status).toBe(200);
    expect(otherRole.status).toBe(401);
    expect(otherRole.body.code).toBe('unauthorized');
    expect(otherRole.body.detail).toContain(
      `the token's role claim brigade_leader differs from the role inspector stored for user ${id}`,
    );
    expect(otherRole.headers['www-authenticate']).toBe('Bearer');
    expect(otherJurisdiction.status).toBe(401);
    expect(otherJurisdiction.body.detail).toContain("the token's jurisdiction claim 430000 differs");
    expect(oldRole.status).toBe(401);
    expect(newRole.status).toBe(200);
  });

  it('rejects null in PATCH bodies naming the field', async () => {
    const admin = as(apps.api, ...ADMIN);
    const creditCode = newCreditCode();
    await admin
      .post('/admin/units')
      .send({ creditCode, name: '某某饭店', jurisdictionCode: '430102', address: '长沙市芙蓉区某某路 3 号' });
    const id = `null-${randomUUID()}`;
    await admin.post('/admin/users').send({ id, displayName: '赵六', role: 'inspector', jurisdictionCode: '430102' });
    const cases: [string, string][] = [
      ['/admin/jurisdictions/430102', 'name'],
      ['/admin/jurisdictions/430102', 'active'],
      [`/admin/users/${id}`, 'active'],
      [`/admin/users/${id}`, 'displayName'],
      [`/admin/users/${id}`, 'role'],
      [`/admin/users/${id}`, 'jurisdictionCode'],
      [`/admin/units/${creditCode}`, 'name'],
      [`/admin/units/${creditCode}`, 'address'],
      [`/admin/units/${creditCode}`, 'jurisdictionCode'],
    ];

    for (const [path, field] of cases) {
      const response = await admin
        .patch(path)
        .set('Accept-Language', 'en')
        .send({ [field]: null });

      expect({ path, field, status: response.status }).toEqual({ path, field, status: 400 });
      expect(response.body.code).toBe('invalid_request');
      expect(response.body.errors).toEqual([{ field, message: 'must not be null; send a value or omit the field' }]);
    }
    const user = await admin.get(`/admin/users/${id}`);
    const unit = await admin.get(`/admin/units/${creditCode}`);
    const furong = await admin.get('/admin/jurisdictions/430102');
    expect(user.body).toMatchObject({ displayName: '赵六', role: 'inspector', active: true });
    expect(unit.body).toMatchObject({ name: '某某饭店', jurisdictionCode: '430102' });
    expect(furong.body).toMatchObject({ name: '芙蓉区', active: true });
  });

  it('rejects every role but admin with 403', async () => {
    const leader = as(apps.api, 'government_leader', '430000');

    const responses = await Promise.all([
      leader.get('/admin/jurisdictions'),
      leader.post('/admin/units').send({}),
      leader.patch('/admin/users/x').send({}),
    ]);

    expect(responses.map((response) => response.status)).toEqual([403, 403, 403]);
  });
});
