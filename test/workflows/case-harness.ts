import { randomUUID } from 'node:crypto';

import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';

import {
  chinaDateOf,
  type Actor,
  type CaseCommand,
  type CaseImport,
  type CaseOpening,
  type CaseState,
  type CommandPayloads,
  type CommandType,
  type EscalationPolicy,
} from '@duban/domain';
import {
  confirmOpenedUpdate,
  executeCommandUpdate,
  getCaseViewQuery,
  workflowBundlerOptions,
  type CaseView,
  type CommandRejectionDetails,
  type ExecuteCommandResult,
  type HazardCaseInput,
} from '@duban/temporal';

import { createStandInActivities } from '../support/stand-in-activities';

export const UNIT_CODE = '91430102MA4L0Q0B18';

export const ACTORS = {
  inspector: { kind: 'user', id: 'inspector-1', role: 'inspector', jurisdictionCode: '430102' },
  brigadeLeader: { kind: 'user', id: 'brigade-leader-1', role: 'brigade_leader', jurisdictionCode: '430102' },
  countyLeader: { kind: 'user', id: 'county-leader-1', role: 'government_leader', jurisdictionCode: '430102' },
  countyOfficer: { kind: 'user', id: 'county-officer-1', role: 'government_officer', jurisdictionCode: '430102' },
  cityLeader: { kind: 'user', id: 'city-leader-1', role: 'government_leader', jurisdictionCode: '430100' },
  otherCountyLeader: { kind: 'user', id: 'other-leader-1', role: 'government_leader', jurisdictionCode: '430103' },
  unit: { kind: 'user', id: 'unit-1', role: 'unit', unitCreditCode: UNIT_CODE },
  otherUnit: { kind: 'user', id: 'unit-2', role: 'unit', unitCreditCode: '91350100M000100Y43' },
} as const satisfies Record<string, Actor>;

export const COUNTY = { jurisdictionCode: '430102', name: '长沙市芙蓉区人民政府' };

export function openingFor(caseNumber: string, discoveredOn: string): CaseOpening {
  return {
    caseNumber,
    responsibleUnit: { name: '某某宾馆有限公司', creditCode: UNIT_CODE },
    jurisdictionCode: '430102',
    placeType: 'hotel',
    address: '长沙市芙蓉区某某路 1 号',
    discoveredOn,
    discoverySource: 'inspection',
    hazardItems: [{ description: '自动喷水灭火系统未保持正常运行' }],
  };
}

/** A hazard case workflow on the time-skipping server, driven by commands and explicit time steps. */
export class CaseHarness {
  readonly activities;
  private constructor(
    readonly env: TestWorkflowEnvironment,
    readonly handle: WorkflowHandle,
    readonly caseNumber: string,
    activities: ReturnType<typeof createStandInActivities>,
  ) {
    this.activities = activities;
  }

  /**
   * Starts a worker and a case, runs `body`, then ends the case and the worker. The case is opened on
   * the server's current China date unless an import record says otherwise.
   */
  static async run<T>(
    env: TestWorkflowEnvironment,
    options: { policy?: EscalationPolicy; import?: CaseImport; discoveredOn?: string; continueAsNewAfter?: number },
    body: (harness: CaseHarness) => Promise<T>,
  ): Promise<T> {
    const taskQueue = `wf-${randomUUID()}`;
    const activities = createStandInActivities({ ...(options.policy ? { policy: options.policy } : {}) });
    const { workflowsPath, webpackConfigHook } = workflowBundlerOptions();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath,
      bundlerOptions: { webpackConfigHook },
      activities,
    });
    return worker.runUntil(async () => {
      const caseNumber = `WF-${randomUUID().slice(0, 8)}`;
      const today = chinaDateOf(new Date(await env.currentTimeMs()));
      const input: HazardCaseInput = {
        opening: openingFor(caseNumber, options.discoveredOn ?? today),
        openedBy: ACTORS.inspector,
        openingHash: 'a'.repeat(64),
        openRequestId: 'request-1',
        ...(options.import ? { import: options.import } : {}),
        ...(options.continueAsNewAfter ? { continueAsNewAfter: options.continueAsNewAfter } : {}),
      };
      const handle = await env.client.workflow.start('hazardCase', {
        workflowId: caseNumber,
        taskQueue,
        args: [input],
      });
      await handle.executeUpdate(confirmOpenedUpdate, {
        args: [{ openRequestId: 'request-1', openingHash: 'a'.repeat(64) }],
      });
      const harness = new CaseHarness(env, handle, caseNumber, activities);
      try {
        return await body(harness);
      } catch (error) {
        const history = await handle.fetchHistory();
        const failures = (history.events ?? [])
          .map((event) => event.workflowTaskFailedEventAttributes?.failure?.message)
          .filter((message) => message);
        if (failures.length > 0) {
          throw new Error(`${String(error)}; workflow task failures: ${failures.join(' | ')}`, { cause: error });
        }
        throw error;
      } finally {
        await handle.terminate('test finished').catch(() => undefined);
      }
    });
  }

  async now(): Promise<number> {
    return this.env.currentTimeMs();
  }

  async today(offsetDays = 0): Promise<string> {
    return chinaDateOf(new Date((await this.now()) + offsetDays * 86_400_000));
  }

  async send<K extends CommandType>(
    actor: Actor,
    type: K,
    payload: CommandPayloads[K],
    reason?: string,
  ): Promise<ExecuteCommandResult & { state: CaseState }> {
    const command = { type, payload, ...(reason ? { reason } : {}) } as CaseCommand;
    const result = await this.handle.executeUpdate(executeCommandUpdate, { args: [{ command, actor }] });
    // The update returns a summary, so the state after it comes from the query.
    return { ...result, state: await this.state() };
  }

  /** Sends a command that must be rejected, and returns the rejection's details. */
  async rejected<K extends CommandType>(
    actor: Actor,
    type: K,
    payload: CommandPayloads[K],
    reason?: string,
  ): Promise<CommandRejectionDetails> {
    const outcome = await this.send(actor, type, payload, reason).then(
      () => undefined,
      (error: unknown) => error,
    );
    if (!(outcome instanceof WorkflowUpdateFailedError) || !(outcome.cause instanceof ApplicationFailure)) {
      throw new Error(`expected ${type} to be rejected, got ${String(outcome)}`);
    }
    return outcome.cause.details?.[0] as CommandRejectionDetails;
  }

  async view(): Promise<CaseView> {
    return this.handle.query(getCaseViewQuery);
  }

  async state(): Promise<CaseState> {
    return (await this.view()).state;
  }

  eventTypes(): string[] {
    return this.activities.events().map((event) => event.type);
  }

  /** Moves server time forward, then waits (in real time) until the workflow has caught up. */
  async advance(ms: number): Promise<void> {
    await this.env.sleep(ms);
    await this.settle();
  }

  /** Moves server time to an instant. */
  async advanceTo(instant: number): Promise<void> {
    const now = await this.now();
    if (instant > now) await this.advance(instant - now);
  }

  /** Waits until the workflow's pending work is done: its next wake-up lies in the future again. */
  async settle(): Promise<void> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const view = await this.view();
      const now = await this.now();
      if (view.nextWakeAt === null || Date.parse(view.nextWakeAt) > now) return;
      if (Date.now() > deadline) throw new Error(`the workflow did not catch up with ${new Date(now).toISOString()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Drives a new case through determination, notice and report, and lists it with the given deadline. */
  async driveToListed(deadline: string, reportingIntervalMonths = 0): Promise<void> {
    const today = await this.today();
    await this.send(ACTORS.inspector, 'start_determination', {});
    await this.send(ACTORS.brigadeLeader, 'record_determination', {
      outcome: 'major',
      decidedOn: today,
      participants: ['张三', '李四', '王五'],
      clauses: ['6.3'],
    });
    await this.send(ACTORS.inspector, 'serve_notice', {
      documentNumber: '长消重字〔2026〕1号',
      servedOn: today,
      deadline,
    });
    await this.send(ACTORS.inspector, 'report_to_government', { reportedOn: today, government: COUNTY });
    await this.send(ACTORS.countyLeader, 'list_case', {
      documentNumber: '芙政督〔2026〕1号',
      listedOn: today,
      level: 'county',
      government: COUNTY,
      responsiblePerson: '赵六',
      supervisingDepartment: '芙蓉区应急管理局',
      deadline,
      reportingIntervalMonths,
    });
  }
}

export const PLAN = {
  responsibility: '总经理负责',
  measures: '更换喷淋泵，恢复自动喷水灭火系统',
  funds: '50 万元',
  timeLimit: '三个月',
  contingencyPlan: '整改期间增加巡查，停用地下一层',
};
