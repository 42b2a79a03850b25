import { startApps, uniqueCaseNumber, type RunningApps } from '../support/apps';
import { as, chinaToday, openingBody, UNIT_A } from '../support/http';

const COUNTY = { jurisdictionCode: '430102', name: '长沙市芙蓉区人民政府' };

describe('a whole case lifecycle over HTTP', () => {
  let apps: RunningApps;

  beforeAll(async () => {
    apps = await startApps();
  });

  afterAll(async () => {
    await apps.close();
  });

  it('runs from opening to delisting by inspector, brigade leader, government and unit', async () => {
    const inspector = as(apps.api, 'inspector', '430102');
    const brigadeLeader = as(apps.api, 'brigade_leader', '430102');
    const leader = as(apps.api, 'government_leader', '430102');
    const unit = as(apps.api, 'unit', UNIT_A);
    const caseNumber = uniqueCaseNumber('E2E');
    const path = `/cases/${caseNumber}`;
    const today = chinaToday();
    const deadline = chinaToday(60);

    const steps: [string, ReturnType<typeof as>, string, object][] = [
      ['open', inspector, '/cases', openingBody(caseNumber)],
      ['start determination', inspector, `${path}/determination/start`, { reason: '检查发现疑似重大火灾隐患' }],
      [
        'determine',
        brigadeLeader,
        `${path}/determination`,
        {
          outcome: 'major',
          decidedOn: today,
          participants: ['张三', '李四', '王五'],
          clauses: ['6.3'],
          proposedOutcome: 'major',
        },
      ],
      [
        'serve notice',
        inspector,
        `${path}/notice`,
        { documentNumber: '长消重字〔2026〕12号', servedOn: today, deadline },
      ],
      ['report', inspector, `${path}/government-report`, { reportedOn: today, government: COUNTY }],
      [
        'list',
        leader,
        `${path}/listing`,
        {
          documentNumber: '芙政督〔2026〕1号',
          listedOn: today,
          level: 'county',
          government: COUNTY,
          responsiblePerson: '赵六',
          supervisingDepartment: '芙蓉区应急管理局',
          deadline,
          reportingIntervalMonths: 1,
        },
      ],
      [
        'submit plan',
        unit,
        `${path}/plan`,
        {
          plan: {
            responsibility: '总经理',
            measures: '更换喷淋泵',
            funds: '50 万元',
            timeLimit: '两个月',
            contingencyPlan: '加强巡查',
          },
        },
      ],
      ['report progress', unit, `${path}/progress-reports`, { summary: '喷淋泵已到货' }],
      ['apply for reinspection', unit, `${path}/reinspection-applications`, {}],
      ['reinspect', brigadeLeader, `${path}/reinspection`, { passed: true, findings: '系统运行正常' }],
      ['close', brigadeLeader, `${path}/closure`, {}],
      ['delist', leader, `${path}/delisting`, {}],
    ];
    const stages: string[] = [];
    for (const [name, user, url, body] of steps) {
      const response = await user.post(url).send(body);
      expect({ name, status: response.status }).toEqual({ name, status: name === 'open' ? 201 : 200 });
      stages.push(name === 'open' ? response.body.stage : response.body.case.stage);
    }

    expect(stages).toEqual([
      'discovered',
      'determination',
      'determination',
      'notice_served',
      'reported',
      'listed',
      'rectifying',
      'rectifying',
      'reinspection',
      'reinspection',
      'closed',
      'delisted',
    ]);
    const detail = await leader.get(path);
    expect(detail.status).toBe(200);
    expect(detail.body.stage).toBe('delisted');
    expect(detail.body.listing.documentNumber).toBe('芙政督〔2026〕1号');
    const rectification = detail.body.clocks.find((c: { id: string }) => c.id === 'rectification');
    // A government-set date is taken as given, so it never depends on a holiday schedule.
    expect(rectification).toMatchObject({ due: deadline, status: 'met', provisional: false });
    expect(rectification.explanation).toContain(deadline);
    const handling = detail.body.clocks.find((c: { id: string }) => c.id === 'handling_opinion');
    expect(handling.status).toBe('met');
    expect(handling.explanation).toMatch(/个工作日/);
    const timeline = await inspector.get(`${path}/events`);
    expect(timeline.body.map((e: { type: string }) => e.type)).toEqual([
      'case_opened',
      'determination_started',
      'determination_recorded',
      'notice_served',
      'reported_to_government',
      'case_listed',
      'plan_submitted',
      'progress_report_submitted',
      'reinspection_applied',
      'reinspection_recorded',
      'case_closed',
      'case_delisted',
    ]);
    expect(timeline.body[1].actor).toEqual({
      kind: 'user',
      id: 'inspector-430102',
      role: 'inspector',
      jurisdictionCode: '430102',
    });
    expect(timeline.body[1].reason).toBe('检查发现疑似重大火灾隐患');
    expect(timeline.body[6].actor.unitCreditCode).toBe(UNIT_A);
  });

  it('maps rejected commands to 409, 422 and 403', async () => {
    const inspector = as(apps.api, 'inspector', '430102');
    const brigadeLeader = as(apps.api, 'brigade_leader', '430102');
    const caseNumber = uniqueCaseNumber('E2E');
    await inspector.post('/cases').send(openingBody(caseNumber));

    const wrongStage = await brigadeLeader.post(`/cases/${caseNumber}/closure`).send({});
    const wrongRole = await inspector.post(`/cases/${caseNumber}/determination`).send({
      outcome: 'major',
      decidedOn: chinaToday(),
      participants: ['甲', '乙', '丙'],
      clauses: ['6.3'],
    });
    await inspector.post(`/cases/${caseNumber}/determination/start`).send({});
    const duplicates = await brigadeLeader.post(`/cases/${caseNumber}/determination`).send({
      outcome: 'major',
      decidedOn: chinaToday(),
      participants: ['甲', '甲', '乙'],
      clauses: ['6.3'],
    });
    const english = await brigadeLeader.post(`/cases/${caseNumber}/closure`).set('Accept-Language', 'en').send({});

    expect(wrongStage.status).toBe(409);
    expect(wrongStage.body.code).toBe('command_rejected');
    expect(wrongStage.body.detail).toContain('close_case');
    expect(wrongRole.status).toBe(403);
    expect(duplicates.status).toBe(422);
    expect(duplicates.body.detail).toBe('集体讨论至少需要 3 名不同的参加人员');
    expect(english.body.detail).toBe(
      'close_case does not apply to a case in stage determination; it applies in: reinspection',
    );
  });

  it('rejects determination clauses that are not clause numbers', async () => {
    const inspector = as(apps.api, 'inspector', '430102');
    const brigadeLeader = as(apps.api, 'brigade_leader', '430102');
    const caseNumber = uniqueCaseNumber('E2E');
    await inspector.post('/cases').send(openingBody(caseNumber));
    await inspector.post(`/cases/${caseNumber}/determination/start`).send({});
    const decision = { decidedOn: chinaToday(), participants: ['甲', '乙', '丙'] };

    const badClause = await brigadeLeader
      .post(`/cases/${caseNumber}/determination`)
      .send({ ...decision, outcome: 'major', clauses: ['6.1.1', '../x'] });
    const noClause = await brigadeLeader
      .post(`/cases/${caseNumber}/determination`)
      .send({ ...decision, outcome: 'major', clauses: [] });
    const notMajor = await brigadeLeader
      .post(`/cases/${caseNumber}/determination`)
      .send({ ...decision, outcome: 'not_major', clauses: [] });

    expect(badClause.status).toBe(400);
    expect(badClause.body.errors).toEqual([
      { field: 'clauses', message: '必须是标准条款编号，例如 6.2、5.1.3 a) 或 A.1' },
    ]);
    expect(noClause.status).toBe(400);
    expect(noClause.body.errors).toEqual([
      { field: 'clauses', message: '结论为 major 或 excluded 时须至少列出 1 个所依据的条款' },
    ]);
    expect(notMajor.status).toBe(200);
  });

  it('batch listing reports cases that do not fit', async () => {
    const inspector = as(apps.api, 'inspector', '430102');
    const brigadeLeader = as(apps.api, 'brigade_leader', '430102');
    const leader = as(apps.api, 'government_leader', '430100');
    const ready = [uniqueCaseNumber('B'), uniqueCaseNumber('B')];
    const notReady = uniqueCaseNumber('B');
    const today = chinaToday();
    for (const caseNumber of [...ready, notReady]) await inspector.post('/cases').send(openingBody(caseNumber));
    for (const caseNumber of ready) {
      await inspector.post(`/cases/${caseNumber}/determination/start`).send({});
      await brigadeLeader
        .post(`/cases/${caseNumber}/determination`)
        .send({ outcome: 'major', decidedOn: today, participants: ['甲', '乙', '丙'], clauses: ['6.3'] });
      await inspector
        .post(`/cases/${caseNumber}/notice`)
        .send({ documentNumber: 'N', servedOn: today, deadline: chinaToday(30) });
      await inspector.post(`/cases/${caseNumber}/government-report`).send({ reportedOn: today, government: COUNTY });
    }

    const response = await leader.post('/listings').send({
      documentNumber: '长政督〔2026〕5号',
      listedOn: today,
      level: 'city',
      government: { jurisdictionCode: '430100', name: '长沙市人民政府' },
      reportingIntervalMonths: 1,
      cases: [...ready, notReady].map((caseNumber) => ({
        caseNumber,
        responsiblePerson: '负责人',
        supervisingDepartment: '市消防救援支队',
        deadline: chinaToday(90),
      })),
    });

    expect(response.status).toBe(200);
    expect(response.body.outcomes.map((o: { status: string }) => o.status)).toEqual(['listed', 'listed', 'rejected']);
    expect(response.body.outcomes[2].detail).toContain('list_case');
    const listed = await leader.get(`/cases?listingLevel=city&stage=listed`);
    expect(listed.body.items.map((c: { caseNumber: string }) => c.caseNumber)).toEqual(expect.arrayContaining(ready));
  });

  it('batch listing rejects a notice no case fits', async () => {
    const inspector = as(apps.api, 'inspector', '430102');
    const brigadeLeader = as(apps.api, 'brigade_leader', '430102');
    const caseNumber = uniqueCaseNumber('BN');
    const today = chinaToday();
    await inspector.post('/cases').send(openingBody(caseNumber));
    await inspector.post(`/cases/${caseNumber}/determination/start`).send({});
    await brigadeLeader
      .post(`/cases/${caseNumber}/determination`)
      .send({ outcome: 'major', decidedOn: today, participants: ['甲', '乙', '丙'], clauses: ['6.3'] });
    await inspector
      .post(`/cases/${caseNumber}/notice`)
      .send({ documentNumber: 'N', servedOn: today, deadline: chinaToday(30) });
    await inspector.post(`/cases/${caseNumber}/government-report`).send({ reportedOn: today, government: COUNTY });
    const notice = {
      documentNumber: '芙政督〔2026〕1号',
      listedOn: today,
      level: 'county',
      government: COUNTY,
      reportingIntervalMonths: 0,
      cases: [{ caseNumber, responsiblePerson: '负责人', supervisingDepartment: '部门', deadline: chinaToday(60) }],
    };
    const countyLeader = as(apps.api, 'government_leader', '430102');

    const future = await countyLeader.post('/listings').send({ ...notice, listedOn: chinaToday(2) });
    const aboveCaller = await countyLeader
      .post('/listings')
      .send({ ...notice, level: 'city', government: { jurisdictionCode: '430100', name: '长沙市人民政府' } });
    const outsideCaller = await countyLeader
      .post('/listings')
      .send({ ...notice, government: { jurisdictionCode: '430103', name: '长沙市天心区人民政府' } });
    const detail = await inspector.get(`/cases/${caseNumber}`);

    expect(future.status).toBe(400);
    expect(future.body.code).toBe('invalid_request');
    expect(future.body.errors.map((e: { field: string }) => e.field)).toEqual(['listedOn']);
    expect(aboveCaller.status).toBe(400);
    expect(aboveCaller.body.code).toBe('invalid_request');
    expect(aboveCaller.body.errors.map((e: { field: string }) => e.field)).toEqual(['government.jurisdictionCode']);
    expect(aboveCaller.body.errors[0].message).toContain('430102');
    expect(outsideCaller.status).toBe(400);
    expect(outsideCaller.body.errors.map((e: { field: string }) => e.field)).toEqual(['government.jurisdictionCode']);
    expect(detail.body.stage).toBe('reported');
  });

  it('rejects governments outside the case or caller', async () => {
    const inspector = as(apps.api, 'inspector', '430102');
    const brigadeLeader = as(apps.api, 'brigade_leader', '430102');
    const caseNumber = uniqueCaseNumber('GOV');
    const today = chinaToday();
    await inspector.post('/cases').send(openingBody(caseNumber));
    await inspector.post(`/cases/${caseNumber}/determination/start`).send({});
    await brigadeLeader
      .post(`/cases/${caseNumber}/determination`)
      .send({ outcome: 'major', decidedOn: today, participants: ['甲', '乙', '丙'], clauses: ['6.3'] });
    await inspector
      .post(`/cases/${caseNumber}/notice`)
      .send({ documentNumber: 'N', servedOn: today, deadline: chinaToday(30) });
    const elsewhere = await inspector
      .post(`/cases/${caseNumber}/government-report`)
      .send({ reportedOn: today, government: { jurisdictionCode: '110101', name: '北京市东城区人民政府' } });
    await inspector.post(`/cases/${caseNumber}/government-report`).send({ reportedOn: today, government: COUNTY });
    const listing = {
      documentNumber: 'L',
      listedOn: today,
      level: 'city',
      responsiblePerson: '负责人',
      supervisingDepartment: '部门',
      deadline: chinaToday(60),
      reportingIntervalMonths: 0,
    };
    const aboveCaller = await as(apps.api, 'government_leader', '430102')
      .post(`/cases/${caseNumber}/listing`)
      .send({ ...listing, government: { jurisdictionCode: '430100', name: '长沙市人民政府' } });
    const { deadline: _deadline, responsiblePerson: _person, supervisingDepartment: _department, ...notice } = listing;
    const batchByInspector = await inspector.post('/listings').send({
      ...notice,
      government: COUNTY,
      cases: [{ caseNumber, responsiblePerson: '负责人', supervisingDepartment: '部门', deadline: chinaToday(60) }],
    });

    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.detail).toContain('110101');
    expect(aboveCaller.status).toBe(422);
    expect(aboveCaller.body.detail).toContain('430100');
    expect(batchByInspector.status).toBe(403);
  });
});
