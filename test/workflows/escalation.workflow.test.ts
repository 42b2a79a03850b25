import type { TestWorkflowEnvironment } from '@temporalio/testing';

import { endOfChinaDate, MINUTES_ESCALATION_POLICY, parentJurisdictionCodes, type CaseEvent } from '@duban/domain';

import { createTimeSkippingEnvironment } from '../support/temporal-test-env';
import { ACTORS, CaseHarness, COUNTY, PLAN } from './case-harness';

const MINUTE = 60_000;

function fired(events: readonly CaseEvent[], type: string): CaseEvent[] {
  return events.filter((event) => event.type === type);
}

describe('hazardCase reminders and escalation on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('fires each rung of the ladder at exactly its computed instant', async () => {
    await CaseHarness.run(env, { policy: MINUTES_ESCALATION_POLICY }, async (c) => {
      const deadline = await c.today(1);
      await c.driveToListed(deadline);
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });
      const ladder = (await c.view()).ladder;
      const deadlineAt = endOfChinaDate(deadline).getTime();

      expect(ladder.map((rung) => [rung.kind, Date.parse(rung.at) - deadlineAt])).toEqual([
        ['reminder', -3 * MINUTE],
        ['reminder', -1 * MINUTE],
        ['overdue_notice', 0],
        ['supervisory_letter', 2 * MINUTE],
        ['interview', 4 * MINUTE],
        ['exposure_proposal', 6 * MINUTE],
        ['higher_level_report', 8 * MINUTE],
      ]);
      for (const rung of ladder) {
        const at = Date.parse(rung.at);
        await c.advanceTo(at - 1000);
        expect(
          c.activities
            .events()
            .some((e) => e.data['rung'] === rung.id || (e.data['escalation'] as { id?: string })?.id === rung.id),
        ).toBe(false);
        await c.advanceTo(at + 1000);
        const event = c.activities
          .events()
          .find((e) => e.data['rung'] === rung.id || (e.data['escalation'] as { id?: string })?.id === rung.id);
        expect(event).toBeDefined();
        expect(Date.parse(event?.occurredAt ?? '')).toBeGreaterThanOrEqual(at);
        expect(Date.parse(event?.occurredAt ?? '')).toBeLessThan(at + 1000);
        // Acknowledge each leader escalation so the test sees only ladder rungs, not re-sends.
        const escalation = event?.data['escalation'] as { id: string; kind: string } | undefined;
        if (escalation && escalation.kind !== 'interview') {
          const leader = escalation.kind === 'higher_level_report' ? ACTORS.cityLeader : ACTORS.countyLeader;
          await c.send(leader, 'acknowledge_escalation', { escalationId: escalation.id, instruction: '限期整改' });
        }
        if (escalation?.kind === 'interview') {
          const scheduled = await c.send(ACTORS.countyOfficer, 'schedule_interview', {
            scheduledOn: await c.today(),
            place: '区政府会议室',
            summoned: '单位法定代表人',
          });
          expect(scheduled.state.scheduledInterview?.place).toBe('区政府会议室');
          expect(scheduled.state.escalations.find((e) => e.id === escalation.id)?.acknowledgedAt).toBeDefined();
          await c.send(ACTORS.countyOfficer, 'record_interview', {
            heldOn: await c.today(),
            attendees: ['单位法定代表人'],
            minutes: '约谈记录',
            commitment: '一个月内完成整改',
          });
        }
      }

      const events = c.activities.events();
      expect(fired(events, 'reminder_sent')).toHaveLength(2);
      const overdue = fired(events, 'overdue_notice_sent')[0];
      expect(overdue?.notifications?.map((n) => n.recipient)).toEqual([
        { kind: 'unit', jurisdictionCode: '430102', unitCreditCode: '91430102MA4L0Q0B18' },
        { kind: 'role', jurisdictionCode: '430102', role: 'brigade_leader' },
        { kind: 'role', jurisdictionCode: '430102', role: 'government_leader' },
      ]);
      const sent = fired(events, 'escalation_sent').map(
        (e) => e.data['escalation'] as { kind: string; jurisdictionCode: string },
      );
      expect(sent.map((e) => [e.kind, e.jurisdictionCode])).toEqual([
        ['supervisory_letter', '430102'],
        ['interview', '430102'],
        ['exposure_proposal', '430102'],
        ['higher_level_report', '430100'],
      ]);
      const state = await c.state();
      expect(state.clocks.rectification?.status).toBe('missed');
      expect(state.exposure?.status).toBe('proposed');
      expect(state.interviews).toHaveLength(1);
      expect(state.scheduledInterview).toBeUndefined();
      const summons = fired(events, 'interview_scheduled')[0];
      expect(summons?.notifications?.map((n) => [n.topic, n.recipient.kind])).toEqual([
        ['interview_scheduled', 'unit'],
      ]);
      expect(fired(events, 'escalation_resent')).toHaveLength(0);
    });
  });

  it('sends nothing overdue when the unit applies for reinspection just before the deadline', async () => {
    await CaseHarness.run(env, { policy: MINUTES_ESCALATION_POLICY }, async (c) => {
      const deadline = await c.today(1);
      await c.driveToListed(deadline);
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });
      const deadlineAt = endOfChinaDate(deadline).getTime();

      await c.advanceTo(deadlineAt - 30_000);
      await c.send(ACTORS.unit, 'apply_for_reinspection', {});
      await c.advanceTo(deadlineAt + 10 * MINUTE);

      const types = c.eventTypes();
      expect(types.filter((t) => t === 'reminder_sent')).toHaveLength(2);
      expect(types).not.toContain('overdue_notice_sent');
      expect(types).not.toContain('escalation_sent');
      expect((await c.state()).clocks.rectification?.status).toBe('met');
    });
  });

  it('re-sends an unacknowledged escalation, then raises it one level', async () => {
    await CaseHarness.run(env, { policy: MINUTES_ESCALATION_POLICY }, async (c) => {
      const deadline = await c.today(1);
      await c.driveToListed(deadline);
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });
      const letterAt = endOfChinaDate(deadline).getTime() + 2 * MINUTE;

      await c.advanceTo(letterAt + 1000);
      await c.advanceTo(letterAt + 1 * MINUTE + 1000);
      await c.advanceTo(letterAt + 2 * MINUTE + 1000);

      const events = c.activities.events();
      const resent = fired(events, 'escalation_resent')[0];
      const climbed = fired(events, 'escalation_climbed')[0];
      expect(resent?.data['escalationId']).toBe(`supervisory_letter@${deadline}`);
      expect(Date.parse(resent?.occurredAt ?? '')).toBeGreaterThanOrEqual(letterAt + MINUTE);
      expect(climbed?.data).toMatchObject({ from: '430102', to: parentJurisdictionCodes('430102')[0] });
      expect(climbed?.notifications?.[0]?.recipient).toEqual({
        kind: 'role',
        jurisdictionCode: '430100',
        role: 'government_leader',
      });
      const outsider = await c.rejected(ACTORS.otherCountyLeader, 'acknowledge_escalation', {
        escalationId: `supervisory_letter@${deadline}`,
      });
      expect(outsider.code).toBe('outside_jurisdiction');
      const acknowledged = await c.send(ACTORS.cityLeader, 'acknowledge_escalation', {
        escalationId: `supervisory_letter@${deadline}`,
        instruction: '请芙蓉区政府一周内督促整改到位',
      });
      const letter = acknowledged.state.escalations.find((e) => e.kind === 'supervisory_letter');
      expect(letter?.jurisdictionCode).toBe('430100');
      expect(letter?.instruction).toBe('请芙蓉区政府一周内督促整改到位');
    });
  });

  it('stops chasing an escalation once the deadline is extended', async () => {
    await CaseHarness.run(env, { policy: MINUTES_ESCALATION_POLICY }, async (c) => {
      const deadline = await c.today(1);
      await c.driveToListed(deadline);
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });
      await c.advanceTo(endOfChinaDate(deadline).getTime() + 2 * MINUTE + 1000);
      const sent = (await c.state()).escalations.find((e) => e.kind === 'supervisory_letter');

      await c.send(ACTORS.unit, 'request_extension', { requestedDeadline: await c.today(30) });
      const extended = await c.send(ACTORS.countyLeader, 'decide_extension', { approved: true });
      await c.advanceTo(Date.parse(sent?.acknowledgeBy ?? '') + 10 * MINUTE);

      expect(sent?.acknowledgeBy).not.toBe('');
      const letter = extended.state.escalations.find((e) => e.id === sent?.id);
      expect(letter?.acknowledgeBy).toBe('');
      expect(letter?.supersededAt).toBe(extended.state.deadlines[extended.state.deadlines.length - 1]?.setAt);
      expect(c.eventTypes()).not.toContain('escalation_resent');
      expect(c.eventTypes()).not.toContain('escalation_climbed');
      expect((await c.state()).escalations.map((e) => e.kind)).toEqual(['supervisory_letter']);
    });
  });

  it('publishes an approved exposure and takes it down after closure', async () => {
    await CaseHarness.run(env, { policy: MINUTES_ESCALATION_POLICY }, async (c) => {
      const deadline = await c.today(1);
      await c.driveToListed(deadline);
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });
      const proposalAt = endOfChinaDate(deadline).getTime() + 6 * MINUTE;
      await c.advanceTo(proposalAt + 1000);

      const early = await c.rejected(ACTORS.countyOfficer, 'decide_exposure', { approved: true });
      const published = await c.send(ACTORS.countyLeader, 'decide_exposure', { approved: true });
      await c.send(ACTORS.unit, 'apply_for_reinspection', {});
      await c.send(ACTORS.brigadeLeader, 'record_reinspection', { passed: true, findings: '已整改' });
      const closed = await c.send(ACTORS.brigadeLeader, 'close_case', {});
      const takedownAt = Date.parse(closed.state.exposure?.takedownAt ?? '');
      await c.advanceTo(takedownAt - 1000);
      const beforeTakedown = (await c.state()).exposure?.status;
      await c.advanceTo(takedownAt + 1000);

      expect(early.code).toBe('forbidden_role');
      expect(published.state.exposure?.status).toBe('published');
      expect(takedownAt - Date.parse(closed.state.closedAt ?? '')).toBe(5 * MINUTE);
      expect(beforeTakedown).toBe('published');
      expect((await c.state()).exposure?.status).toBe('taken_down');
      expect(c.eventTypes()).toContain('exposure_taken_down');
    });
  });

  it('escalates an imported case whose deadline passed years ago at once', async () => {
    await CaseHarness.run(
      env,
      {
        discoveredOn: '2019-03-01',
        import: {
          stage: 'listed',
          listing: {
            documentNumber: '湘政督〔2019〕3号',
            listedOn: '2019-04-01',
            level: 'province',
            government: { jurisdictionCode: '430000', name: '湖南省人民政府' },
            responsiblePerson: '不详',
            supervisingDepartment: '省消防救援总队',
            deadline: '2019-12-31',
            reportingIntervalMonths: 0,
          },
          source: '湘政督〔2019〕3号',
        },
      },
      async (c) => {
        await c.settle();
        const events = c.activities.events();
        const types = events.map((e) => e.type);
        const state = await c.state();

        expect(types[0]).toBe('case_imported');
        // Reminders, the overdue notice, the letter, the interview and the exposure proposal fell before the import.
        expect(types.filter((t) => t === 'rung_passed_before_import')).toHaveLength(8);
        // The case is at the last rung: the report to the next-higher government is sent now.
        const sent = fired(events, 'escalation_sent').map((e) => e.data['escalation'] as { kind: string });
        expect(sent.map((e) => e.kind)).toEqual(['higher_level_report']);
        expect(state.clocks.rectification?.status).toBe('missed');
        expect(state.stage).toBe('listed');
        expect(events.flatMap((e) => e.notifications ?? []).map((n) => n.topic)).toEqual(['higher_level_report']);
      },
    );
  });

  it('expires a seal and allows a new one', async () => {
    await CaseHarness.run(env, {}, async (c) => {
      const sealedOn = await c.today();
      const sealed = await c.send(ACTORS.inspector, 'apply_seal', { sealedOn, scope: '地下一层歌舞厅', days: 30 });
      const twice = await c.rejected(ACTORS.inspector, 'apply_seal', { sealedOn, scope: '地下一层歌舞厅', days: 30 });
      const tooLong = await c.rejected(ACTORS.inspector, 'lift_seal', { liftedOn: 'not-a-date' });
      const expiresAt = Date.parse(sealed.state.clocks.seal?.dueAt ?? '');
      await c.advanceTo(expiresAt + 1000);
      const renewed = await c.send(ACTORS.inspector, 'apply_seal', {
        sealedOn: await c.today(),
        scope: '地下一层歌舞厅',
        days: 30,
      });

      expect(sealed.state.seals[0]?.expiresOn).toBe(addDays(sealedOn, 30));
      expect(twice.code).toBe('conflict');
      expect(tooLong.code).toBe('invalid_payload');
      expect(c.eventTypes()).toContain('seal_expired');
      expect(renewed.state.seals.map((s) => [s.number, s.status])).toEqual([
        [1, 'expired'],
        [2, 'active'],
      ]);
    });
  });

  it('continues a long-running case as new and keeps its state', async () => {
    await CaseHarness.run(env, { policy: MINUTES_ESCALATION_POLICY, continueAsNewAfter: 100 }, async (c) => {
      await c.driveToListed(await c.today(3 * 365), 1);
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });
      const firstRun = (await c.handle.describe()).runId;

      // Two years of monthly progress reports missed: each miss is an event, a notification and an activity.
      for (let month = 0; month < 24; month++) await c.advance(31 * 24 * 60 * MINUTE);

      const described = await c.handle.describe();
      const state = await c.state();
      expect(described.runId).not.toBe(firstRun);
      expect(state.stage).toBe('rectifying');
      expect(state.plan?.measures).toBe(PLAN.measures);
      expect(c.eventTypes().filter((t) => t === 'progress_report_missed').length).toBeGreaterThanOrEqual(23);
      expect(state.lastSequence).toBe(c.activities.events().length);
      const reported = await c.send(ACTORS.unit, 'submit_progress_report', { summary: '仍在整改' });
      expect(reported.state.lastSequence).toBe(state.lastSequence + 1);
    });
  });
});

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export { COUNTY };
