/**
 * Records one workflow history per case path into test/fixtures/histories/, for the replay test.
 * Runs each path on the time-skipping test server with stand-in activities (replay never runs
 * activities, it only checks the commands the workflow code makes). Re-record only together with an
 * intentional, unreleased change to the workflow code:
 *
 *   npm run record-histories
 *
 * Jest runs this file only through that script; it is not part of npm test.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { TestWorkflowEnvironment } from '@temporalio/testing';

import { endOfChinaDate, MINUTES_ESCALATION_POLICY } from '@duban/domain';

import { createTimeSkippingEnvironment } from '../support/temporal-test-env';
import { ACTORS, CaseHarness, PLAN } from '../workflows/case-harness';

type Options = Parameters<typeof CaseHarness.run>[1];

interface Scenario {
  readonly name: string;
  readonly options: Options;
  drive(c: CaseHarness): Promise<void>;
}

const MINUTE = 60_000;

async function closeAfterPassedReinspection(c: CaseHarness): Promise<void> {
  await c.send(ACTORS.unit, 'apply_for_reinspection', {});
  await c.send(ACTORS.brigadeLeader, 'record_reinspection', { passed: true, findings: '已整改' });
  await c.send(ACTORS.brigadeLeader, 'close_case', {});
}

const SCENARIOS: Scenario[] = [
  { name: 'case-opened', options: {}, drive: () => Promise.resolve() },
  {
    name: 'happy-path',
    options: {},
    async drive(c) {
      await c.driveToListed(await c.today(60), 1);
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });
      await c.send(ACTORS.unit, 'submit_progress_report', { summary: '喷淋泵已采购' });
      await closeAfterPassedReinspection(c);
      await c.send(ACTORS.countyLeader, 'consent_to_delisting', {});
      await c.handle.result();
    },
  },
  {
    name: 'extension-rejected-then-approved',
    options: {},
    async drive(c) {
      await c.driveToListed(await c.today(30));
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });
      await c.send(ACTORS.unit, 'request_extension', { requestedDeadline: await c.today(60) });
      await c.send(ACTORS.countyLeader, 'decide_extension', { approved: false });
      await c.send(ACTORS.unit, 'request_extension', { requestedDeadline: await c.today(45) });
      await c.send(ACTORS.countyLeader, 'decide_extension', { approved: true });
    },
  },
  {
    name: 'reinspection-failed-then-passed',
    options: {},
    async drive(c) {
      await c.driveToListed(await c.today(30));
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });
      await c.send(ACTORS.unit, 'apply_for_reinspection', {});
      await c.send(ACTORS.brigadeLeader, 'record_reinspection', { passed: false, findings: '喷淋末端压力不足' });
      await closeAfterPassedReinspection(c);
    },
  },
  {
    name: 'escalation-ladder',
    options: { policy: MINUTES_ESCALATION_POLICY },
    async drive(c) {
      const deadline = await c.today(1);
      await c.driveToListed(deadline);
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });
      const deadlineAt = endOfChinaDate(deadline).getTime();
      await c.advanceTo(deadlineAt + 3 * MINUTE);
      await c.send(ACTORS.countyLeader, 'acknowledge_escalation', { escalationId: `supervisory_letter@${deadline}` });
      await c.advanceTo(deadlineAt + 6 * MINUTE + 1000);
      await c.send(ACTORS.countyLeader, 'decide_exposure', { approved: true });
      await c.advanceTo(deadlineAt + 12 * MINUTE);
      await closeAfterPassedReinspection(c);
      await c.advanceTo(deadlineAt + 20 * MINUTE);
    },
  },
  {
    name: 'imported-overdue',
    options: {
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
    async drive(c) {
      await c.settle();
    },
  },
  {
    name: 'seal-expired-and-renewed',
    options: {},
    async drive(c) {
      const sealed = await c.send(ACTORS.inspector, 'apply_seal', {
        sealedOn: await c.today(),
        scope: '地下一层',
        days: 30,
      });
      await c.advanceTo(Date.parse(sealed.state.clocks.seal?.dueAt ?? '') + 1000);
      const renewed = await c.send(ACTORS.inspector, 'apply_seal', {
        sealedOn: await c.today(),
        scope: '地下一层',
        days: 10,
      });
      await c.send(ACTORS.inspector, 'lift_seal', { liftedOn: await c.today() });
      expect(renewed.state.seals).toHaveLength(2);
    },
  },
  {
    name: 'withdrawn',
    options: {},
    async drive(c) {
      await c.send(ACTORS.brigadeLeader, 'withdraw_case', {}, '重复立案');
      await c.handle.result();
    },
  },
  {
    name: 'suspended-and-resumed',
    options: {},
    async drive(c) {
      await c.driveToListed(await c.today(30));
      await c.send(ACTORS.inspector, 'suspend_case', {}, '单位已停业');
      await c.send(ACTORS.inspector, 'resume_case', {}, '单位恢复营业');
    },
  },
  {
    name: 'continued-as-new',
    options: { policy: MINUTES_ESCALATION_POLICY, continueAsNewAfter: 100 },
    async drive(c) {
      await c.driveToListed(await c.today(3 * 365), 1);
      await c.send(ACTORS.unit, 'submit_plan', { plan: PLAN });
      for (let month = 0; month < 12; month++) await c.advance(31 * 24 * 60 * MINUTE);
      await c.send(ACTORS.unit, 'submit_progress_report', { summary: '仍在整改' });
    },
  },
];

describe('history recorder', () => {
  let env: TestWorkflowEnvironment;
  const folder = join(__dirname, '..', 'fixtures', 'histories');

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
    mkdirSync(folder, { recursive: true });
    for (const file of readdirSync(folder)) rmSync(join(folder, file));
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it.each(SCENARIOS.map((scenario) => [scenario.name, scenario] as const))('records %s', async (name, scenario) => {
    await CaseHarness.run(env, scenario.options, async (c) => {
      await scenario.drive(c);
      await c.handle.terminate('history recorded').catch(() => undefined);
      // The latest run: for a case that continued as new, the run that resumed from the carried state.
      const history = await env.client.workflow.getHandle(c.caseNumber).fetchHistory();
      writeFileSync(join(folder, `${name}.json`), `${historyToJSON(history)}\n`);
      expect(history.events?.length).toBeGreaterThan(5);
    });
  });
});
