import type { TestWorkflowEnvironment } from '@temporalio/testing';

import { MAX_CASE_STATE_BYTES, OFFICIAL_SCHEDULES, type YearSchedule } from '@duban/domain';
import {
  calendarUpdatedSignal,
  executeCommandUpdate,
  KEYED_COMMAND_UPDATE_PREFIX,
  type ExecuteCommandArgs,
} from '@duban/temporal';

import { createTimeSkippingEnvironment } from '../support/temporal-test-env';
import { ACTORS, CaseHarness, COUNTY, PLAN } from './case-harness';

describe('hazardCase lifecycle on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('runs the happy path from discovery to delisting', async () => {
    await CaseHarness.run(env, {}, async (c) => {
      const deadline = await c.today(60);
      await c.driveToListed(deadline, 1);
      expect((await c.state()).stage).toBe('listed');

      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });
      await c.send(ACTORS.unit, 'submit_progress_report', { summary: '喷淋泵已采购' });
      await c.send(ACTORS.unit, 'apply_for_reinspection', {});
      expect((await c.state()).stage).toBe('reinspection');
      await c.send(ACTORS.brigadeLeader, 'record_reinspection', { passed: true, findings: '系统运行正常' });
      await c.send(ACTORS.brigadeLeader, 'close_case', {});
      const closed = await c.send(ACTORS.countyLeader, 'consent_to_delisting', {});

      expect(closed.state.stage).toBe('delisted');
      expect(c.eventTypes()).toEqual([
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
      expect(c.activities.events().map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(closed.state.clocks.rectification?.status).toBe('met');
      expect(closed.state.clocks.handling_opinion?.status).toBe('met');
      expect(closed.state.clocks.report?.status).toBe('met');
      expect(closed.state.clocks.notice?.status).toBe('met');
      expect(closed.state.clocks.reinspection?.status).toBe('met');
      expect(closed.state.deadlines.map((d) => d.setBy)).toEqual(['notice', 'listing']);
      const result = await c.handle.result();
      expect(result.stage).toBe('delisted');
    });
  });

  it('records the actor, time and reason of each command', async () => {
    await CaseHarness.run(env, {}, async (c) => {
      await c.send(ACTORS.inspector, 'start_determination', {}, '检查发现疑似重大火灾隐患');

      const event = c.activities.events()[1];
      expect(event?.type).toBe('determination_started');
      expect(event?.actor).toEqual(ACTORS.inspector);
      expect(event?.reason).toBe('检查发现疑似重大火灾隐患');
      expect(event?.occurredAt).toBe(new Date(Date.parse(event?.occurredAt ?? '')).toISOString());
    });
  });

  it('rejects commands that do not fit, before they enter history', async () => {
    await CaseHarness.run(env, {}, async (c) => {
      const wrongStage = await c.rejected(ACTORS.unit, 'submit_plan', { plan: PLAN });
      const wrongRole = await c.rejected(ACTORS.inspector, 'record_determination', {
        outcome: 'major',
        decidedOn: await c.today(),
        participants: ['甲', '乙', '丙'],
        clauses: [],
      });
      const otherUnit = await c.rejected(ACTORS.otherUnit, 'submit_plan', { plan: PLAN });
      const otherCounty = await c.rejected(ACTORS.otherCountyLeader, 'withdraw_case', {}, '不在辖区');
      await c.send(ACTORS.inspector, 'start_determination', {});
      const tooFew = await c.rejected(ACTORS.brigadeLeader, 'record_determination', {
        outcome: 'major',
        decidedOn: await c.today(),
        participants: ['甲', '乙', '乙'],
        clauses: [],
      });

      expect(wrongStage.code).toBe('wrong_stage');
      expect(wrongRole.code).toBe('forbidden_role');
      expect(otherUnit.code).toBe('outside_jurisdiction');
      expect(otherCounty.code).toBe('outside_jurisdiction');
      expect(tooFew.code).toBe('invalid_payload');
      expect(tooFew.zh).toBe('集体讨论至少需要 3 名不同的参加人员');
      expect(c.eventTypes()).toEqual(['case_opened', 'determination_started']);
      const history = await c.handle.fetchHistory();
      const rejectedUpdates = (history.events ?? []).filter((e) => e.workflowExecutionUpdateRejectedEventAttributes);
      const accepted = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
      expect(rejectedUpdates).toHaveLength(0);
      // The opening confirmation and start_determination are the only updates in history.
      expect(accepted).toHaveLength(2);
    });
  });

  it('records the GB 35181 proposal the decision follows or departs from', async () => {
    await CaseHarness.run(env, { discoveredOn: '2024-05-10' }, async (c) => {
      await c.send(ACTORS.inspector, 'start_determination', {});
      const findings = { elements: [{ clause: '6.6', evidence: '旅馆未设置自动喷水灭火系统' }] };
      const unexplained = await c.rejected(ACTORS.brigadeLeader, 'record_determination', {
        outcome: 'not_major',
        decidedOn: '2024-05-15',
        participants: ['甲', '乙', '丙'],
        clauses: [],
        findings,
      });
      const unknown = await c.rejected(ACTORS.brigadeLeader, 'record_determination', {
        outcome: 'major',
        decidedOn: '2024-05-15',
        participants: ['甲', '乙', '丙'],
        clauses: ['9.9'],
        findings: { elements: [{ clause: '9.9' }] },
      });
      const decided = await c.send(ACTORS.brigadeLeader, 'record_determination', {
        outcome: 'major',
        decidedOn: '2024-05-15',
        participants: ['甲', '乙', '丙'],
        clauses: ['6.6'],
        findings,
      });

      expect(unexplained.code).toBe('invalid_payload');
      expect(unexplained.en).toBe('departureReason must not be empty');
      expect(unknown.code).toBe('invalid_payload');
      expect(unknown.en).toContain('findings.elements');
      expect(decided.state.determination?.proposal).toMatchObject({
        edition: 'GB 35181-2017',
        outcome: 'major',
        method: 'direct',
      });
      expect(decided.state.determination?.proposal?.explanation.zh).toContain('6.6');
    });
  });

  it('records concurrent commands one after another', async () => {
    await CaseHarness.run(env, {}, async (c) => {
      await c.driveToListed(await c.today(30));
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });

      const results = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          c.send(ACTORS.unit, 'submit_progress_report', { summary: `report ${index}` }),
        ),
      );

      const sequences = results.flatMap((result) => result.sequences);
      expect(new Set(sequences).size).toBe(10);
      expect((await c.state()).progressReports).toHaveLength(10);
      expect(c.activities.events().map((event) => event.sequence)).toEqual(
        Array.from({ length: c.activities.events().length }, (_, index) => index + 1),
      );
    });
  });

  it('rejects a command that would outgrow the case record', async () => {
    await CaseHarness.run(env, {}, async (c) => {
      await c.driveToListed(await c.today(30));
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });
      // 10,000 Chinese characters are 30,000 bytes in UTF-8, so about 17 reports fill the record.
      const summary = '整'.repeat(10_000);

      let accepted = 0;
      let rejection: Awaited<ReturnType<typeof c.rejected>> | undefined;
      while (rejection === undefined && accepted < 100) {
        const size = Buffer.byteLength(JSON.stringify(await c.state()));
        if (size + 30_000 > MAX_CASE_STATE_BYTES)
          rejection = await c.rejected(ACTORS.unit, 'submit_progress_report', { summary });
        else {
          await c.send(ACTORS.unit, 'submit_progress_report', { summary });
          accepted += 1;
        }
      }

      expect(accepted).toBeGreaterThan(12);
      expect(rejection?.code).toBe('invalid_payload');
      expect(rejection?.en).toContain(`over the limit of ${MAX_CASE_STATE_BYTES}`);
      expect((await c.state()).progressReports).toHaveLength(accepted);
    });
  });

  it('summons to an interview, reschedules, and rejects a past date', async () => {
    await CaseHarness.run(env, {}, async (c) => {
      await c.driveToListed(await c.today(30));
      const summons = { place: '区政府会议室', summoned: '单位法定代表人' };

      const past = await c.rejected(ACTORS.countyOfficer, 'schedule_interview', {
        ...summons,
        scheduledOn: await c.today(-1),
      });
      const unit = await c.rejected(ACTORS.unit, 'schedule_interview', { ...summons, scheduledOn: await c.today(3) });
      await c.send(ACTORS.countyOfficer, 'schedule_interview', { ...summons, scheduledOn: await c.today(3) });
      const moved = await c.send(ACTORS.countyLeader, 'schedule_interview', {
        ...summons,
        scheduledOn: await c.today(5),
      });

      expect(past.code).toBe('invalid_payload');
      expect(past.en).toContain('must not be earlier than today');
      expect(unit.code).toBe('forbidden_role');
      expect(moved.state.scheduledInterview?.scheduledOn).toBe(await c.today(5));
      const scheduled = c.activities.events().filter((e) => e.type === 'interview_scheduled');
      expect(scheduled.map((e) => e.data['rescheduled'])).toEqual([false, true]);
    });
  });

  it('ends a case determined not major', async () => {
    await CaseHarness.run(env, {}, async (c) => {
      await c.send(ACTORS.inspector, 'start_determination', {});
      await c.send(ACTORS.brigadeLeader, 'record_determination', {
        outcome: 'not_major',
        decidedOn: await c.today(),
        participants: ['甲', '乙', '丙'],
        clauses: [],
        proposedOutcome: 'major',
        departureReason: '现场已整改两项要素，不足判定标准',
      });

      const result = await c.handle.result();
      expect(result.stage).toBe('not_major');
    });
  });

  it('extension approved and rejected', async () => {
    await CaseHarness.run(env, {}, async (c) => {
      const deadline = await c.today(30);
      await c.driveToListed(deadline);
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });

      await c.send(ACTORS.unit, 'request_extension', { requestedDeadline: await c.today(60) }, '设备到货延迟');
      const byBrigade = await c.rejected(ACTORS.brigadeLeader, 'decide_extension', { approved: true });
      const rejected = await c.send(ACTORS.countyLeader, 'decide_extension', { approved: false }, '理由不充分');
      await c.send(ACTORS.unit, 'request_extension', { requestedDeadline: await c.today(45) });
      const approved = await c.send(ACTORS.countyLeader, 'decide_extension', { approved: true });

      expect(byBrigade.code).toBe('forbidden_role');
      expect(rejected.state.deadlines.map((d) => d.deadline)).toEqual([deadline, deadline]);
      expect(approved.state.deadlines.map((d) => [d.setBy, d.deadline])).toEqual([
        ['notice', deadline],
        ['listing', deadline],
        ['extension', await c.today(45)],
      ]);
      expect(approved.state.clocks.rectification?.due).toBe(await c.today(45));
      const decisions = c.activities.events().filter((e) => e.type === 'extension_decided');
      expect(decisions.map((e) => e.data['approved'])).toEqual([false, true]);
      expect(decisions[0]?.notifications?.[0]?.text.zh).toContain('未获批准');
    });
  });

  it('returns a failed reinspection to rectifying, then closes after a pass', async () => {
    await CaseHarness.run(env, {}, async (c) => {
      await c.driveToListed(await c.today(30));
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });
      await c.send(ACTORS.unit, 'apply_for_reinspection', {});

      const failed = await c.send(ACTORS.brigadeLeader, 'record_reinspection', {
        passed: false,
        findings: '喷淋末端压力不足',
      });
      const early = await c.rejected(ACTORS.brigadeLeader, 'close_case', {});
      await c.send(ACTORS.unit, 'apply_for_reinspection', {});
      await c.send(ACTORS.brigadeLeader, 'record_reinspection', { passed: true, findings: '已整改' });
      const closed = await c.send(ACTORS.brigadeLeader, 'close_case', {});

      expect(failed.state.stage).toBe('rectifying');
      expect(failed.state.clocks.rectification?.status).toBe('running');
      expect(early.code).toBe('wrong_stage');
      expect(closed.state.stage).toBe('closed');
      expect(closed.state.reinspections.map((r) => [r.passed, r.findings])).toEqual([
        [false, '喷淋末端压力不足'],
        [true, '已整改'],
      ]);
    });
  });

  it('withdraws a case with a reason and ends the workflow', async () => {
    await CaseHarness.run(env, {}, async (c) => {
      const noReason = await c.rejected(ACTORS.brigadeLeader, 'withdraw_case', {});
      await c.send(ACTORS.brigadeLeader, 'withdraw_case', {}, '重复立案');

      const result = await c.handle.result();
      expect(noReason.code).toBe('invalid_payload');
      expect(result.stage).toBe('withdrawn');
      expect(result.withdrawal?.reason).toBe('重复立案');
    });
  });

  it('suspends a case and resumes it at the stage it left', async () => {
    await CaseHarness.run(env, {}, async (c) => {
      await c.driveToListed(await c.today(30));
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });

      const suspended = await c.send(ACTORS.inspector, 'suspend_case', {}, '单位已停业');
      const blocked = await c.rejected(ACTORS.unit, 'submit_progress_report', { summary: '进展' });
      const resumed = await c.send(ACTORS.inspector, 'resume_case', {}, '单位恢复营业');

      expect(suspended.state.stage).toBe('suspended');
      expect(blocked.code).toBe('wrong_stage');
      expect(resumed.state.stage).toBe('rectifying');
    });
  });

  it('lists a case that is already rectifying under the notice deadline', async () => {
    await CaseHarness.run(env, {}, async (c) => {
      const today = await c.today();
      await c.send(ACTORS.inspector, 'start_determination', {});
      await c.send(ACTORS.brigadeLeader, 'record_determination', {
        outcome: 'major',
        decidedOn: today,
        participants: ['甲', '乙', '丙'],
        clauses: [],
      });
      await c.send(ACTORS.inspector, 'serve_notice', {
        documentNumber: 'N-1',
        servedOn: today,
        deadline: await c.today(20),
      });
      await c.send(ACTORS.inspector, 'report_to_government', { reportedOn: today, government: COUNTY });
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });
      const listed = await c.send(ACTORS.countyLeader, 'list_case', {
        documentNumber: 'L-1',
        listedOn: today,
        level: 'county',
        government: COUNTY,
        responsiblePerson: '赵六',
        supervisingDepartment: '应急管理局',
        deadline: await c.today(40),
        reportingIntervalMonths: 0,
      });
      const raised = await c.send(ACTORS.cityLeader, 'raise_listing_level', {
        level: 'city',
        government: { jurisdictionCode: '430100', name: '长沙市人民政府' },
      });

      expect(listed.state.stage).toBe('rectifying');
      expect(listed.state.clocks.rectification?.due).toBe(await c.today(40));
      expect(raised.state.listing?.levelHistory.map((l) => l.level)).toEqual(['county', 'city']);
    });
  });
});

describe('hazardCase working calendar', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('recomputes a provisional clock when a schedule for its year arrives', async () => {
    await CaseHarness.run(env, { discoveredOn: '2026-12-28' }, async (c) => {
      const before = (await c.state()).clocks.handling_opinion;
      const schedule2027: YearSchedule = {
        year: 2027,
        daysOff: ['2027-01-01', '2027-01-02', '2027-01-03'],
        makeUpWorkingDays: [],
        source: 'test schedule for 2027',
      };
      await c.handle.signal(calendarUpdatedSignal, [...OFFICIAL_SCHEDULES, schedule2027]);
      await waitUntil(async () => (await c.state()).clocks.handling_opinion?.provisional === false);
      const after = (await c.state()).clocks.handling_opinion;

      // 7 working days from Monday 2026-12-28: Friday 2027-01-01 counts until 2027 is loaded as a day off.
      expect(before).toMatchObject({ due: '2027-01-06', provisional: true });
      expect(after).toMatchObject({ due: '2027-01-07', provisional: false });
      expect(c.eventTypes()).toContain('calendar_updated');
    });
  });
});

describe('hazardCase idempotency keys', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('returns the first result after continue-as-new', async () => {
    await CaseHarness.run(env, { continueAsNewAfter: 10 }, async (c) => {
      const updateId = `${KEYED_COMMAND_UPDATE_PREFIX}${'a'.repeat(64)}`;
      const args: [ExecuteCommandArgs] = [
        { command: { type: 'start_determination', payload: {} }, actor: ACTORS.inspector },
      ];

      const first = await c.handle.executeUpdate(executeCommandUpdate, { args, updateId });
      const firstRun = (await c.handle.describe()).runId;
      await c.send(ACTORS.brigadeLeader, 'record_determination', {
        outcome: 'major',
        decidedOn: await c.today(),
        participants: ['张三', '李四', '王五'],
        clauses: ['6.3'],
      });
      const laterRun = (await c.handle.describe()).runId;
      const repeated = await c.handle.executeUpdate(executeCommandUpdate, { args, updateId });
      const unkeyed = await c.rejected(ACTORS.inspector, 'start_determination', {});

      expect(laterRun).not.toBe(firstRun);
      expect(repeated).toEqual(first);
      expect(first.stage).toBe('determination');
      expect(c.eventTypes()).toEqual(['case_opened', 'determination_started', 'determination_recorded']);
      expect((await c.state()).lastSequence).toBe(first.lastSequence + 1);
      expect(unkeyed.code).toBe('wrong_stage');
    });
  });
});

async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
