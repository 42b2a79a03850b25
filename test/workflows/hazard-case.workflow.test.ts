import { randomUUID } from 'node:crypto';

import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';

import { SYSTEM_ACTOR, type CaseOpening } from '@duban/domain';
import {
  CASE_NUMBER_TAKEN,
  confirmOpenedUpdate,
  getCaseSnapshotQuery,
  workflowBundlerOptions,
  type CaseActivities,
  type HazardCaseInput,
  type RecordCaseEventInput,
} from '@duban/temporal';

import { createTimeSkippingEnvironment } from '../support/temporal-test-env';

const opening: CaseOpening = {
  caseNumber: 'WF-0001',
  responsibleUnit: { name: '某某商场', creditCode: '91350100M000100Y43' },
  jurisdictionCode: '350102',
  placeType: 'shopping_mall',
  address: '福州市鼓楼区某某路 8 号',
  discoveredOn: '2025-09-26',
  discoverySource: 'inspection',
  hazardItems: [{ description: '疏散楼梯间堆放可燃物' }],
};

describe('hazardCase workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createTimeSkippingEnvironment();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  async function runWithWorker<T>(activities: CaseActivities, body: (taskQueue: string) => Promise<T>): Promise<T> {
    const taskQueue = `wf-${randomUUID()}`;
    const { workflowsPath, webpackConfigHook } = workflowBundlerOptions();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath,
      bundlerOptions: { webpackConfigHook },
      activities,
    });
    return worker.runUntil(body(taskQueue));
  }

  function input(openRequestId: string): HazardCaseInput {
    return { opening, openedBy: SYSTEM_ACTOR, openingHash: 'a'.repeat(64), openRequestId };
  }

  it('records the opening as event 1 and answers the snapshot query', async () => {
    const recorded: RecordCaseEventInput[] = [];
    const activities: CaseActivities = {
      recordCaseEvent: (event) => {
        recorded.push(event);
        return Promise.resolve();
      },
    };

    const result = await runWithWorker(activities, async (taskQueue) => {
      const handle = await env.client.workflow.start('hazardCase', {
        workflowId: `case-${randomUUID()}`,
        taskQueue,
        args: [input('request-1')],
      });
      const confirmed = await handle.executeUpdate(confirmOpenedUpdate, {
        args: [{ openRequestId: 'request-1', openingHash: 'a'.repeat(64) }],
      });
      const snapshot = await handle.query(getCaseSnapshotQuery);
      await handle.terminate('test finished');
      return { confirmed, snapshot };
    });

    expect(result.confirmed.created).toBe(true);
    expect(result.snapshot.stage).toBe('discovered');
    expect(result.snapshot.lastSequence).toBe(1);
    expect(result.snapshot.caseNumber).toBe('WF-0001');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.event.type).toBe('case_opened');
    expect(recorded[0]?.event.sequence).toBe(1);
    expect(recorded[0]?.event.actor).toEqual(SYSTEM_ACTOR);
    expect(recorded[0]?.event.data).toEqual({ opening, openingHash: 'a'.repeat(64) });
  });

  it('answers a repeat of the same opening as not created', async () => {
    const confirmed = await runWithWorker({ recordCaseEvent: () => Promise.resolve() }, async (taskQueue) => {
      const handle = await env.client.workflow.start('hazardCase', {
        workflowId: `case-${randomUUID()}`,
        taskQueue,
        args: [input('request-1')],
      });
      const repeat = await handle.executeUpdate(confirmOpenedUpdate, {
        args: [{ openRequestId: 'request-2', openingHash: 'a'.repeat(64) }],
      });
      await handle.terminate('test finished');
      return repeat;
    });

    expect(confirmed.created).toBe(false);
    expect(confirmed.snapshot.caseNumber).toBe('WF-0001');
  });

  it('rejects a different opening under the same case number', async () => {
    const outcome = await runWithWorker({ recordCaseEvent: () => Promise.resolve() }, async (taskQueue) => {
      const handle = await env.client.workflow.start('hazardCase', {
        workflowId: `case-${randomUUID()}`,
        taskQueue,
        args: [input('request-1')],
      });
      const rejected = await handle
        .executeUpdate(confirmOpenedUpdate, { args: [{ openRequestId: 'request-2', openingHash: 'b'.repeat(64) }] })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      await handle.terminate('test finished');
      return rejected;
    });

    expect(outcome).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (outcome as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe(CASE_NUMBER_TAKEN);
  });

  it('retries the projection until it succeeds before confirming', async () => {
    let attempts = 0;
    const activities: CaseActivities = {
      recordCaseEvent: () => {
        attempts += 1;
        return attempts < 3 ? Promise.reject(new Error('database unavailable')) : Promise.resolve();
      },
    };

    const confirmed = await runWithWorker(activities, async (taskQueue) => {
      const handle = await env.client.workflow.start('hazardCase', {
        workflowId: `case-${randomUUID()}`,
        taskQueue,
        args: [input('request-1')],
      });
      const result = await handle.executeUpdate(confirmOpenedUpdate, {
        args: [{ openRequestId: 'request-1', openingHash: 'a'.repeat(64) }],
      });
      await handle.terminate('test finished');
      return result;
    });

    expect(attempts).toBe(3);
    expect(confirmed.created).toBe(true);
  });
});
