import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

import type { CaseStage, Role } from '@duban/domain';

import { chinaToday, openingBody, UNIT_A } from '../support/http';
import { bearer } from '../support/tokens';

const COUNTY = { jurisdictionCode: '430102', name: '长沙市芙蓉区人民政府' };
const REQUEST_TIMEOUT_MS = 120_000;
const STEP_PATIENCE_MS = 600_000;
const RETRY_PAUSE_MS = 500;

/**
 * How far a case is driven: `delisted` runs the whole lifecycle, `rectifying` stops after the plan, and
 * `overdue` stops at a notice whose deadline passed yesterday, so its escalation ladder runs during the suite.
 */
export type Cohort = 'delisted' | 'rectifying' | 'overdue';

export const EXPECTED_STAGE: Record<Cohort, CaseStage> = {
  delisted: 'delisted',
  rectifying: 'rectifying',
  overdue: 'notice_served',
};

/** One command of a case: who sends it, where, and the event that shows it was recorded. */
interface Step {
  readonly role: Role;
  readonly path: string;
  readonly body: object;
  readonly event: string;
  /** Sent with the opening, so a repeated opening returns the existing case instead of a clash. */
  readonly idempotencyKey?: string;
}

/** Responses that led to a retry, counted by status (0 for a request that got no response). */
export type RetryCounts = Record<number, number>;

function scopeOf(role: Role): string {
  return role === 'unit' ? UNIT_A : '430102';
}

function stepsOf(caseNumber: string, cohort: Cohort): Step[] {
  const path = `/cases/${caseNumber}`;
  const overdue = cohort === 'overdue';
  // An overdue case was discovered three days ago and its notice's deadline was yesterday.
  const decidedOn = chinaToday(overdue ? -2 : 0);
  const opening = { ...openingBody(caseNumber), discoveredOn: chinaToday(overdue ? -3 : 0) };
  const steps: Step[] = [
    { role: 'inspector', path: '/cases', body: opening, event: 'case_opened', idempotencyKey: `fault-${caseNumber}` },
    { role: 'inspector', path: `${path}/determination/start`, body: {}, event: 'determination_started' },
    {
      role: 'brigade_leader',
      path: `${path}/determination`,
      body: { outcome: 'major', decidedOn, participants: ['张三', '李四', '王五'], clauses: ['6.3'] },
      event: 'determination_recorded',
    },
    {
      role: 'inspector',
      path: `${path}/notice`,
      body: {
        documentNumber: `长消重字〔2026〕${caseNumber}号`,
        servedOn: decidedOn,
        deadline: chinaToday(overdue ? -1 : 60),
      },
      event: 'notice_served',
    },
  ];
  if (overdue) return steps;

  const leader = 'government_leader';
  steps.push(
    {
      role: 'inspector',
      path: `${path}/government-report`,
      body: { reportedOn: chinaToday(), government: COUNTY },
      event: 'reported_to_government',
    },
    {
      role: leader,
      path: `${path}/listing`,
      body: {
        documentNumber: `芙政督〔2026〕${caseNumber}号`,
        listedOn: chinaToday(),
        level: 'county',
        government: COUNTY,
        responsiblePerson: '赵六',
        supervisingDepartment: '芙蓉区应急管理局',
        deadline: chinaToday(60),
        reportingIntervalMonths: 1,
      },
      event: 'case_listed',
    },
    {
      role: 'unit',
      path: `${path}/plan`,
      body: {
        plan: {
          responsibility: '总经理',
          measures: '更换喷淋泵',
          funds: '50 万元',
          timeLimit: '两个月',
          contingencyPlan: '加强巡查',
        },
      },
      event: 'plan_submitted',
    },
  );
  if (cohort === 'rectifying') return steps;

  steps.push(
    {
      role: 'unit',
      path: `${path}/progress-reports`,
      body: { summary: '喷淋泵已到货' },
      event: 'progress_report_submitted',
    },
    { role: 'unit', path: `${path}/reinspection-applications`, body: {}, event: 'reinspection_applied' },
    {
      role: 'brigade_leader',
      path: `${path}/reinspection`,
      body: { passed: true, findings: '系统运行正常' },
      event: 'reinspection_recorded',
    },
    { role: 'brigade_leader', path: `${path}/closure`, body: {}, event: 'case_closed' },
    { role: leader, path: `${path}/delisting`, body: {}, event: 'case_delisted' },
  );
  return steps;
}

/** Number of commands a case of the cohort takes, the opening included. */
export function stepCount(cohort: Cohort): number {
  return stepsOf('count', cohort).length;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drives cases through the API as their users would, retrying through outages: a 5xx status, a lost
 * response or a 409 after such a retry is checked against the case's timeline, so a command that took effect
 * is never sent twice and one that did not is sent again.
 */
export class CaseDriver {
  readonly retries: RetryCounts = {};
  /** Steps that have taken effect so far, over all cases. */
  stepsDone = 0;

  constructor(private readonly api: () => INestApplication) {}

  /** Sends every step of the cohort in turn, and calls `onOpened` once the case exists. */
  async drive(caseNumber: string, cohort: Cohort, onOpened: () => void): Promise<void> {
    const [opening, ...rest] = stepsOf(caseNumber, cohort);
    if (opening) await this.run(caseNumber, opening);
    this.stepsDone++;
    onOpened();
    for (const step of rest) {
      await this.run(caseNumber, step);
      this.stepsDone++;
    }
  }

  private async run(caseNumber: string, step: Step): Promise<void> {
    const giveUpAt = Date.now() + STEP_PATIENCE_MS;
    let retried = false;
    for (;;) {
      const { status, body } = await this.send(step);
      if (status === 200 || status === 201) return;
      // A 409 after a retry may mean the first attempt took effect; on a first attempt it is a real rejection.
      const retryable = status === 0 || status >= 500 || (status === 409 && retried);
      if (!retryable) throw new Error(`${step.path} got ${status}: ${JSON.stringify(body)}`);
      this.retries[status] = (this.retries[status] ?? 0) + 1;
      retried = true;
      if ((await this.recordedEvents(caseNumber))?.includes(step.event)) return;
      if (Date.now() > giveUpAt) throw new Error(`${step.path} did not succeed within ${STEP_PATIENCE_MS} ms`);
      await sleep(RETRY_PAUSE_MS);
    }
  }

  /** Sends the step; a request that got no response has status 0. */
  private async send(step: Step): Promise<{ status: number; body: unknown }> {
    try {
      const response = await request(this.api().getHttpServer())
        .post(step.path)
        .set('Authorization', bearer(step.role, scopeOf(step.role)))
        .set(step.idempotencyKey ? { 'Idempotency-Key': step.idempotencyKey } : {})
        .timeout(REQUEST_TIMEOUT_MS)
        .send(step.body);
      return { status: response.status, body: response.body };
    } catch (error) {
      return { status: 0, body: String(error) };
    }
  }

  /** Types of the case's recorded events, or undefined while they cannot be read. */
  private async recordedEvents(caseNumber: string): Promise<string[] | undefined> {
    try {
      const response = await request(this.api().getHttpServer())
        .get(`/cases/${caseNumber}/events`)
        .set('Authorization', bearer('inspector', '430102'))
        .timeout(REQUEST_TIMEOUT_MS);
      if (response.status === 404) return [];
      if (response.status !== 200) return undefined;
      return (response.body as { type: string }[]).map((event) => event.type);
    } catch {
      return undefined;
    }
  }
}
